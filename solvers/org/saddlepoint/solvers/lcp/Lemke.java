package org.saddlepoint.solvers.lcp;

import java.util.Optional;

import org.saddlepoint.solvers.InvalidInputException;

/**
 * Lemke's complementary pivoting method (C. E. Lemke, "Bimatrix equilibrium points and
 * mathematical programming", Management Science 11, 1965) for the linear complementarity problem
 * LCP(q, M): find z &ge; 0 with w = q + M z &ge; 0 and z^T w = 0. The artificial variable z0
 * enters with the covering vector of ones; complementary pivots on a dense tableau follow until
 * z0 leaves the basis (a solution) or the entering column has no positive entry (a secondary ray).
 * When M is positive semidefinite, as the skew-symmetric M of a zero-sum game is, a secondary ray
 * means that the problem is infeasible (Cottle, Pang and Stone, "The Linear Complementarity
 * Problem", 1992, Theorem 4.4.13). Ties in the ratio test go to z0, then to the first row.
 */
public final class Lemke {
    /** Pivot entries at most this, relative to the largest entry of their column, are taken as zero. */
    private static final double PIVOT_TOLERANCE = 1e-11;

    private Lemke() {
    }

    /**
     * A solution z of LCP(q, M) for the row-major p x p matrix {@code m}, or empty after a secondary
     * ray or {@code maxPivots} pivots. Costs O(p^2) per pivot.
     */
    public static Optional<double[]> solve(double[] m, double[] q, int maxPivots) {
        int p = q.length;
        if (m.length != p * p) {
            throw new InvalidInputException("LCP of size " + p + " needs a " + p + " x " + p + " matrix, got "
                    + m.length + " entries");
        }
        int r0 = 0;
        for (int i = 1; i < p; i++) {
            if (q[i] < q[r0]) {
                r0 = i;
            }
        }
        if (p == 0 || q[r0] >= 0) {
            return Optional.of(new double[p]);
        }
        Tableau t = new Tableau(m, q);
        int leaving = t.pivot(r0, t.z0);
        for (int k = 0; k < maxPivots; k++) {
            int entering = leaving < p ? leaving + p : leaving - p;
            int row = t.ratioTest(entering);
            if (row < 0) {
                return Optional.empty();
            }
            leaving = t.pivot(row, entering);
            if (leaving == t.z0) {
                return Optional.of(t.z());
            }
        }
        return Optional.empty();
    }

    /**
     * The tableau of I w - M z - 1 z0 = q: columns w (0..p-1), z (p..2p-1), z0 (2p), right-hand
     * side (2p+1); basis[i] is the variable basic in row i.
     */
    private static final class Tableau {
        final int p;
        final int width;
        final int z0;
        final double[] a;
        final int[] basis;

        Tableau(double[] m, double[] q) {
            p = q.length;
            width = 2 * p + 2;
            z0 = 2 * p;
            a = new double[p * width];
            basis = new int[p];
            for (int i = 0; i < p; i++) {
                int row = i * width;
                a[row + i] = 1;
                for (int j = 0; j < p; j++) {
                    a[row + p + j] = -m[i * p + j];
                }
                a[row + z0] = -1;
                a[row + width - 1] = q[i];
                basis[i] = i;
            }
        }

        /** The row that limits the entering column's increase, -1 if none does. */
        int ratioTest(int column) {
            double scale = 0;
            for (int i = 0; i < p; i++) {
                scale = Math.max(scale, Math.abs(a[i * width + column]));
            }
            double threshold = PIVOT_TOLERANCE * scale;
            int best = -1;
            double bestRatio = Double.POSITIVE_INFINITY;
            for (int i = 0; i < p; i++) {
                double c = a[i * width + column];
                if (c > threshold) {
                    double ratio = a[i * width + width - 1] / c;
                    if (ratio < bestRatio || ratio == bestRatio && basis[i] == z0) {
                        bestRatio = ratio;
                        best = i;
                    }
                }
            }
            return best;
        }

        /** Pivots {@code column} into the basis at {@code row}; returns the variable that left. */
        int pivot(int row, int column) {
            int r = row * width;
            double inverse = 1 / a[r + column];
            for (int j = 0; j < width; j++) {
                a[r + j] *= inverse;
            }
            for (int i = 0; i < p; i++) {
                int o = i * width;
                double f = a[o + column];
                if (i != row && f != 0) {
                    for (int j = 0; j < width; j++) {
                        a[o + j] -= f * a[r + j];
                    }
                }
            }
            int left = basis[row];
            basis[row] = column;
            return left;
        }

        /** The basic solution's z, clipped at 0 against rounding. */
        double[] z() {
            double[] z = new double[p];
            for (int i = 0; i < p; i++) {
                if (basis[i] >= p && basis[i] < z0) {
                    z[basis[i] - p] = Math.max(0, a[i * width + width - 1]);
                }
            }
            return z;
        }
    }
}
