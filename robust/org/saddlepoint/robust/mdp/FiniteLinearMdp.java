package org.saddlepoint.robust.mdp;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.saddlepoint.solvers.Checks;
import org.saddlepoint.solvers.InvalidInputException;

/**
 * A d-rectangular linear MDP on a finite state space, given completely: features phi(s, a), reward
 * parameters theta_h, factor distributions mu_{h,i} over the states, and an initial distribution.
 * The transition is P_h(s' | s, a) = sum_i phi_i(s, a) mu_{h,i}(s') (Ma et al. 2022; Liu and Xu,
 * AISTATS 2024, Assumption 3.1). Finite instances are what the exact references need
 * ({@link RobustDynamicProgramming}); a tabular MDP is the one-hot special case ({@link #oneHot}).
 * Immutable. Steps are 0-based.
 */
public final class FiniteLinearMdp implements LinearMdp<Integer> {
    private static final double SIMPLEX_TOLERANCE = 1e-9;

    private final int states;
    private final int actions;
    private final int dimension;
    private final int horizon;
    private final double[][][] phi;
    private final double[][] theta;
    private final double[][][] mu;
    private final double[] initial;
    private final int failState;

    /**
     * @param phi       phi[s][a][i], each phi[s][a] on the simplex
     * @param theta     theta[h][i], h = 0 .. H-1
     * @param mu        mu[h][i][s'], each a probability distribution over the states
     * @param initial   the initial distribution over the states
     * @param failState the absorbing zero-reward state (every value is 0 there), or -1 for none
     * @throws InvalidInputException for inconsistent shapes, non-finite entries, features off the
     *                               simplex or factors that are not distributions
     */
    public FiniteLinearMdp(double[][][] phi, double[][] theta, double[][][] mu, double[] initial, int failState) {
        if (phi == null || phi.length == 0 || phi[0].length == 0 || phi[0][0].length == 0) {
            throw new InvalidInputException("features must have at least one state, action and coordinate");
        }
        if (theta == null || theta.length == 0) {
            throw new InvalidInputException("the horizon (rows of theta) must be at least 1");
        }
        this.states = phi.length;
        this.actions = phi[0].length;
        this.dimension = phi[0][0].length;
        this.horizon = theta.length;
        this.phi = checkedFeatures(phi);
        this.theta = new double[horizon][];
        for (int h = 0; h < horizon; h++) {
            this.theta[h] = Checks.finite("theta[" + h + "]", Checks.length("theta[" + h + "]", theta[h], dimension)).clone();
        }
        if (mu == null || mu.length != horizon) {
            throw new InvalidInputException("factor distributions must have " + horizon + " steps");
        }
        this.mu = new double[horizon][dimension][];
        for (int h = 0; h < horizon; h++) {
            if (mu[h].length != dimension) {
                throw new InvalidInputException("mu[" + h + "] has " + mu[h].length + " factors, expected " + dimension);
            }
            for (int i = 0; i < dimension; i++) {
                this.mu[h][i] = checkedDistribution("mu[" + h + "][" + i + "]", mu[h][i], states);
            }
        }
        this.initial = checkedDistribution("initial distribution", initial, states);
        if (failState < -1 || failState >= states) {
            throw new InvalidInputException("fail state " + failState + " is not a state (0.." + (states - 1) + ") or -1");
        }
        this.failState = failState;
    }

    /**
     * The tabular MDP P[h][s][a][s'], R[h][s][a] as a linear MDP with one-hot features: d = |S| |A|,
     * phi(s, a) = e_{s |A| + a}, mu_{h,(s,a)} = P_h(. | s, a), theta_h = R_h (spec section 7.1). Its
     * d-rectangular TV set is the (s, a)-rectangular one.
     */
    public static FiniteLinearMdp oneHot(double[][][][] p, double[][][] r, double[] initial, int failState) {
        int h = p.length;
        int s = p[0].length;
        int a = p[0][0].length;
        double[][][] phi = new double[s][a][s * a];
        double[][] theta = new double[h][s * a];
        double[][][] mu = new double[h][s * a][];
        for (int x = 0; x < s; x++) {
            for (int b = 0; b < a; b++) {
                phi[x][b][x * a + b] = 1;
                for (int t = 0; t < h; t++) {
                    theta[t][x * a + b] = r[t][x][b];
                    mu[t][x * a + b] = p[t][x][b];
                }
            }
        }
        return new FiniteLinearMdp(phi, theta, mu, initial, failState);
    }

