package org.saddlepoint.solvers.finitesum;

import org.saddlepoint.solvers.Checks;

/**
 * Halpern iteration (Halpern 1967) on the forward-backward map T = J_{eta G}(I - eta F) with full
 * evaluations of F, the deterministic baseline of Algorithm 1 (Diakonikolas, COLT 2020; spec
 * monotone-operators 5.1, 6.3):
 * <pre>
 *   u_{k+1} = lambda_k u_0 + (1 - lambda_k) T(u_k),   lambda_k = 1/(k+2)
 * </pre>
 * One epoch per iteration. T is nonexpansive when F is (1/L_F)-cocoercive and eta &lt;= 2/L_F, which
 * gives ||F(u_k)|| &lt;= L_F ||u_0 - u*|| / (k+1) for G = 0 ([D20]); the {@link #theory} preset takes
 * eta = 2/L_F. For merely monotone F (bilinear games) T is not nonexpansive and nothing is promised.
 * (The VariationalInequality version with restarts and PDHG maps is
 * {@link org.saddlepoint.solvers.firstorder.HalpernIteration}; this one counts oracle calls.)
 */
public final class DeterministicHalpern implements FiniteSumMethod {
    private final double eta;

    public DeterministicHalpern(double eta) {
        this.eta = Checks.positive("eta", eta);
    }

    /** eta = 2/L_F. */
    public static DeterministicHalpern theory(FiniteSumProblem problem) {
        return new DeterministicHalpern(2.0 / problem.lipschitz());
    }

    @Override
    public String name() {
        return "Halpern iteration (deterministic, eta=" + (float) eta + ")";
    }

    @Override
    public FiniteSumIteration start(FiniteSumOracle oracle, double[] anchor) {
        double[] u0 = anchor.clone();
        double[] u = anchor.clone();
        double[] g = new double[u.length];
        return new FiniteSumIteration() {
            private int k;

            @Override
            public void step() {
                oracle.full(u, g);
                ForwardBackwardStep.apply(oracle.domain(), 0.0, u0, u, eta, g, u);
                ForwardBackwardStep.anchor(1.0 / (k + 2), u0, u, u);
                k++;
            }

            @Override
            public double[] point() {
                return u;
            }
        };
    }
}
