package org.saddlepoint.solvers.linalg;

import java.util.Arrays;

/**
 * Matrix-vector kernels on row-major arrays, as plain loops (operations kept apart from data,
 * as in EJML). Every loop streams the matrix once, in memory order. A product over at least
 * {@value #PARALLEL_ENTRIES} entries is split over {@link KernelThreads#count()} threads: A x by
 * blocks of rows, A^T y by blocks of columns, so that no two threads write the same output and
 * every output is computed by the same operations as on one thread.
 */
public final class MatVec {
    /**
     * Products over at least this many entries (1.6 MB of doubles, a 447 x 447 matrix) are split
     * over threads: below it, handing a block to another thread (tens of microseconds) costs
     * about what it saves (bench/README.md, "matvec").
     */
    public static final int PARALLEL_ENTRIES = 200_000;
    /** Column blocks of A^T y start at multiples of this many doubles (one 64-byte line). */
    private static final int COLUMN_ALIGNMENT = 8;
    /**
     * A column block of A^T y spans at least this many columns: with shorter row segments per
     * thread the split was slower than one thread (n = 500: 128 against 96 µs, bench/README.md).
     */
    static final int MIN_BLOCK_COLUMNS = 512;

    private MatVec() {
    }

    /** out = A x for row-major A (m x n). */
    public static void multiply(double[] a, int m, int n, double[] x, double[] out) {
        int blocks = blocks(m, n, m);
        if (blocks == 1) { // no lambda: a small product allocates nothing
            multiplyRows(a, n, x, out, 0, m);
            return;
        }
        KernelThreads.run(blocks, b -> multiplyRows(a, n, x, out, split(m, blocks, b, 1), split(m, blocks, b + 1, 1)));
    }

    /**
     * out = A^T y for row-major A (m x n): rows of A scaled by y_i and accumulated, four rows per
     * sweep over {@code out}, so that {@code out} is read and written once per four rows of A.
     */
    public static void multiplyTranspose(double[] a, int m, int n, double[] y, double[] out) {
        int blocks = blocks(m, n, n / MIN_BLOCK_COLUMNS);
        if (blocks == 1) {
            multiplyTransposeColumns(a, m, n, y, out, 0, n);
            return;
        }
        KernelThreads.run(blocks, b -> multiplyTransposeColumns(a, m, n, y, out,
                split(n, blocks, b, COLUMN_ALIGNMENT), split(n, blocks, b + 1, COLUMN_ALIGNMENT)));
    }

    /**
     * ax = A x and aty = A^T y. On one thread in one pass over A: each block of four rows is used
     * for both products while it is in cache, so the matrix streams from memory once. A product
     * that is split over threads runs as the two split products (the same results).
     */
    public static void multiplyBoth(double[] a, int m, int n, double[] x, double[] y, double[] ax, double[] aty) {
        if (blocks(m, n, m) > 1) {
            multiply(a, m, n, x, ax);
            multiplyTranspose(a, m, n, y, aty);
            return;
        }
        Arrays.fill(aty, 0, n, 0.0);
        int i = 0;
        for (; i + 3 < m; i += 4) {
            multiplyRows(a, n, x, ax, i, i + 4);
            axpy4(y[i], y[i + 1], y[i + 2], y[i + 3], a, i * n, n, 0, n, aty);
        }
        for (; i < m; i++) {
            ax[i] = dot(a, i * n, x, n);
            axpy(y[i], a, i * n, aty, n);
        }
    }

    /** out[i] = (A x)_i for rows {@code from <= i < to}. */
    private static void multiplyRows(double[] a, int n, double[] x, double[] out, int from, int to) {
        for (int i = from; i < to; i++) {
            out[i] = dot(a, i * n, x, n);
        }
    }

    /** out[j] = (A^T y)_j for columns {@code from <= j < to}. */
    private static void multiplyTransposeColumns(double[] a, int m, int n, double[] y, double[] out, int from, int to) {
        Arrays.fill(out, from, to, 0.0);
        int i = 0;
        for (; i + 3 < m; i += 4) {
            axpy4(y[i], y[i + 1], y[i + 2], y[i + 3], a, i * n, n, from, to, out);
        }
        for (; i < m; i++) {
            axpy(y[i], a, i * n + from, out, from, to - from);
        }
    }

    /**
     * How many blocks to split a product over an m x n matrix into: 1 below
     * {@link #PARALLEL_ENTRIES}, else the thread count, at most {@code units} (rows or column lines).
     */
    private static int blocks(int m, int n, int units) {
        if ((long) m * n < PARALLEL_ENTRIES) {
            return 1;
        }
        return Math.max(1, Math.min(KernelThreads.count(), units));
    }

    /** Start of block b of {@code blocks} over [0, length), rounded to a multiple of {@code alignment}. */
    private static int split(int length, int blocks, int b, int alignment) {
        if (b >= blocks) {
            return length;
        }
        long start = (long) length * b / blocks;
        return (int) (start - start % alignment);
    }

    /** out[j] += y0 a[off + j] + y1 a[off + n + j] + y2 a[off + 2n + j] + y3 a[off + 3n + j], from <= j < to. */
    private static void axpy4(double y0, double y1, double y2, double y3, double[] a, int off, int n,
                              int from, int to, double[] out) {
        int o1 = off + n;
        int o2 = o1 + n;
        int o3 = o2 + n;
        for (int j = from; j < to; j++) {
            out[j] += y0 * a[off + j] + y1 * a[o1 + j] + y2 * a[o2 + j] + y3 * a[o3 + j];
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
        axpy(alpha, a, off, out, 0, n);
    }

    /** out[outOff + j] += alpha * a[off + j] for j < n. */
    static void axpy(double alpha, double[] a, int off, double[] out, int outOff, int n) {
        if (alpha == 0) {
            return;
        }
        for (int j = 0; j < n; j++) {
            out[outOff + j] += alpha * a[off + j];
        }
    }
}
