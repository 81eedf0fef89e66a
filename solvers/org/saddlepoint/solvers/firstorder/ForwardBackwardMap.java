package org.saddlepoint.solvers.firstorder;

import org.saddlepoint.solvers.Checks;
import org.saddlepoint.solvers.operators.VariationalInequality;

/**
 * T(u) = Proj_C(u - eta F(u)), nonexpansive when F is (1/L)-cocoercive and eta is in (0, 2/L]
 * (Diakonikolas, COLT 2020, Section 2). Not nonexpansive for merely monotone F (a bilinear
 * game): use {@link PrimalDualHybridGradientMap} there.
 */
public final class ForwardBackwardMap implements FixedPointMap {
    private final VariationalInequality problem;
    private final double eta;
    private final double[] g;

    public ForwardBackwardMap(VariationalInequality problem, double eta) {
        this.problem = problem;
        this.eta = Checks.positive("step size", eta);
        this.g = new double[problem.dimension()];
    }

    @Override
    public int dimension() {
        return problem.dimension();
    }

    @Override
    public void apply(double[] u, double[] out) {
        problem.operator().apply(u, g);
        for (int i = 0; i < out.length; i++) {
            out[i] = u[i] - eta * g[i];
        }
        problem.domain().project(out);
    }

    @Override
    public String name() {
        return "forward-backward";
    }
}
