package org.saddlepoint.games.preference;

import java.util.SplittableRandom;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.saddlepoint.solvers.SaddlepointException;

/**
 * INPO's loss at iteration t (Zhang et al., "Iterative Nash Policy Optimization", ICLR 2025,
 * arXiv 2407.00617), reconstructed from the fixed-point requirement (spec section 2): with
 * <pre>
 *   h_t(theta; y, y') = [theta_y - theta_y'] - (1 - eta beta)[log pi_t(y) - log pi_t(y')]
 *                       - eta beta [log mu(y) - log mu(y')],
 *   L_t(theta) = E_{y, y' ~ pi_t, o ~ Bernoulli(P[y][y'])} ( h_t(theta; y, y') - eta (o - 1/2) )^2,
 * </pre>
 * a least-squares problem in the logits over a preference dataset, with no win-rate estimate. The
 * loss is held as pair weights w(y, y') and mean outcomes o(y, y'): exactly (w = pi_t x pi_t,
 * o = P) or from a sampled dataset D_t. {@link #minimiser()} solves the weighted least squares
 * generically (QR, rows sqrt(w) (e_y - e_y'), plus the gauge row sum theta = 0); its minimiser
 * is, on the support of pi_t, the online mirror descent iterate
 * pi_{t+1} ∝ pi_t^{1 - eta beta} mu^{eta beta} exp(eta P pi_t) (derived in the spec; tested).
 */
public final class InpoLoss {
    /** Weight of the ridge rows theta_y = a_y that make responses absent from a sampled dataset identifiable. */
    private static final double SAMPLED_RIDGE = 1e-8;

    private final double[] anchor;
    private final double eta;
    private final double[][] weights;
    private final double[][] outcomes;
    private final double ridge;

    private InpoLoss(double[] anchor, double eta, double[][] weights, double[][] outcomes, double ridge) {
        this.anchor = anchor;
        this.eta = eta;
        this.weights = weights;
        this.outcomes = outcomes;
        this.ridge = ridge;
    }

    /** The population loss: pairs from pi_t x pi_t, outcomes with their expectation P. */
    public static InpoLoss expected(PreferenceGame game, double[] policy, double eta) {
        int k = game.responses();
        double[][] w = new double[k][k];
        for (int y = 0; y < k; y++) {
            for (int z = 0; z < k; z++) {
                w[y][z] = policy[y] * policy[z];
            }
        }
        return new InpoLoss(anchor(game, policy, eta), eta, w, game.preferences().toArray(), 0);
    }

    /** The empirical loss on {@code pairs} pairs (y, y') ~ pi_t x pi_t with outcomes o ~ Bernoulli(P[y][y']). */
    public static InpoLoss sampled(PreferenceGame game, double[] policy, double eta, int pairs, SplittableRandom random) {
        int k = game.responses();
        PolicySampler sampler = new PolicySampler(policy);
        double[][] w = new double[k][k];
        double[][] wins = new double[k][k];
        for (int s = 0; s < pairs; s++) {
            int y = sampler.draw(random);
            int z = sampler.draw(random);
            boolean yWins = random.nextDouble() < game.preferences().get(y, z);
            w[y][z] += 1.0 / pairs;
            wins[y][z] += yWins ? 1 : 0;
        }
        for (int y = 0; y < k; y++) {
            for (int z = 0; z < k; z++) {
                wins[y][z] = w[y][z] > 0 ? wins[y][z] / (w[y][z] * pairs) : 0.5;
            }
        }
        return new InpoLoss(anchor(game, policy, eta), eta, w, wins, SAMPLED_RIDGE);
    }

    /** a = (1 - eta beta) log pi_t + eta beta log mu. */
    private static double[] anchor(PreferenceGame game, double[] policy, double eta) {
        double[] logMu = game.logReference();
        double eb = eta * game.beta();
        double[] a = new double[policy.length];
        for (int y = 0; y < a.length; y++) {
            a[y] = (1 - eb) * Math.log(policy[y]) + eb * logMu[y];
        }
        return a;
    }

    /** The target of theta_y - theta_y' for the pair (y, y'). */
    private double target(int y, int z) {
        return anchor[y] - anchor[z] + eta * (outcomes[y][z] - 0.5);
    }

    /** L_t(theta) up to the outcome variance (which does not depend on theta). */
    public double value(double[] theta) {
        double s = 0;
        for (int y = 0; y < theta.length; y++) {
            for (int z = 0; z < theta.length; z++) {
                double r = theta[y] - theta[z] - target(y, z);
                s += weights[y][z] * r * r;
            }
        }
        return s;
    }

    /** The minimising logits, normalised to log-probabilities. */
    public double[] minimiser() {
        int k = anchor.length;
        DMatrixRMaj[] system = leastSquares(LogLinearPolicy.oneHot(k), true);
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.leastSquaresQrPivot(true, false);
        double[] theta = solve(solver, system);
        Softmax.normalise(theta, new double[k]);
        return theta;
    }

    /**
     * The minimising weights of a log-linear policy (the loss with theta = Phi w, h_t linear in w),
     * the minimum-norm one when several minimise (features whose span holds the constants).
     */
    public double[] minimiser(LogLinearPolicy features) {
        return solve(LinearSolverFactory_DDRM.pseudoInverse(true), leastSquares(features, false));
    }

    private static double[] solve(LinearSolverDense<DMatrixRMaj> solver, DMatrixRMaj[] system) {
        if (!solver.setA(system[0])) {
            throw new SaddlepointException("the INPO least-squares system is singular");
        }
        DMatrixRMaj x = new DMatrixRMaj(system[0].numCols, 1);
        solver.solve(system[1], x);
        return x.getData().clone();
    }

    /**
     * The rows sqrt(w(y, y')) (phi(y) - phi(y')) with right-hand sides sqrt(w) target(y, y'), the
     * gauge row sum w = 0 if asked (tabular), and for a sampled loss the ridge rows
     * ridge (phi(y)^T w - a_y).
     */
    private DMatrixRMaj[] leastSquares(LogLinearPolicy features, boolean gauge) {
        int k = anchor.length;
        int d = features.dimension();
        int rows = k * k + (gauge ? 1 : 0) + (ridge > 0 ? k : 0);
        DMatrixRMaj a = new DMatrixRMaj(rows, d);
        DMatrixRMaj b = new DMatrixRMaj(rows, 1);
        double[] diff = new double[d];
        int row = 0;
        for (int y = 0; y < k; y++) {
            for (int z = 0; z < k; z++, row++) {
                double s = Math.sqrt(weights[y][z]);
                if (y != z && s > 0) {
                    features.difference(y, z, diff);
                    for (int i = 0; i < d; i++) {
                        a.set(row, i, s * diff[i]);
                    }
                    b.set(row, 0, s * target(y, z));
                }
            }
        }
        for (int i = 0; gauge && i < d; i++) {
            a.set(row, i, 1);
        }
        row += gauge ? 1 : 0;
        for (int y = 0; ridge > 0 && y < k; y++, row++) {
            for (int i = 0; i < d; i++) {
                a.set(row, i, ridge * features.feature(y, i));
            }
            b.set(row, 0, ridge * anchor[y]);
        }
        return new DMatrixRMaj[] {a, b};
    }
}
