package org.saddlepoint.solvers.operators;

/**
 * A computable measure of how far a point is from solving a problem: zero exactly at
 * solutions, never negative (duality gap, natural residual, operator norm).
 */
public interface Certificate {
    /** Its name as reported in results: "duality gap", "natural residual (eta=1)", ... */
    String name();

    double evaluate(double[] u);
}
