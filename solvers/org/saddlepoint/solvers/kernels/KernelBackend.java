package org.saddlepoint.solvers.kernels;

/** Which implementation of {@link Kernels} to use; see {@link Kernels#open(KernelBackend)}. */
public enum KernelBackend {
    /** OpenCL when a device is found and its kernels build, plain Java otherwise. */
    AUTO,
    /** Plain Java ({@link JavaKernels}); never touches OpenCL. */
    JAVA,
    /** OpenCL ({@link OpenClKernels}); falls back to plain Java, with a warning, when it cannot start. */
    OPENCL
}
