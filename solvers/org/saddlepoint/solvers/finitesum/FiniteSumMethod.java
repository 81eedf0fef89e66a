package org.saddlepoint.solvers.finitesum;

/** A method for finite-sum monotone inclusions, run by {@link FiniteSumSolver}. Immutable. */
public interface FiniteSumMethod {
    /** The method's name as in its paper, with its parameters. */
    String name();

    /**
     * A fresh run anchored at {@code anchor} (a point of C, copied): u_0 of the Halpern-type
     * methods, the start of the others.
     */
    FiniteSumIteration start(FiniteSumOracle oracle, double[] anchor);
}
