package org.saddlepoint.solvers.finitesum;

import java.util.Optional;

import org.saddlepoint.solvers.Checks;
import org.saddlepoint.solvers.InvalidInputException;
import org.saddlepoint.solvers.linalg.Vectors;
import org.saddlepoint.solvers.operators.Certificate;
import org.saddlepoint.solvers.operators.Domain;
import org.saddlepoint.solvers.operators.NaturalResidual;

/**
 * The finite-sum monotone inclusion 0 in F(u) + G(u), F = (1/n) sum F_i, G = N_C the normal cone
 * of a {@link Domain} (a product of simplices, boxes and free coordinates; all free means G = 0),
 * whose resolvent J_{eta G} is the projection onto C (Cai, Alacaoglu and Diakonikolas, ICLR 2024,
 * eq. 1; spec monotone-operators 1.1). It carries the constants the parameter presets need and
 * its certificates (spec 1.4, 6.4):
 * <ul>
 *   <li>{@link #certificate()}: ||F(u)|| when C = R^d, otherwise the natural residual
 *       r_eta(u) = ||u - Proj_C(u - eta F(u))|| / eta with the reported eta (default 1, which is
 *       not any algorithm's step);</li>
 *   <li>{@link #gap()}: the duality gap, for bilinear problems on simplices.</li>
 * </ul>
 * Immutable.
 */
public final class FiniteSumProblem {
    private final String name;
    private final FiniteSumOperator operator;
    private final Domain domain;
    private final double[] start;
    private final double lipschitzOnAverage;
    private final double lipschitz;
    private final double residualEta;
    private final Certificate gap;

    /**
     * @param lipschitzOnAverage L of the expected-Lipschitz (or cocoercive-on-average) assumption
     *                           under uniform sampling, E ||F_i(u) - F_i(v)||^2 &lt;= L^2 ||u - v||^2
     * @param lipschitz          L_F, a Lipschitz constant of F itself
     */
    public FiniteSumProblem(String name, FiniteSumOperator operator, Domain domain, double[] start,
                            double lipschitzOnAverage, double lipschitz) {
        this(name, operator, domain, start, lipschitzOnAverage, lipschitz, 1.0, null);
    }

    private FiniteSumProblem(String name, FiniteSumOperator operator, Domain domain, double[] start,
                             double lipschitzOnAverage, double lipschitz, double residualEta, Certificate gap) {
        if (operator.dimension() != domain.dimension()) {
            throw new InvalidInputException("operator dimension " + operator.dimension()
                    + " differs from domain dimension " + domain.dimension());
        }
        Checks.positive("components", operator.components());
        Checks.length("start", start, domain.dimension());
        this.name = name;
        this.operator = operator;
        this.domain = domain;
        this.start = Checks.finite("start", start).clone();
        this.lipschitzOnAverage = Checks.positive("lipschitzOnAverage", lipschitzOnAverage);
        this.lipschitz = Checks.positive("lipschitz", lipschitz);
        this.residualEta = Checks.positive("residual eta", residualEta);
        this.gap = gap;
    }

    /** A copy certified by r_eta with this eta (constrained problems). */
    public FiniteSumProblem withResidualEta(double eta) {
        return new FiniteSumProblem(name, operator, domain, start, lipschitzOnAverage, lipschitz, eta, gap);
    }

    /** A copy that also reports this duality gap. */
    public FiniteSumProblem withGap(Certificate value) {
        return new FiniteSumProblem(name, operator, domain, start, lipschitzOnAverage, lipschitz, residualEta, value);
    }

    public String name() {
        return name;
    }

    public FiniteSumOperator operator() {
        return operator;
    }

    public Domain domain() {
        return domain;
    }

    public int components() {
        return operator.components();
    }

    public int dimension() {
        return domain.dimension();
    }

    /** The experiment's starting point. */
    public double[] start() {
        return start.clone();
    }

    public double lipschitzOnAverage() {
        return lipschitzOnAverage;
    }

    public double lipschitz() {
        return lipschitz;
    }

    /** The eta of the natural residual (1 unless changed). */
    public double residualEta() {
        return residualEta;
    }

    /** True when C = R^d (G = 0). */
    public boolean isUnconstrained() {
        return domain.blocks().stream().allMatch(b -> b.kind() == Domain.Kind.FREE);
    }

    /** ||F(u)|| when unconstrained, r_eta otherwise; never charged to the oracle. */
    public Certificate certificate() {
        if (!isUnconstrained()) {
            return new NaturalResidual(operator, domain, residualEta);
        }
        return new Certificate() {
            @Override
            public String name() {
                return "operator norm ||F(u)||";
            }

            @Override
            public double evaluate(double[] u) {
                double[] f = new double[u.length];
                operator.apply(u, f);
                return Vectors.norm2(f);
            }
        };
    }

    /** The duality gap, for bilinear problems on simplices. */
    public Optional<Certificate> gap() {
        return Optional.ofNullable(gap);
    }

    @Override
    public String toString() {
        return name + " (n = " + components() + ", d = " + dimension() + ")";
    }
}
