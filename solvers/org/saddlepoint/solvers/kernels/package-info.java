/**
 * The hot loops of the iterative solvers behind one small interface, {@link org.saddlepoint.solvers.kernels.Kernels},
 * with two implementations that give the same answers: {@link org.saddlepoint.solvers.kernels.JavaKernels}
 * (plain Java, the reference) and {@link org.saddlepoint.solvers.kernels.OpenClKernels} (OpenCL through
 * JOCL, kernel sources in the jar under {@code opencl-kernels/}). Data is uploaded once into handles
 * ({@link org.saddlepoint.solvers.kernels.DeviceMatrix}, {@link org.saddlepoint.solvers.kernels.DeviceVector})
 * that stay in the backend; only what the caller reads back crosses over.
 */
package org.saddlepoint.solvers.kernels;
