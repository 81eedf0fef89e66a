package org.saddlepoint.solvers.linalg;

import java.util.Optional;

import org.saddlepoint.solvers.InvalidInputException;

/**
 * LU factorization with partial pivoting, P A = L U, of a square row-major matrix (Golub and Van
 * Loan, "Matrix Computations", 4th ed., Algorithms 3.4.1 and 3.4.2): right-looking and blocked,
 * panels of {@value #PANEL} columns factored one column at a time, the trailing rows updated by
 * rank-{@value #PANEL} axpys split over {@link KernelThreads} by blocks of rows (every entry is
 * computed by the same operations for any thread count, so the factors are bitwise the same).
 * Solves A x = b and A^T x = b, and A X = B for many right-hand sides at once.
 */
public final class DenseLu {
    /** Columns per panel: a panel's U rows (PANEL x n doubles) stay in cache during the trailing update. */
    private static final int PANEL = 48;
    /** Trailing updates over at least this many entries are split over threads. */
    private static final int PARALLEL_ENTRIES = 64 * 1024;

    private final double[] lu;
    private final int n;
    private final int[] pivot;

    private DenseLu(double[] lu, int n, int[] pivot) {
        this.lu = lu;
        this.n = n;
        this.pivot = pivot;
    }

    /**
     * Factors the n x n row-major matrix {@code a} (not modified); empty when a pivot is at most
     * n times the unit roundoff times the largest entry, that is when A is singular to working
     * precision, or when the thread is interrupted (checked between panels; the flag stays set).
     */
    public static Optional<DenseLu> factor(double[] a, int n) {
        if (n < 1 || a.length != n * n) {
            throw new InvalidInputException("a " + n + " x " + n + " matrix needs " + n * n + " entries, got " + a.length);
        }
        double[] lu = a.clone();
        int[] pivot = new int[n];
        double tiny = n * Math.ulp(1.0) * Math.max(maxAbs(lu), Double.MIN_NORMAL);
        for (int j0 = 0; j0 < n; j0 += PANEL) {
            int j1 = Math.min(n, j0 + PANEL);
            if (Thread.currentThread().isInterrupted() || !factorPanel(lu, n, j0, j1, pivot, tiny)) {
                return Optional.empty();
            }
            solveUnitLowerPanel(lu, n, j0, j1);
            updateTrailing(lu, n, j0, j1);
        }
        return Optional.of(new DenseLu(lu, n, pivot));
    }

    /** The order n of the factored matrix. */
    public int size() {
        return n;
    }

    /** x with A x = b. */
    public double[] solve(double[] b) {
        double[] x = checked(b).clone();
        solveColumns(x, 1);
        return x;
    }

    /**
     * Solves A X = B in place for B with {@code columns} columns, row-major n x columns in
     * {@code b}: the substitutions run along rows of B, as axpys over all right-hand sides at once.
     */
    public void solveColumns(double[] b, int columns) {
        if (columns < 1 || b.length != n * columns) {
            throw new InvalidInputException("right-hand sides: " + n + " x " + columns + " needs "
                    + (long) n * columns + " entries, got " + b.length);
        }
        for (int j = 0; j < n; j++) {
            if (pivot[j] != j) {
                swapRows(b, columns, j, pivot[j]);
            }
        }
        int blocks = (long) n * n * columns < PARALLEL_ENTRIES * 16L ? 1 : Math.min(KernelThreads.count(), columns);
        if (blocks == 1) {
            substitute(b, columns, 0, columns);
            return;
        }
        KernelThreads.run(blocks, k -> substitute(b, columns,
                (int) ((long) columns * k / blocks), (int) ((long) columns * (k + 1) / blocks)));
    }

