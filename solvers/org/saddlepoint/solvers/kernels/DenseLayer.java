package org.saddlepoint.solvers.kernels;

import java.util.Objects;

/**
 * One layer of a dense network for {@link Kernels#forward}: out = W in + b, with W of
 * {@code out x in} (row-major) and b of length {@code out}, both in the same backend and precision.
 */
public record DenseLayer(DeviceMatrix weights, DeviceVector bias) {
    /** Checks that neither handle is null. */
    public DenseLayer {
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(bias, "bias");
    }
}
