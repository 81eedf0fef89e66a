package org.saddlepoint.solvers.kernels;

/** Which implementation of {@link Kernels} to use; see {@link Kernels#open(KernelBackend)}. */
public enum KernelBackend {
    /**
     * OpenCL when a GPU or accelerator device is found, its kernels build and the problem has at least
     * {@link Kernels#AUTO_MIN_ENTRIES} matrix entries; plain Java otherwise.
     */
    AUTO,
    /** Plain Java ({@link JavaKernels}); never touches OpenCL. */
    JAVA,
    /**
     * OpenCL ({@link OpenClKernels}) on the first device found, GPUs first, CPUs included; falls back to
     * plain Java, with a warning, when it cannot start.
     */
    OPENCL
}
