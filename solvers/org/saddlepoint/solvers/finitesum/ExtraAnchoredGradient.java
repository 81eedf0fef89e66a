package org.saddlepoint.solvers.finitesum;

import org.saddlepoint.solvers.Checks;

/**
 * The extra anchored gradient method (EAG) of Yoon and Ryu, "Accelerated Algorithms for Smooth
 * Convex-Concave Minimax Problems with O(1/k^2) Rate on Squared Gradient Norm" (ICML 2021), in
 * the constrained form of the paper's experiment script (spec monotone-operators 6.3):
 * <pre>
 *   u_{k+1/2} = J_{eta G}(u_k + (u_0 - u_k)/(k+2) - eta F(u_k))
 *   u_{k+1}   = J_{eta G}(u_k + (u_0 - u_k)/(k+2) - eta F(u_{k+1/2}))
 * </pre>
 * Two epochs per iteration. With eta = 1/(8 L_F) (the {@link #theory} preset),
 * ||F(u_k)||^2 &lt;= 260 L_F^2 ||u_0 - u*||^2 / (k+1)^2 when G = 0 (constant as recalled in the spec).
 */
public final class ExtraAnchoredGradient implements FiniteSumMethod {
    private final double eta;

    public ExtraAnchoredGradient(double eta) {
        this.eta = Checks.positive("eta", eta);
    }

    /** eta = 1/(8 L_F). */
    public static ExtraAnchoredGradient theory(FiniteSumProblem problem) {
        return new ExtraAnchoredGradient(1.0 / (8 * problem.lipschitz()));
    }

    @Override
    public String name() {
        return "extra anchored gradient (EAG, eta=" + (float) eta + ")";
    }

    @Override
    public FiniteSumIteration start(FiniteSumOracle oracle, double[] anchor) {
        return new AnchoredExtragradientRun(oracle, anchor, eta, true);
    }
}
