package org.saddlepoint.solvers.iteration;

/**
 * One evaluation of a method's certificate.
 *
 * @param iteration   iterations completed when it was taken (0 = the starting point)
 * @param seconds     wall-clock seconds since the method started
 * @param certificate the certificate's value (duality gap, residual, ...), never negative
 */
public record Checkpoint(int iteration, double seconds, double certificate) {
}
