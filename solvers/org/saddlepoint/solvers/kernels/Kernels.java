package org.saddlepoint.solvers.kernels;

import java.util.List;

/**
 * The operations the iterative solvers spend their time in, on data that lives in the backend:
 * upload a matrix once ({@link #matrix}), keep vectors there ({@link #vector}, {@link #zeros}),
 * run products and steps on them, and read back only what is needed ({@link #read}, {@link #max},
 * {@link #min}).
 *
 * <p>Shapes: matrices are dense and row-major. A <em>batch</em> of k vectors of length n is one
 * {@link DeviceVector} of length k n holding the vectors one after another (vector b in entries
 * [b n, (b + 1) n)), that is a row-major k x n matrix. Every operand of an operation has the same
 * {@link Precision}; outputs must not be inputs. Wrong shapes, lengths or precisions are
 * {@link org.saddlepoint.solvers.InvalidInputException}s.
 *
 * <p>Every implementation gives the same answers up to rounding (float within 1e-5, double within
 * 1e-12 relative to the largest entry of the result). Implementations are not thread-safe.
 */
public interface Kernels extends AutoCloseable {
    /**
     * {@link KernelBackend#AUTO} runs in plain Java below this many matrix entries (1000 x 1000): at
     * n = 2000 a pocl CPU iteration was 1.2x the Java one in float and 0.98x in double (bench/README.md),
     * so smaller problems cannot pay for the transfers and launches.
     */
    long AUTO_MIN_ENTRIES = 1_000_000L;

    /**
     * A backend of the kind asked for: {@link KernelBackend#JAVA} gives {@link JavaKernels} and never
     * touches OpenCL; {@link KernelBackend#OPENCL} gives {@link OpenClKernels} on the first device found
     * (GPUs first) when its kernels build; {@link KernelBackend#AUTO} gives it only when that device is
     * a GPU or an accelerator (on a CPU device the OpenCL kernels were measured no faster than the Java
     * loops). Otherwise {@link JavaKernels}, with one log line that says why (a warning for OPENCL,
     * info for AUTO). Never throws for a missing or broken OpenCL.
     */
    static Kernels open(KernelBackend backend) {
        return backend == KernelBackend.JAVA ? new JavaKernels() : OpenClFallback.openOrJava(backend);
    }

    /**
     * As {@link #open(KernelBackend)} for a problem whose matrices have {@code entries} entries in
     * all: {@link KernelBackend#AUTO} gives {@link JavaKernels}, without touching OpenCL, below
     * {@link #AUTO_MIN_ENTRIES}.
     */
    static Kernels open(KernelBackend backend, long entries) {
        return backend == KernelBackend.AUTO && entries < AUTO_MIN_ENTRIES ? new JavaKernels() : open(backend);
    }

    /** The backend in use: {@link KernelBackend#JAVA} or {@link KernelBackend#OPENCL}. */
    KernelBackend backend();

    /** One line saying what runs the kernels, e.g. the OpenCL device's name. */
    String description();

    /** Uploads the row-major {@code rows x cols} matrix {@code a}. */
    DeviceMatrix matrix(double[] a, int rows, int cols);

    /** Uploads the row-major {@code rows x cols} matrix {@code a}. */
    DeviceMatrix matrix(float[] a, int rows, int cols);

    /** A new vector holding a copy of {@code values}. */
    DeviceVector vector(double[] values);

    /** A new vector holding a copy of {@code values}. */
    DeviceVector vector(float[] values);

    /** A new vector of {@code length} zeros. */
    DeviceVector zeros(Precision precision, int length);

    /** Copies {@code v} (DOUBLE) into {@code out}, of the same length. */
    void read(DeviceVector v, double[] out);

    /** Copies {@code v} (FLOAT) into {@code out}, of the same length. */
    void read(DeviceVector v, float[] out);

    /** Overwrites {@code v} (DOUBLE) with {@code values}, of the same length. */
    void write(DeviceVector v, double[] values);

    /** Overwrites {@code v} (FLOAT) with {@code values}, of the same length. */
    void write(DeviceVector v, float[] values);

    /** y = A x, with x of length cols and y of length rows. */
    void multiply(DeviceMatrix a, DeviceVector x, DeviceVector y);

    /** y = A^T x, with x of length rows and y of length cols. */
    void multiplyTranspose(DeviceMatrix a, DeviceVector x, DeviceVector y);

    /** y_b = A x_b for the k vectors x_b of length cols in {@code xs}; {@code ys} holds k vectors of length rows. */
    void multiplyBatch(DeviceMatrix a, DeviceVector xs, int k, DeviceVector ys);

    /** y_b = A^T x_b for the k vectors x_b of length rows in {@code xs}; {@code ys} holds k vectors of length cols. */
    void multiplyTransposeBatch(DeviceMatrix a, DeviceVector xs, int k, DeviceVector ys);

    /**
     * The fused regret-matching+ step: with p = &lt;u, x&gt;, R &lt;- max(R + u - p, 0) entrywise, then
     * x &lt;- R / sum(R), or the uniform strategy when sum(R) is not positive. Updates
     * {@code regrets} and {@code strategy} in place; all three have the same length.
     */
    void regretMatchingPlus(DeviceVector regrets, DeviceVector utility, DeviceVector strategy);

    /**
     * The multiplicative-weights step x &lt;- x exp(eta u) / sum_j x_j exp(eta u_j), computed as
     * exp(log x + eta u - max) so that large |eta u| neither overflows nor underflows to 0/0.
     * {@code strategy} must have a positive entry; {@code eta} must be finite.
     */
    void multiplicativeWeights(DeviceVector strategy, DeviceVector utility, double eta);

    /**
     * The weighted running average y &lt;- y + w (x - y) entrywise (with w = w_t / W_t it keeps the
     * weighted average of the x_t incrementally); {@code average} and {@code x} have the same length
     * and are different vectors; {@code weight} must be finite.
     */
    void average(DeviceVector average, DeviceVector x, double weight);

    /** v &lt;- c v entrywise; {@code factor} must be finite. */
    void scale(DeviceVector v, double factor);

    /** The largest entry of {@code v} (NaN if one is NaN), read back as a double. */
    double max(DeviceVector v);

    /** The smallest entry of {@code v} (NaN if one is NaN), read back as a double. */
    double min(DeviceVector v);

    /**
     * Forward pass of a dense ReLU network on a batch: {@code input} holds {@code batch} vectors of
     * the first layer's input width; each layer computes W in + b, with ReLU (max(., 0), NaN to 0)
     * after every layer but the last, whose output is linear. {@code output} receives {@code batch}
     * vectors of the last layer's output width.
     */
    void forward(List<DenseLayer> layers, DeviceVector input, int batch, DeviceVector output);

    /** Frees every matrix and vector this backend made, and the backend itself; idempotent. */
    @Override
    void close();
}
