package org.saddlepoint.solvers.kernels;

/**
 * The float counterparts of {@link org.saddlepoint.solvers.linalg.MatVec}'s loops on row-major
 * arrays, accumulating in float as the OpenCL float kernels do.
 */
final class FloatMatVec {
    private FloatMatVec() {
    }

    /** sum_j a[ao + j] * x[xo + j] with four independent accumulators. */
    static float dot(float[] a, int ao, float[] x, int xo, int n) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int j = 0;
        for (; j + 3 < n; j += 4) {
            s0 += a[ao + j] * x[xo + j];
            s1 += a[ao + j + 1] * x[xo + j + 1];
            s2 += a[ao + j + 2] * x[xo + j + 2];
            s3 += a[ao + j + 3] * x[xo + j + 3];
        }
        for (; j < n; j++) {
            s0 += a[ao + j] * x[xo + j];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** out[oo + j] += alpha * a[ao + j] for j &lt; n. */
    static void axpy(float alpha, float[] a, int ao, float[] out, int oo, int n) {
        for (int j = 0; j < n; j++) {
            out[oo + j] += alpha * a[ao + j];
        }
    }
}