    /** Forward then backward substitution on columns [from, to) of the row-major n x columns B. */
    private void substitute(double[] b, int columns, int from, int to) {
        if (columns == 1) {
            substituteVector(b);
            return;
        }
        int width = to - from;
        int i0 = 0;
        for (; i0 + 3 < n; i0 += 4) {
            for (int c = 0; c < i0; c++) {
                subtractFromFour(b, columns, from, width, c, i0, lu[i0 * n + c], lu[(i0 + 1) * n + c],
                        lu[(i0 + 2) * n + c], lu[(i0 + 3) * n + c]);
            }
            forwardWithin(b, columns, from, width, i0, i0 + 4);
        }
        for (int i = i0; i < n; i++) {
            for (int c = 0; c < i; c++) {
                MatVec.axpy(-lu[i * n + c], b, c * columns + from, b, i * columns + from, width);
            }
        }
        int top = n;
        for (; top - 4 >= 0; top -= 4) {
            int r0 = top - 4;
            for (int c = top; c < n; c++) {
                subtractFromFour(b, columns, from, width, c, r0, lu[r0 * n + c], lu[(r0 + 1) * n + c],
                        lu[(r0 + 2) * n + c], lu[(r0 + 3) * n + c]);
            }
            backwardWithin(b, columns, from, to, r0, top);
        }
        for (int c = top; c < n; c++) {
            for (int i = 0; i < top; i++) {
                MatVec.axpy(-lu[i * n + c], b, c * columns + from, b, i * columns + from, width);
            }
        }
        backwardWithin(b, columns, from, to, 0, top);
    }

    /** Rows r0..r0+3 of B (columns [from, from + width)) minus (l0, l1, l2, l3) times row c. */
    private static void subtractFromFour(double[] b, int columns, int from, int width, int c, int r0,
                                         double l0, double l1, double l2, double l3) {
        int src = c * columns + from;
        int d0 = r0 * columns + from;
        int d1 = d0 + columns;
        int d2 = d1 + columns;
        int d3 = d2 + columns;
        for (int j = 0; j < width; j++) {
            double v = b[src + j];
            b[d0 + j] -= l0 * v;
            b[d1 + j] -= l1 * v;
            b[d2 + j] -= l2 * v;
            b[d3 + j] -= l3 * v;
        }
    }

    /** Forward substitution with the unit lower triangle of L inside rows [r0, r1). */
    private void forwardWithin(double[] b, int columns, int from, int width, int r0, int r1) {
        for (int i = r0 + 1; i < r1; i++) {
            for (int c = r0; c < i; c++) {
                MatVec.axpy(-lu[i * n + c], b, c * columns + from, b, i * columns + from, width);
            }
        }
    }

    /** Backward substitution with the upper triangle of U inside rows [r0, r1), the diagonal included. */
    private void backwardWithin(double[] b, int columns, int from, int to, int r0, int r1) {
        for (int i = r1 - 1; i >= r0; i--) {
            for (int c = i + 1; c < r1; c++) {
                MatVec.axpy(-lu[i * n + c], b, c * columns + from, b, i * columns + from, to - from);
            }
            double inverse = 1 / lu[i * n + i];
            for (int r = i * columns + from; r < i * columns + to; r++) {
                b[r] *= inverse;
            }
        }
    }

    /** Forward then backward substitution on one right-hand side, as dot products along rows of L and U. */
    private void substituteVector(double[] x) {
        for (int i = 1; i < n; i++) {
            x[i] -= MatVec.dot(lu, i * n, x, i);
        }
        for (int i = n - 1; i >= 0; i--) {
            double s = x[i];
            for (int c = i + 1; c < n; c++) {
                s -= lu[i * n + c] * x[c];
            }
            x[i] = s / lu[i * n + i];
        }
    }

    /** x with A^T x = b: U^T w = b, L^T t = w, x = P^T t. */
    public double[] solveTranspose(double[] b) {
        double[] x = checked(b).clone();
        for (int i = 0; i < n; i++) {
            x[i] /= lu[i * n + i];
            MatVec.axpy(-x[i], lu, i * n + i + 1, x, i + 1, n - i - 1);
        }
        for (int i = n - 1; i > 0; i--) {
            double xi = x[i];
            for (int c = 0; c < i; c++) {
                x[c] -= lu[i * n + c] * xi;
            }
        }
        for (int j = n - 1; j >= 0; j--) {
            if (pivot[j] != j) {
                swapRows(x, 1, j, pivot[j]);
            }
        }
        return x;
    }

