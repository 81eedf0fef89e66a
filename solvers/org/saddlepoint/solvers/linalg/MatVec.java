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

    /** out = A^T y for row-major A (m x n): rows of A scaled by y_i and accumulated. */
    public static void multiplyTranspose(double[] a, int m, int n, double[] y, double[] out) {
        java.util.Arrays.fill(out, 0, n, 0.0);
        for (int i = 0; i < m; i++) {
            axpy(y[i], a, i * n, out, n);
        }
    }

    /**
     * ax = A x and aty = A^T y in one pass over A: each row is used twice while it is in cache,
     * so the matrix streams from memory once.
     */
    public static void multiplyBoth(double[] a, int m, int n, double[] x, double[] y, double[] ax, double[] aty) {
        java.util.Arrays.fill(aty, 0, n, 0.0);
        for (int i = 0; i < m; i++) {
            int off = i * n;
            ax[i] = dot(a, off, x, n);
            axpy(y[i], a, off, aty, n);
        }
    }

    /** sum_j a[off + j] * x[j], four accumulators. */
    public static double dot(double[] a, int off, double[] x, int n) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int j = 0;
        for (; j + 3 < n; j += 4) {
            s0 += a[off + j] * x[j];
            s1 += a[off + j + 1] * x[j + 1];
            s2 += a[off + j + 2] * x[j + 2];
            s3 += a[off + j + 3] * x[j + 3];
        }
        for (; j < n; j++) {
            s0 += a[off + j] * x[j];
        }
        return (s0 + s1) + (s2 + s3);
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
