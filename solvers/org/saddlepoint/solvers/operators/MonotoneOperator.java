package org.saddlepoint.solvers.operators;

/**
 * A single-valued monotone operator F: R^d -> R^d, (F(u) - F(v)).(u - v) >= 0. For a saddle
 * problem min_x max_y phi(x, y) it is F(x, y) = (grad_x phi, -grad_y phi).
 */
public interface MonotoneOperator {
    int dimension();

    /** out = F(u); must not keep references to either array. */
    void apply(double[] u, double[] out);
}
