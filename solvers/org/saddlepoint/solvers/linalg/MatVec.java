package org.saddlepoint.solvers.linalg;

/**
 * Matrix-vector kernels on row-major arrays, as plain loops (operations kept apart from data,
 * as in EJML). Every loop streams the matrix once, in memory order.
 */
public final class MatVec {
    private MatVec() {
    }

    /** out = A x for row-major A (m x n). */
    public static void multiply(double[] a, int m, int n, double[] x, double[] out) {
        for (int i = 0; i < m; i++) {
            out[i] = dot(a, i * n, x, n);
        }
    }

    /**
     * out = A^T y for row-major A (m x n): rows of A scaled by y_i and accumulated, four rows per
     * sweep over {@code out}, so that {@code out} is read and written once per four rows of A.
     */
    public static void multiplyTranspose(double[] a, int m, int n, double[] y, double[] out) {
        java.util.Arrays.fill(out, 0, n, 0.0);
        int i = 0;
        for (; i + 3 < m; i += 4) {
            axpy4(y[i], y[i + 1], y[i + 2], y[i + 3], a, i * n, n, out);
        }
        for (; i < m; i++) {
            axpy(y[i], a, i * n, out, n);
        }
    }

    /** out[j] += y0 a[off + j] + y1 a[off + n + j] + y2 a[off + 2n + j] + y3 a[off + 3n + j]. */
    private static void axpy4(double y0, double y1, double y2, double y3, double[] a, int off, int n, double[] out) {
        int o1 = off + n;
        int o2 = o1 + n;
        int o3 = o2 + n;
        for (int j = 0; j < n; j++) {
            out[j] += y0 * a[off + j] + y1 * a[o1 + j] + y2 * a[o2 + j] + y3 * a[o3 + j];
        }
    }

    /**
     * ax = A x and aty = A^T y in one pass over A: each block of four rows is used for both
     * products while it is in cache, so the matrix streams from memory once.
     */
    public static void multiplyBoth(double[] a, int m, int n, double[] x, double[] y, double[] ax, double[] aty) {
        java.util.Arrays.fill(aty, 0, n, 0.0);
        int i = 0;
        for (; i + 3 < m; i += 4) {
            for (int r = i; r < i + 4; r++) {
                ax[r] = dot(a, r * n, x, n);
            }
            axpy4(y[i], y[i + 1], y[i + 2], y[i + 3], a, i * n, n, aty);
        }
        for (; i < m; i++) {
            ax[i] = dot(a, i * n, x, n);
            axpy(y[i], a, i * n, aty, n);
        }
    }

    /**
     * sum_j a[off + j] * x[j] with eight independent accumulators: the JIT does not vectorize a
     * floating-point reduction, so independent chains are what keep the adders busy.
     */
    public static double dot(double[] a, int off, double[] x, int n) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        double s4 = 0;
        double s5 = 0;
        double s6 = 0;
        double s7 = 0;
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

    /** out[j] += alpha * a[off + j] for j < n. */
    public static void axpy(double alpha, double[] a, int off, double[] out, int n) {
        if (alpha == 0) {
            return;
        }
        for (int j = 0; j < n; j++) {
            out[j] += alpha * a[off + j];
        }
    }
}
