package org.saddlepoint.solvers.kernels;

/**
 * A vector (or a batch of vectors, stored one after another) that lives in a {@link Kernels}
 * backend. Only the backend that made it can use it; {@link #close()} frees it (using it afterwards
 * is an {@link IllegalStateException}); closing the backend frees every handle it made.
 */
public interface DeviceVector extends AutoCloseable {
    /** Number of entries. */
    int length();

    /** Element type. */
    Precision precision();

    /** Frees the storage; idempotent. */
    @Override
    void close();
}
