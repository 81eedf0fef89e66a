package org.saddlepoint.solvers.kernels;

import org.saddlepoint.solvers.InvalidInputException;

/**
 * What every backend's vectors and matrices share: the shape, the precision, the backend that
 * made the handle, and the closed flag. A backend supplies only how its storage is released.
 */
abstract class Handle implements DeviceVector, DeviceMatrix {
    private final Kernels owner;
    final Precision precision;
    final int rows;
    final int cols;
    private boolean closed;

    Handle(Kernels owner, Precision precision, int rows, int cols) {
        this.owner = owner;
        this.precision = precision;
        this.rows = rows;
        this.cols = cols;
    }

    /** Frees the backend storage; called once, by the first {@link #close()}. */
    abstract void release();

    @Override
    public final int length() {
        return rows * cols;
    }

    @Override
    public final int rows() {
        return rows;
    }

    @Override
    public final int cols() {
        return cols;
    }

    @Override
    public final Precision precision() {
        return precision;
    }

    @Override
    public final void close() {
        if (!closed) {
            closed = true;
            release();
        }
    }

    /**
     * {@code handle} as a {@code type} made by {@code owner} and still open.
     *
     * @throws InvalidInputException when another backend made it
     * @throws IllegalStateException when it has been closed
     */
    static <T extends Handle> T own(Object handle, Kernels owner, Class<T> type) {
        if (!type.isInstance(handle) || ((Handle) handle).owner != owner) {
            throw new InvalidInputException("this vector or matrix belongs to another Kernels backend");
        }
        if (((Handle) handle).closed) {
            throw new IllegalStateException("this vector or matrix has been closed");
        }
        return type.cast(handle);
    }
}
