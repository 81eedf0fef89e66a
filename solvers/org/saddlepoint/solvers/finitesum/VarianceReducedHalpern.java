package org.saddlepoint.solvers.finitesum;

import org.saddlepoint.solvers.Checks;

/**
 * Algorithm 1 of Cai, Alacaoglu and Diakonikolas, "Variance Reduced Halpern Iteration for
 * Finite-Sum Monotone Inclusions" (ICLR 2024): a one-step constrained Halpern iteration on the
 * forward-backward map with F replaced by a PAGE-type recursive variance-reduced estimator
 * (spec monotone-operators 2.1):
 * <pre>
 *   lambda_k = 2/(k+4)
 *   g_k = F(u_k)                                                 with probability p_k (cost n)
 *       = g_{k-1} + (1/b) sum_{i in S} [F^_i(u_k) - F^_i(u_{k-1})]   otherwise (cost 2b)
 *   u_{k+1} = J_{eta G}(lambda_k u_0 + (1 - lambda_k) u_k - eta g_k)
 * </pre>
 * with S a minibatch of b = floor(sqrt n) indices drawn uniformly without replacement, p_0 = p_1 = 1
 * (forced full refresh) and p_k = max(4/(k+4), 4/(sqrt n + 5)) after. For F cocoercive on
 * average with constant L and eta of order 1/L, E[r_eta(u_K)] = O(L ||u_0 - u*|| / K) at
 * Õ(n + sqrt(n) L / eps) oracle calls; the paper's constants were not recovered, so the
 * {@link #theory} preset takes eta = 1/L. On merely monotone problems (bilinear games) no theory
 * applies: the paper runs it there as a heuristic with a hand-tuned eta, and a divergence shows
 * as status DIVERGED or a stalled certificate, never hidden.
 */
public final class VarianceReducedHalpern implements FiniteSumMethod {
    private final double eta;

    /** @param eta the forward step (the paper's experiments: 5/||A||_F on the matrix game, 0.3 on the quadratic) */
    public VarianceReducedHalpern(double eta) {
        this.eta = Checks.positive("eta", eta);
    }

    /** eta = 1/L, L the problem's cocoercive-on-average (expected Lipschitz) constant. */
    public static VarianceReducedHalpern theory(FiniteSumProblem problem) {
        return new VarianceReducedHalpern(1.0 / problem.lipschitzOnAverage());
    }

    /** b = floor(sqrt n), at least 1. */
    public static int batchSize(int n) {
        return Math.max(1, (int) Math.floor(Math.sqrt(n)));
    }

    /** p_k: 1 for k &lt;= 1, then max(4/(k+4), 4/(sqrt n + 5)). */
    public static double refreshProbability(int k, int n) {
        return k <= 1 ? 1.0 : Math.max(4.0 / (k + 4), 4.0 / (Math.sqrt(n) + 5));
    }

    public double eta() {
        return eta;
    }

    @Override
    public String name() {
        return "variance-reduced Halpern (Algorithm 1, eta=" + (float) eta + ")";
    }

    @Override
    public FiniteSumIteration start(FiniteSumOracle oracle, double[] anchor) {
        return new Run(oracle, anchor);
    }

    private final class Run implements FiniteSumIteration {
        private final FiniteSumOracle oracle;
        private final double[] u0;
        private final double[] u;
        private final double[] previous;
        private final double[] g;
        private final int[] batch;
        private int k;

        Run(FiniteSumOracle oracle, double[] anchor) {
            this.oracle = oracle;
            this.u0 = anchor.clone();
            this.u = anchor.clone();
            this.previous = anchor.clone();
            this.g = new double[anchor.length];
            this.batch = new int[batchSize(oracle.components())];
        }

        @Override
        public void step() {
            int n = oracle.components();
            if (k <= 1 || oracle.coin(refreshProbability(k, n))) {
                oracle.full(u, g);
            } else {
                oracle.minibatch(batch);
                double scale = 1.0 / batch.length;
                for (int i : batch) {
                    oracle.addDifference(i, u, previous, scale, g);
                }
            }
            System.arraycopy(u, 0, previous, 0, u.length);
            ForwardBackwardStep.apply(oracle.domain(), 2.0 / (k + 4), u0, u, eta, g, u);
            k++;
        }

        @Override
        public double[] point() {
            return u;
        }
    }
}
