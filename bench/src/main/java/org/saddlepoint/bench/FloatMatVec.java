package org.saddlepoint.bench;

/**
 * Single-precision twins of the library's plain double loops ({@code MatVec}): same structure
 * (row-major, several accumulators, one streaming pass over A per product), float arithmetic
 * and float accumulators, so that the pair measures what halving the bytes of A buys.
 */
final class FloatMatVec {
    private FloatMatVec() {
    }

    /** out = A x for row-major A (m x n). */
    static void multiply(float[] a, int m, int n, float[] x, float[] out) {
        for (int i = 0; i < m; i++) {
            out[i] = dot(a, i * n, x, n);
        }
    }

    /** out = A^T y for row-major A (m x n): rows of A scaled by y_i and accumulated. */
    static void multiplyTranspose(float[] a, int m, int n, float[] y, float[] out) {
        java.util.Arrays.fill(out, 0, n, 0f);
        for (int i = 0; i < m; i++) {
            axpy(y[i], a, i * n, out, n);
        }
    }

    /**
     * ax = A x and aty = A^T y in one pass over A: each row is used twice while it is in cache
     * (a dot product, then an axpy), as in the library's {@code MatVec.multiplyBoth}.
     */
    static void multiplyBoth(float[] a, int m, int n, float[] x, float[] y, float[] ax, float[] aty) {
        java.util.Arrays.fill(aty, 0, n, 0f);
        for (int i = 0; i < m; i++) {
            int off = i * n;
            ax[i] = dot(a, off, x, n);
            axpy(y[i], a, off, aty, n);
        }
    }

    /** sum_j a[off + j] * x[j], eight accumulators as in the library's double kernel. */
    static float dot(float[] a, int off, float[] x, int n) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        float s4 = 0;
        float s5 = 0;
        float s6 = 0;
        float s7 = 0;
        int j = 0;
        for (; j + 7 < n; j += 8) {
            int o = off + j;
            s0 += a[o] * x[j];
            s1 += a[o + 1] * x[j + 1];
            s2 += a[o + 2] * x[j + 2];
            s3 += a[o + 3] * x[j + 3];
            s4 += a[o + 4] * x[j + 4];
            s5 += a[o + 5] * x[j + 5];
            s6 += a[o + 6] * x[j + 6];
            s7 += a[o + 7] * x[j + 7];
        }
        for (; j < n; j++) {
            s0 += a[off + j] * x[j];
        }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }

    /** out[j] += alpha * a[off + j] for j &lt; n. */
    static void axpy(float alpha, float[] a, int off, float[] out, int n) {
        if (alpha == 0) {
            return;
        }
        for (int j = 0; j < n; j++) {
            out[j] += alpha * a[off + j];
        }
    }
}
