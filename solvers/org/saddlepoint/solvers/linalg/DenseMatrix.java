package org.saddlepoint.solvers.linalg;

import org.saddlepoint.solvers.InvalidInputException;

/**
 * An immutable dense matrix, row-major in one {@code double[]} (EJML's layout). Entries must be
 * finite. The products run the plain loops of {@link MatVec}.
 */
public final class DenseMatrix implements LinearOperator {
    private final int rows;
    private final int cols;
    private final double[] data;
    private final double maxAbs;
    private final double min;
    private final double max;

    private DenseMatrix(int rows, int cols, double[] data) {
        this.rows = rows;
        this.cols = cols;
        this.data = data;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < data.length; k++) {
            double v = data[k];
            if (!Double.isFinite(v)) {
                throw new InvalidInputException("matrix entry (" + (k / cols) + ", " + (k % cols)
                        + ") is not finite: " + v);
            }
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        this.min = lo;
        this.max = hi;
        this.maxAbs = Math.max(Math.abs(lo), Math.abs(hi));
    }

    /** Copies a rectangular array of rows. */
    public static DenseMatrix of(double[][] entries) {
        if (entries.length == 0 || entries[0].length == 0) {
            throw new InvalidInputException("matrix must have at least one row and one column");
        }
        int m = entries.length;
        int n = entries[0].length;
        double[] data = new double[m * n];
        for (int i = 0; i < m; i++) {
            if (entries[i].length != n) {
                throw new InvalidInputException("matrix row " + i + " has " + entries[i].length
                        + " entries, row 0 has " + n);
            }
            System.arraycopy(entries[i], 0, data, i * n, n);
        }
        return new DenseMatrix(m, n, data);
    }

    /** Copies row-major {@code data} of a {@code rows x cols} matrix. */
    public static DenseMatrix ofRowMajor(int rows, int cols, double[] data) {
        if (rows <= 0 || cols <= 0) {
            throw new InvalidInputException("matrix shape must be positive, got " + rows + " x " + cols);
        }
        if ((long) rows * cols != data.length) {
            throw new InvalidInputException("row-major data has " + data.length + " entries, expected "
                    + rows + " x " + cols);
        }
        return new DenseMatrix(rows, cols, data.clone());
    }

    @Override
    public int rows() {
        return rows;
    }

    @Override
    public int cols() {
        return cols;
    }

    public double get(int i, int j) {
        return data[i * cols + j];
    }

    /** A copy of the row-major entries. */
    public double[] toRowMajor() {
        return data.clone();
    }

    /** A copy as an array of rows. */
    public double[][] toArray() {
        double[][] out = new double[rows][];
        for (int i = 0; i < rows; i++) {
            out[i] = java.util.Arrays.copyOfRange(data, i * cols, (i + 1) * cols);
        }
        return out;
    }

    /**
     * A - mean(A): the matrix with the mean of its entries subtracted from each. A bilinear game
     * on simplices keeps its equilibria and duality gap under this shift.
     */
    public DenseMatrix centred() {
        double mean = 0;
        for (double v : data) {
            mean += v;
        }
        mean /= data.length;
        double[] c = new double[data.length];
        for (int k = 0; k < c.length; k++) {
            c[k] = data[k] - mean;
        }
        return new DenseMatrix(rows, cols, c);
    }

    /**
     * A[rows, cols]: the entries at the given row and column indices, in the given order.
     *
     * @throws InvalidInputException if an index list is empty or an index is out of range
     */
    public DenseMatrix submatrix(int[] rows, int[] cols) {
        checkIndices("row", rows, this.rows);
        checkIndices("column", cols, this.cols);
        double[] sub = new double[rows.length * cols.length];
        for (int r = 0; r < rows.length; r++) {
            int from = rows[r] * this.cols;
            int to = r * cols.length;
            for (int c = 0; c < cols.length; c++) {
                sub[to + c] = data[from + cols[c]];
            }
        }
        return new DenseMatrix(rows.length, cols.length, sub);
    }

    private static void checkIndices(String kind, int[] index, int size) {
        if (index.length == 0) {
            throw new InvalidInputException("a submatrix needs at least one " + kind);
        }
        for (int i : index) {
            if (i < 0 || i >= size) {
                throw new InvalidInputException(kind + " index " + i + " is out of range [0, " + size + ")");
            }
        }
    }

    public DenseMatrix transpose() {
        double[] t = new double[data.length];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                t[j * rows + i] = data[i * cols + j];
            }
        }
        return new DenseMatrix(cols, rows, t);
    }

    /** Smallest entry. */
    public double min() {
        return min;
    }

    /** Largest entry. */
    public double max() {
        return max;
    }

    @Override
    public double maxAbsEntry() {
        return maxAbs;
    }

    @Override
    public void multiply(double[] x, double[] out) {
        MatVec.multiply(data, rows, cols, x, out);
    }

    @Override
    public void multiplyTranspose(double[] y, double[] out) {
        MatVec.multiplyTranspose(data, rows, cols, y, out);
    }

    @Override
    public void multiplyBoth(double[] x, double[] y, double[] kx, double[] kty) {
        MatVec.multiplyBoth(data, rows, cols, x, y, kx, kty);
    }
}
