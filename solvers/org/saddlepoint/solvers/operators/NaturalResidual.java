package org.saddlepoint.solvers.operators;

import org.saddlepoint.solvers.Checks;
import org.saddlepoint.solvers.linalg.Vectors;

/**
 * The forward-backward (natural) residual r_eta(u) = ||u - Proj_C(u - eta F(u))|| / eta;
 * with C = R^d it is ||F(u)||. Zero exactly at solutions. Its eta is a property of the
 * certificate, independent of any algorithm's step (Cai, Alacaoglu, Diakonikolas, ICLR 2024,
 * Section 5; spec monotone-operators 1.4).
 */
public final class NaturalResidual implements Certificate {
    private final MonotoneOperator operator;
    private final Domain domain;
    private final double eta;

    public NaturalResidual(MonotoneOperator operator, Domain domain, double eta) {
        this.operator = operator;
        this.domain = domain;
        this.eta = Checks.positive("eta", eta);
    }

    @Override
    public String name() {
        return "natural residual (eta=" + eta + ")";
    }

    @Override
    public double evaluate(double[] u) {
        double[] f = new double[u.length];
        operator.apply(u, f);
        double[] step = new double[u.length];
        for (int i = 0; i < u.length; i++) {
            step[i] = u[i] - eta * f[i];
        }
        domain.project(step);
        return Vectors.distance(u, step) / eta;
    }
}
