package org.saddlepoint.solvers.linalg;

/**
 * A linear map K: R^cols -> R^rows given by its two products. The saddle-point methods touch a
 * matrix only through this interface, so a dense, sparse or device-resident matrix fits.
 */
public interface LinearOperator {
    int rows();

    int cols();

    /** out = K x; {@code x.length == cols()}, {@code out.length == rows()}. */
    void multiply(double[] x, double[] out);

    /** out = K^T y; {@code y.length == rows()}, {@code out.length == cols()}. */
    void multiplyTranspose(double[] y, double[] out);

    /**
     * Both products in one pass where the implementation can: kx = K x and kty = K^T y.
     * The default makes two calls.
     */
    default void multiplyBoth(double[] x, double[] y, double[] kx, double[] kty) {
        multiply(x, kx);
        multiplyTranspose(y, kty);
    }

    /** max_ij |K_ij|: the Lipschitz constant of a bilinear coupling in the l1/l-infinity geometry. */
    double maxAbsEntry();
}
