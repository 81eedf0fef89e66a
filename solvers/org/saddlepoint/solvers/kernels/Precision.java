package org.saddlepoint.solvers.kernels;

/** The element type of a {@link DeviceMatrix} or {@link DeviceVector}. */
public enum Precision {
    /** 32-bit IEEE floats. */
    FLOAT,
    /** 64-bit IEEE doubles. */
    DOUBLE
}
