package org.saddlepoint.solvers.finitesum;

import org.saddlepoint.solvers.Checks;

/**
 * Euclidean extragradient (Korpelevich 1976; Nemirovski 2004) with full evaluations of F, the
 * deterministic baseline of the paper's experiments (spec monotone-operators 4, 6.1):
 * <pre>
 *   u_{k+1/2} = J_{eta G}(u_k - eta F(u_k)),   u_{k+1} = J_{eta G}(u_k - eta F(u_{k+1/2}))
 * </pre>
 * Two full evaluations, two epochs, per iteration; the last iterate is certified, as in the
 * paper's plots. {@link #theory}: eta = 0.9/L_F. The analysis needs eta &lt; 1/L_F for the last
 * iterate: at eta = 1/L_F exactly, the top eigendirection of a symmetric linear F is not
 * contracted at all (factor 1 - eta L_F + (eta L_F)^2 = 1), which stalled it on least squares. (The VariationalInequality version with ergodic
 * averaging is {@link org.saddlepoint.solvers.firstorder.Extragradient}.)
 */
public final class DeterministicExtragradient implements FiniteSumMethod {
    private final double eta;

    public DeterministicExtragradient(double eta) {
        this.eta = Checks.positive("eta", eta);
    }

    /** eta = 0.9/L_F. */
    public static DeterministicExtragradient theory(FiniteSumProblem problem) {
        return new DeterministicExtragradient(0.9 / problem.lipschitz());
    }

    @Override
    public String name() {
        return "extragradient (deterministic, eta=" + (float) eta + ")";
    }

    @Override
    public FiniteSumIteration start(FiniteSumOracle oracle, double[] anchor) {
        return new AnchoredExtragradientRun(oracle, anchor, eta, false);
    }
}
