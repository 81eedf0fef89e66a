package org.saddlepoint.solvers.finitesum;

import org.saddlepoint.solvers.Checks;

/**
 * Algorithm 2 of Cai, Alacaoglu and Diakonikolas, "Variance Reduced Halpern Iteration for
 * Finite-Sum Monotone Inclusions" (ICLR 2024), for monotone Lipschitz F: Halpern iteration on the
 * firmly nonexpansive resolvent T = J_{eta(F+G)}, each resolvent approximated by {@link VrForb}
 * (spec monotone-operators 2.2):
 * <pre>
 *   lambda_k = 1/(k+2)
 *   v_k = VR-FoRB approximation of J_{eta(F+G)}(u_k) after M_k = max(1, floor(c ln(k+2))) inner steps
 *   u_{k+1} = lambda_k u_0 + (1 - lambda_k) v_k
 * </pre>
 * With eta = sqrt(n)/L the inner problem has L_Phi = eta L + 1 and VR-FoRB needs
 * O(n log(1/eps_k)) calls per resolvent, for Õ(n + sqrt(n) L / eps) in total, near-optimal for
 * this class ([P], abstract). The paper's inner accuracy schedule was not recovered; the inner
 * count M_k is fixed, as in the authors' scripts (c = 0.05 n). The last outer iterate u is
 * certified.
 */
public final class InexactHalpern implements FiniteSumMethod {
    private final double eta;
    private final VrForb inner;
    private final double innerScale;

    /**
     * @param eta        outer resolvent step
     * @param inner      the inner solver
     * @param innerScale c of M_k = floor(c ln(k+2))
     */
    public InexactHalpern(double eta, VrForb inner, double innerScale) {
        this.eta = Checks.positive("eta", eta);
        this.inner = inner;
        this.innerScale = Checks.positive("inner count scale", innerScale);
    }

    /**
     * eta = sqrt(n)/L, p = 1/n, alpha = 1 - p, gamma = 0.99 sqrt(p(1-p)) / (eta L + 1) (the theory's
     * absolute constant below 1 was not recovered), M_k = floor(0.05 n ln(k+2)), snapshot w = v.
     */
    public static InexactHalpern theory(FiniteSumProblem problem) {
        int n = problem.components();
        double l = problem.lipschitzOnAverage();
        double eta = Math.sqrt(n) / l;
        double p = 1.0 / n;
        double gamma = 0.99 * Math.sqrt(p * (1 - p)) / (eta * l + 1);
        return new InexactHalpern(eta, new VrForb(p, 1 - p, gamma, false), 0.05 * n);
    }

    /** M_k = max(1, floor(c ln(k+2))). */
    public int innerSteps(int k) {
        return Math.max(1, (int) Math.floor(innerScale * Math.log(k + 2)));
    }

    @Override
    public String name() {
        return "inexact Halpern (Algorithm 2, eta=" + (float) eta + ", M_k=floor(" + (float) innerScale
                + " ln(k+2)), inner " + inner + ")";
    }

    @Override
    public FiniteSumIteration start(FiniteSumOracle oracle, double[] anchor) {
        double[] u0 = anchor.clone();
        double[] u = anchor.clone();
        double[] v = new double[u.length];
        VrForb.Workspace resolvent = inner.workspace(oracle);
        return new FiniteSumIteration() {
            private int k;

            @Override
            public void step() {
                resolvent.resolvent(u, eta, innerSteps(k), v);
                ForwardBackwardStep.anchor(1.0 / (k + 2), u0, v, u);
                k++;
            }

            @Override
            public double[] point() {
                return u;
            }
        };
    }
}
