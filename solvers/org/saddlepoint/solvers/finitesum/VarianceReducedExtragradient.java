package org.saddlepoint.solvers.finitesum;

import org.saddlepoint.solvers.Checks;

/**
 * Loopless variance-reduced extragradient (VR-EG) of Alacaoglu and Malitsky, "Stochastic
 * Variance Reduction for Variational Inequality Methods" (COLT 2022), Algorithm 1, a baseline of
 * the paper's experiments (spec monotone-operators 4.1, 8):
 * <pre>
 *   z^_k      = alpha z_k + (1 - alpha) w_k
 *   z_{k+1/2} = J(z^_k - tau F(w_k))
 *   z_{k+1}   = J(z^_k - tau [F(w_k) + F^_i(z_{k+1/2}) - F^_i(w_k)])     i ~ Q, cost 2
 *   w_{k+1}   = z_{k+1} with probability p (then F(w_{k+1}), cost n), w_k otherwise
 * </pre>
 * One iteration is one inner step; the last iterate z is certified. {@link #theory}: p = 1/n,
 * alpha = 1 - p, tau = 0.99 sqrt(p) / L ([AM22] Theorem 2.5 takes tau = gamma sqrt(1-alpha)/L with
 * gamma in (0, 1)).
 */
public final class VarianceReducedExtragradient implements FiniteSumMethod {
    private final double p;
    private final double alpha;
    private final double tau;

    /**
     * @param p     snapshot probability in (0, 1]
     * @param alpha mixing weight in [0, 1)
     * @param tau   step
     */
    public VarianceReducedExtragradient(double p, double alpha, double tau) {
        this.p = Loopless.probability(p);
        this.alpha = Loopless.mixing(alpha);
        this.tau = Checks.positive("tau", tau);
    }

    /** p = 1/n, alpha = 1 - p, tau = 0.99 sqrt(p) / L. */
    public static VarianceReducedExtragradient theory(FiniteSumProblem problem) {
        double p = 1.0 / problem.components();
        return new VarianceReducedExtragradient(p, 1 - p, 0.99 * Math.sqrt(p) / problem.lipschitzOnAverage());
    }

    @Override
    public String name() {
        return "VR-EG (p=" + (float) p + ", alpha=" + (float) alpha + ", tau=" + (float) tau + ")";
    }

    @Override
    public FiniteSumIteration start(FiniteSumOracle oracle, double[] anchor) {
        double[] z = anchor.clone();
        double[] w = anchor.clone();
        double[] fw = new double[z.length];
        double[] half = new double[z.length];
        double[] g = new double[z.length];
        return new FiniteSumIteration() {
            private boolean snapshotEvaluated;

            @Override
            public void step() {
                if (!snapshotEvaluated) {
                    oracle.full(w, fw);
                    snapshotEvaluated = true;
                }
                ForwardBackwardStep.apply(oracle.domain(), 1 - alpha, w, z, tau, fw, half);
                System.arraycopy(fw, 0, g, 0, g.length);
                oracle.addDifference(oracle.sample(), half, w, 1.0, g);
                ForwardBackwardStep.apply(oracle.domain(), 1 - alpha, w, z, tau, g, z);
                if (oracle.coin(p)) {
                    System.arraycopy(z, 0, w, 0, z.length);
                    oracle.full(w, fw);
                }
            }

            @Override
            public double[] point() {
                return z;
            }
        };
    }
}
