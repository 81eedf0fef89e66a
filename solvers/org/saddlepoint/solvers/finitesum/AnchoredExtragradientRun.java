package org.saddlepoint.solvers.finitesum;

/**
 * The loop of extragradient and of EAG, which differ only in the anchor weight 1/(k+2) (EAG) or
 * 0 (extragradient): two full evaluations per iteration.
 */
final class AnchoredExtragradientRun implements FiniteSumIteration {
    private final FiniteSumOracle oracle;
    private final double eta;
    private final boolean anchored;
    private final double[] u0;
    private final double[] u;
    private final double[] half;
    private final double[] g;
    private int k;

    AnchoredExtragradientRun(FiniteSumOracle oracle, double[] anchor, double eta, boolean anchored) {
        this.oracle = oracle;
        this.eta = eta;
        this.anchored = anchored;
        this.u0 = anchor.clone();
        this.u = anchor.clone();
        this.half = new double[anchor.length];
        this.g = new double[anchor.length];
    }

    @Override
    public void step() {
        double lambda = anchored ? 1.0 / (k + 2) : 0.0;
        oracle.full(u, g);
        ForwardBackwardStep.apply(oracle.domain(), lambda, u0, u, eta, g, half);
        oracle.full(half, g);
        ForwardBackwardStep.apply(oracle.domain(), lambda, u0, u, eta, g, u);
        k++;
    }

    @Override
    public double[] point() {
        return u;
    }
}
