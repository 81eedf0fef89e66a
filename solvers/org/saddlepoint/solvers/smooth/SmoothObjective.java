package org.saddlepoint.solvers.smooth;

/** A differentiable function of a vector: its value and its gradient at a point. */
@FunctionalInterface
public interface SmoothObjective {
    /** Returns f(x) and writes the gradient of f at x into {@code gradient} (same length as x). */
    double evaluate(double[] x, double[] gradient);
}
