package org.saddlepoint.robust.mdp;

import org.saddlepoint.solvers.InvalidInputException;

/**
 * The simulated d-rectangular linear MDP of Liu and Xu (AISTATS 2024, Section 6) as coded in the group's public
 * repository (spec 5.2): states x1..x5 (indices 0..4), start x1, H = 3, d = 4, actions a in {-1, +1}^4 (16; action
 * b has a_j = +1 where bit j of b is set, so action 0 is (-1,-1,-1,-1) and 15 is (+1,+1,+1,+1)),
 * p(a) = delta + (xi_norm / 4) sum_j a_j, features phi(x1, a) = (1-p, 0, 0, p), phi(x2, a) = (0, 1-p, 0, p),
 * phi(x3, a) = (0, 0, 1-p, p), phi(x4) = (0, 0, 1, 0), phi(x5) = (0, 0, 0, 1), rewards theta_1 = 0,
 * theta_2 = theta_3 = e_4 (x5 pays 1, x4 is the absorbing zero-reward fail state), and factors, at every step,
 * mu_1 = 0.999 x2 + 0.001 x4, mu_2 = 0.999 x3 + 0.001 x4, mu_3 = x4, mu_4 = x5 (the code's transitions at the
 * steps where they matter).
 *
 * <p>The target environment at level q perturbs the first transition only:
 * <ul>
 *   <li>{@link #target}: mu_{1,4} = (1-q) x5 + q x4, everything else nominal. This target lies in the TV set of
 *       radius rho &gt;= q on coordinate 4 at step 1, and it is the one that reproduces the spec's table 6.1;</li>
 *   <li>{@link #publicCodeTarget}: as the public code's {@code LinearMDP_test}, which also sets mu_{1,1} = x2 (the
 *       0.001 fail mass of the first factor is dropped, a TV shift of 0.001 outside a set with rho_{1,1} = 0).</li>
 * </ul>
 */
public final class SimulatedLinearMdp {
    /** x1, the initial state. */
    public static final int X1 = 0;
    /** x4, the fail state. */
    public static final int FAIL = 3;
    /** The coordinate (0-based) that the adversary and the target perturb. */
    public static final int PERTURBED_COORDINATE = 3;
    public static final int HORIZON = 3;
    public static final int DIMENSION = 4;
    public static final int ACTIONS = 16;
    private static final int STATES = 5;
    private static final double LEAK = 0.001;

    private SimulatedLinearMdp() {
    }

    /** The nominal (training) environment. */
    public static FiniteLinearMdp nominal(double delta, double xiNorm) {
        if (!(delta - xiNorm >= 0 && delta + xiNorm <= 1)) {
            throw new InvalidInputException("delta +- xi_norm must lie in [0, 1], got delta = " + delta
                    + ", xi_norm = " + xiNorm);
        }
        double[][][] phi = new double[STATES][ACTIONS][];
        for (int b = 0; b < ACTIONS; b++) {
            double p = delta + xiNorm / 4 * Integer.bitCount(b) * 2 - xiNorm;
            phi[0][b] = new double[] {1 - p, 0, 0, p};
            phi[1][b] = new double[] {0, 1 - p, 0, p};
            phi[2][b] = new double[] {0, 0, 1 - p, p};
            phi[3][b] = new double[] {0, 0, 1, 0};
            phi[4][b] = new double[] {0, 0, 0, 1};
        }
        double[][] theta = {{0, 0, 0, 0}, {0, 0, 0, 1}, {0, 0, 0, 1}};
        double[][][] mu = new double[HORIZON][][];
        for (int h = 0; h < HORIZON; h++) {
            mu[h] = new double[][] {
                {0, 1 - LEAK, 0, LEAK, 0},
                {0, 0, 1 - LEAK, LEAK, 0},
                {0, 0, 0, 1, 0},
                {0, 0, 0, 0, 1}};
        }
        return new FiniteLinearMdp(phi, theta, mu, new double[] {1, 0, 0, 0, 0}, FAIL);
    }

    /** The spec's target: mu_{1,4} = (1-q) x5 + q x4, at TV distance q from the nominal factor. */
    public static FiniteLinearMdp target(FiniteLinearMdp nominal, double q) {
        checkLevel(q);
        return nominal.withFactor(0, PERTURBED_COORDINATE, new double[] {0, 0, 0, q, 1 - q});
    }

    /** The public code's target: also mu_{1,1} = x2. */
    public static FiniteLinearMdp publicCodeTarget(FiniteLinearMdp nominal, double q) {
        return target(nominal, q).withFactor(0, 0, new double[] {0, 1, 0, 0, 0});
    }

    /** The TV set of radius {@code rho} on coordinate 4 at step 1 only (the code's Rho = [[0,0,0,rho],[0,0,0,0]]). */
    public static UncertaintySet uncertaintySet(double rho) {
        return UncertaintySet.single(Divergence.TOTAL_VARIATION, HORIZON, DIMENSION, 0, PERTURBED_COORDINATE, rho);
    }

    /** The action with every a_j = {@code sign}: 15 for +1, 0 for -1. */
    public static int constantAction(int sign) {
        return sign > 0 ? ACTIONS - 1 : 0;
    }

    private static void checkLevel(double q) {
        if (!(q >= 0 && q <= 1)) {
            throw new InvalidInputException("perturbation level q must lie in [0, 1], got " + q);
        }
    }
}
