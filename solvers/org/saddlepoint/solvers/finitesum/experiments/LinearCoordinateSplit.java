package org.saddlepoint.solvers.finitesum.experiments;

import org.saddlepoint.solvers.Checks;
import org.saddlepoint.solvers.InvalidInputException;
import org.saddlepoint.solvers.finitesum.FiniteSumOperator;

/**
 * The finite-sum split of the paper's two test problems (spec monotone-operators 4.1, 4.2): an
 * affine F(x, y) = (M_xx x + M_xy y + c_x, M_yx x + M_yy y + c_y) on R^n x R^n whose component i
 * is made of coordinate i of x and coordinate i of y:
 * <pre>
 *   F_i(x, y) = n (x_i M_xx[:,i] + y_i M_xy[:,i],  x_i M_yx[:,i] + y_i M_yy[:,i]) + (c_x, c_y)
 * </pre>
 * so that (1/n) sum F_i = F. Each block is stored column by column (column i contiguous), absent
 * blocks are zero; one component costs O(n) and allocates nothing, and the full F is one pass
 * over the blocks. Immutable (the arrays are copied).
 */
final class LinearCoordinateSplit implements FiniteSumOperator {
    private final int n;
    private final double[][] blocks;
    private final double[] cx;
    private final double[] cy;

    /**
     * @param columnsXx ... columnsYy column-major n x n blocks M_xx, M_xy, M_yx, M_yy; null for zero
     * @param cx        constant of the x part, null for zero
     * @param cy        constant of the y part, null for zero
     */
    LinearCoordinateSplit(int n, double[] columnsXx, double[] columnsXy, double[] columnsYx, double[] columnsYy,
                          double[] cx, double[] cy) {
        this.n = Checks.positive("n", n);
        this.blocks = new double[][] {copy(columnsXx, n * n), copy(columnsXy, n * n), copy(columnsYx, n * n),
                                      copy(columnsYy, n * n)};
        this.cx = copy(cx, n);
        this.cy = copy(cy, n);
    }

    private static double[] copy(double[] v, int length) {
        if (v == null) {
            return null;
        }
        if (v.length != length) {
            throw new InvalidInputException("block has " + v.length + " entries, expected " + length);
        }
        return Checks.finite("block", v).clone();
    }

    @Override
    public int dimension() {
        return 2 * n;
    }

    @Override
    public int components() {
        return n;
    }

    @Override
    public void addComponent(int i, double[] u, double scale, double[] out) {
        addLinear(i, u[i], u[n + i], scale * n, out);
        addConstant(cx, 0, scale, out);
        addConstant(cy, n, scale, out);
    }

    @Override
    public void addComponentDifference(int i, double[] u, double[] v, double scale, double[] out) {
        addLinear(i, u[i] - v[i], u[n + i] - v[n + i], scale * n, out);
    }

    /** out += s (x_i M_xx[:,i] + y_i M_xy[:,i], x_i M_yx[:,i] + y_i M_yy[:,i]). */
    private void addLinear(int i, double xi, double yi, double s, double[] out) {
        int off = i * n;
        axpy(s * xi, blocks[0], off, out, 0);
        axpy(s * yi, blocks[1], off, out, 0);
        axpy(s * xi, blocks[2], off, out, n);
        axpy(s * yi, blocks[3], off, out, n);
    }

    private void addConstant(double[] c, int outOff, double scale, double[] out) {
        if (c != null) {
            axpy(scale, c, 0, out, outOff);
        }
    }

    /** out[outOff + j] += alpha a[off + j], j &lt; n; nothing for a zero block. */
    private void axpy(double alpha, double[] a, int off, double[] out, int outOff) {
        if (a == null || alpha == 0) {
            return;
        }
        for (int j = 0; j < n; j++) {
            out[outOff + j] += alpha * a[off + j];
        }
    }

    @Override
    public void apply(double[] u, double[] out) {
        java.util.Arrays.fill(out, 0.0);
        for (int i = 0; i < n; i++) {
            addLinear(i, u[i], u[n + i], 1.0, out);
        }
        addConstant(cx, 0, 1.0, out);
        addConstant(cy, n, 1.0, out);
    }

    /** n times the Frobenius norm of the Jacobian of F_i / n (its columns i of the four blocks). */
    @Override
    public double componentLipschitz(int i) {
        return n * Math.sqrt(columnNormSquared(i));
    }

    /**
     * L of E ||F_i(u) - F_i(v)||^2 &lt;= L^2 ||u - v||^2 under uniform sampling: the components act on
     * disjoint coordinate pairs, so L^2 = n max_i (sum of the squared columns i of the blocks).
     */
    double lipschitzOnAverage() {
        double max = 0;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, columnNormSquared(i));
        }
        return Math.sqrt(n * max);
    }

    private double columnNormSquared(int i) {
        double s = 0;
        for (double[] block : blocks) {
            if (block != null) {
                for (int j = i * n; j < (i + 1) * n; j++) {
                    s += block[j] * block[j];
                }
            }
        }
        return s;
    }
}
