package org.saddlepoint.solvers.operators;

import org.saddlepoint.solvers.InvalidInputException;

/**
 * The monotone inclusion 0 in F(u) + N_C(u), i.e. the variational inequality: find u* in C with
 * F(u*).(u - u*) >= 0 for all u in C. Carries the certificate its solvers stop on. Immutable.
 */
public final class VariationalInequality {
    private final MonotoneOperator operator;
    private final Domain domain;
    private final Certificate certificate;

    /**
     * @param certificate how to certify a point; {@link NaturalResidual} with eta = 1 is the
     *                    default for problems without a duality gap
     */
    public VariationalInequality(MonotoneOperator operator, Domain domain, Certificate certificate) {
        if (operator.dimension() != domain.dimension()) {
            throw new InvalidInputException("operator dimension " + operator.dimension()
                    + " differs from domain dimension " + domain.dimension());
        }
        this.operator = operator;
        this.domain = domain;
        this.certificate = certificate;
    }

    /** The inclusion certified by its natural residual r_1. */
    public VariationalInequality(MonotoneOperator operator, Domain domain) {
        this(operator, domain, new NaturalResidual(operator, domain, 1.0));
    }

    public MonotoneOperator operator() {
        return operator;
    }

    public Domain domain() {
        return domain;
    }

    public Certificate certificate() {
        return certificate;
    }

    public int dimension() {
        return domain.dimension();
    }
}
