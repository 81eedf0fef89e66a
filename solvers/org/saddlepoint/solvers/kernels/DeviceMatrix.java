package org.saddlepoint.solvers.kernels;

/**
 * A dense row-major matrix that lives in a {@link Kernels} backend, uploaded once. Only the
 * backend that made it can use it; {@link #close()} frees it; closing the backend frees every
 * handle it made.
 */
public interface DeviceMatrix extends AutoCloseable {
    /** Number of rows. */
    int rows();

    /** Number of columns. */
    int cols();

    /** Element type. */
    Precision precision();

    /** Frees the storage; idempotent. */
    @Override
    void close();
}