    private double[] checked(double[] b) {
        if (b.length != n) {
            throw new InvalidInputException("right-hand side of length " + b.length + " for a " + n + " x " + n + " matrix");
        }
        return b;
    }

    /**
     * Unblocked LU of columns [j0, j1) of rows j0..n-1, swapping whole rows; false if a pivot is
     * at most {@code tiny}.
     */
    private static boolean factorPanel(double[] a, int n, int j0, int j1, int[] pivot, double tiny) {
        for (int j = j0; j < j1; j++) {
            int p = j;
            double best = Math.abs(a[j * n + j]);
            for (int i = j + 1; i < n; i++) {
                double v = Math.abs(a[i * n + j]);
                if (v > best) {
                    best = v;
                    p = i;
                }
            }
            if (!(best > tiny)) {
                return false;
            }
            pivot[j] = p;
            if (p != j) {
                swapRows(a, n, j, p);
            }
            double inverse = 1 / a[j * n + j];
            for (int i = j + 1; i < n; i++) {
                double l = a[i * n + j] * inverse;
                a[i * n + j] = l;
                MatVec.axpy(-l, a, j * n + j + 1, a, i * n + j + 1, j1 - j - 1);
            }
        }
        return true;
    }

    /** U12 = L11^{-1} A12: rows [j0, j1) of the columns right of the panel. */
    private static void solveUnitLowerPanel(double[] a, int n, int j0, int j1) {
        for (int r = j0 + 1; r < j1; r++) {
            for (int p = j0; p < r; p++) {
                MatVec.axpy(-a[r * n + p], a, p * n + j1, a, r * n + j1, n - j1);
            }
        }
    }

    /** A22 -= L21 U12, row by row; rows split over threads. */
    private static void updateTrailing(double[] a, int n, int j0, int j1) {
        int rows = n - j1;
        if (rows <= 0) {
            return;
        }
        int blocks = (long) rows * rows < PARALLEL_ENTRIES ? 1 : Math.min(KernelThreads.count(), rows);
        if (blocks == 1) {
            updateRows(a, n, j0, j1, j1, n);
            return;
        }
        KernelThreads.run(blocks, b -> updateRows(a, n, j0, j1,
                j1 + (int) ((long) rows * b / blocks), j1 + (int) ((long) rows * (b + 1) / blocks)));
    }

    /** Rows [from, to) of A22 -= L21 U12, four rows of U12 per sweep over the row of A22. */
    private static void updateRows(double[] a, int n, int j0, int j1, int from, int to) {
        for (int i = from; i < to; i++) {
            int row = i * n;
            int p = j0;
            for (; p + 3 < j1; p += 4) {
                double l0 = a[row + p];
                double l1 = a[row + p + 1];
                double l2 = a[row + p + 2];
                double l3 = a[row + p + 3];
                int u0 = p * n;
                int u1 = u0 + n;
                int u2 = u1 + n;
                int u3 = u2 + n;
                for (int c = j1; c < n; c++) {
                    a[row + c] -= l0 * a[u0 + c] + l1 * a[u1 + c] + l2 * a[u2 + c] + l3 * a[u3 + c];
                }
            }
            for (; p < j1; p++) {
                MatVec.axpy(-a[row + p], a, p * n + j1, a, row + j1, n - j1);
            }
        }
    }

    private static void swapRows(double[] a, int width, int r, int s) {
        for (int c = 0; c < width; c++) {
            double t = a[r * width + c];
            a[r * width + c] = a[s * width + c];
            a[s * width + c] = t;
        }
    }

    private static double maxAbs(double[] a) {
        double m = 0;
        for (double v : a) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }
}
