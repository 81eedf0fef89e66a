package org.saddlepoint.solvers.kernels;

import java.util.Arrays;

/**
 * Run in a child JVM by {@link KernelFallbackTest}: opens the backend named by {@code args[0]} (for a
 * problem of {@code args[1]} entries when given) and prints {@code backend=NAME}, a fixed product
 * A x, and the backend's description on three lines.
 */
public final class KernelsChildMain {
    static final double[] A = {1.5, -2, 0.25, 3, 7, -1};
    static final double[] X = {0.5, -4, 2};

    private KernelsChildMain() {
    }

    public static void main(String[] args) {
        KernelBackend backend = KernelBackend.valueOf(args[0]);
        try (Kernels kernels = args.length > 1 ? Kernels.open(backend, Long.parseLong(args[1]))
                : Kernels.open(backend)) {
            System.out.println("backend=" + kernels.backend());
            System.out.println(Arrays.toString(product(kernels)));
            System.out.println(kernels.description());
        }
    }

    /** A x for the 2 x 3 matrix A. */
    static double[] product(Kernels kernels) {
        DeviceVector y = kernels.zeros(Precision.DOUBLE, 2);
        kernels.multiply(kernels.matrix(A, 2, 3), kernels.vector(X), y);
        double[] out = new double[2];
        kernels.read(y, out);
        return out;
    }
}