    /** This MDP with the factor mu_{h,i} replaced by {@code distribution} (a perturbed, target environment). */
    public FiniteLinearMdp withFactor(int h, int i, double[] distribution) {
        double[][][] m = new double[horizon][][];
        for (int t = 0; t < horizon; t++) {
            m[t] = mu[t].clone();
        }
        m[h][i] = distribution;
        return new FiniteLinearMdp(phi, theta, m, initial, failState);
    }

    private double[][][] checkedFeatures(double[][][] f) {
        double[][][] copy = new double[states][actions][];
        for (int s = 0; s < states; s++) {
            if (f[s].length != actions) {
                throw new InvalidInputException("state " + s + " has " + f[s].length + " actions, expected " + actions);
            }
            for (int a = 0; a < actions; a++) {
                String name = "phi(" + s + ", " + a + ")";
                copy[s][a] = checkedDistribution(name, f[s][a], dimension);
            }
        }
        return copy;
    }

    /** A copy of {@code p} after checking that it is a probability vector of length {@code n}. */
    static double[] checkedDistribution(String name, double[] p, int n) {
        if (p == null) {
            throw new InvalidInputException(name + " is missing");
        }
        Checks.finite(name, Checks.length(name, p, n));
        double sum = 0;
        for (int k = 0; k < n; k++) {
            if (p[k] < 0) {
                throw new InvalidInputException(name + "[" + k + "] is negative: " + p[k]);
            }
            sum += p[k];
        }
        if (Math.abs(sum - 1) > SIMPLEX_TOLERANCE) {
            throw new InvalidInputException(name + " sums to " + sum + ", not 1 (simplex condition)");
        }
        return p.clone();
    }

    public int stateCount() {
        return states;
    }

    @Override
    public int horizon() {
        return horizon;
    }

    @Override
    public int actionCount() {
        return actions;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public double[] features(Integer state, int action) {
        return phi[state][action].clone();
    }

    /** theta_h (step {@code h}, 0-based): a copy. */
    public double[] rewardParameter(int h) {
        return theta[h].clone();
    }

    /** r_h(s, a) = phi(s, a).theta_h. */
    @Override
    public double reward(int h, Integer state, int action) {
        double r = 0;
        for (int i = 0; i < dimension; i++) {
            r += phi[state][action][i] * theta[h][i];
        }
        return r;
    }

    /** mu_{h,i}: a copy. */
    public double[] factor(int h, int i) {
        return mu[h][i].clone();
    }

    /** The initial distribution: a copy. */
    public double[] initialDistribution() {
        return initial.clone();
    }

    /** P_h(. | s, a) = sum_i phi_i(s, a) mu_{h,i}. */
    public double[] transition(int h, int s, int a) {
        double[] p = new double[states];
        for (int i = 0; i < dimension; i++) {
            double w = phi[s][a][i];
            if (w != 0) {
                for (int t = 0; t < states; t++) {
                    p[t] += w * mu[h][i][t];
                }
            }
        }
        return p;
    }

    public int failState() {
        return failState;
    }

    @Override
    public boolean isFailState(Integer state) {
        return state == failState;
    }

    @Override
    public Integer initialState(SplittableRandom random) {
        return sample(initial, random);
    }

    @Override
    public Integer nextState(int h, Integer state, int action, SplittableRandom random) {
        return sample(transition(h, state, action), random);
    }

    /** An index drawn from the distribution {@code p}. */
    static int sample(double[] p, SplittableRandom random) {
        double u = random.nextDouble();
        double cumulative = 0;
        int last = 0;
        for (int k = 0; k < p.length; k++) {
            if (p[k] > 0) {
                cumulative += p[k];
                last = k;
                if (u < cumulative) {
                    return k;
                }
            }
        }
        return last;
    }

    @Override
    public String toString() {
        return "FiniteLinearMdp[states=" + states + ", actions=" + actions + ", d=" + dimension + ", H=" + horizon
                + ", initial=" + Arrays.toString(initial) + "]";
    }
}
