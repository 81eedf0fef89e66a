package org.saddlepoint.games;

import java.util.ArrayList;
import java.util.List;

/**
 * Test-only brute-force reference: the value of a small matrix game by enumerating equal-size
 * supports. By Shapley and Snow (1950, "Basic solutions of discrete games") every matrix game has a
 * pair of optimal strategies whose supports S (rows) and T (columns) have the same size k and that
 * solve the indifference systems
 * <pre>
 *   sum_{i in S} A_ij x_i = v  (j in T),  sum_{i in S} x_i = 1,
 *   sum_{j in T} A_ij y_j = w  (i in S),  sum_{j in T} y_j = 1,
 * </pre>
 * with both (k+1) x (k+1) systems nonsingular. So this class tries every pair (S, T), solves both
 * systems by Gaussian elimination with partial pivoting, and accepts the first pair that is a
 * certified equilibrium: after clipping to the simplex, the guarantee min_j (A^T x)_j and the
 * concession max_i (A y)_i differ by at most 1e-9 of the payoff range plus the rounding error of a
 * dot product (the feasibility and best-response conditions). The work is done on the centred
 * payoffs A - (max A + min A) / 2, whose value is v(A) minus that constant, so that a large common
 * offset does not cost digits. The value returned is the midpoint of the certified interval, so it
 * is within half the interval's width of the true value. Independent of the LP code: no OR-Tools.
 */
final class SupportEnumeration {
    /** Largest side accepted: sum_k C(8,k)^2 = 12,869 support pairs. */
    static final int MAX_SIDE = 8;

    /** A certified equilibrium: value in [lower, upper]. */
    record Equilibrium(double[] x, double[] y, double lower, double upper) {
        double value() {
            return 0.5 * (lower + upper);
        }
    }

    private SupportEnumeration() {
    }

    static double value(double[][] a) {
        return solve(a).value();
    }

    static Equilibrium solve(double[][] a) {
        int m = a.length;
        int n = a[0].length;
        if (m > MAX_SIDE || n > MAX_SIDE) {
            throw new IllegalArgumentException("support enumeration is for games up to " + MAX_SIDE + " x "
                    + MAX_SIDE + ", got " + m + " x " + n);
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] row : a) {
            for (double v : row) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        // The value of A - c is v(A) - c: centring the payoffs keeps a large common offset (entries near
        // 1e6 on a unit range, say) out of the elimination and the certificate.
        double centre = 0.5 * lo + 0.5 * hi;
        double[][] centred = new double[m][n];
        double maxAbs = 0;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                centred[i][j] = a[i][j] - centre;
                maxAbs = Math.max(maxAbs, Math.abs(centred[i][j]));
            }
        }
        // 1e-9 of the range, plus the rounding of an (m + n)-term dot product of entries this large.
        double tolerance = 1e-9 * (hi - lo) + 4.0 * (m + n) * Math.ulp(1.0) * maxAbs + Double.MIN_NORMAL;
        for (int k = 1; k <= Math.min(m, n); k++) {
            for (int[] rows : subsets(m, k)) {
                for (int[] cols : subsets(n, k)) {
                    Equilibrium e = tryKernel(centred, rows, cols, tolerance);
                    if (e != null) {
                        return new Equilibrium(e.x(), e.y(), e.lower() + centre, e.upper() + centre);
                    }
                }
            }
        }
        throw new IllegalStateException("no support pair certified an equilibrium of the " + m + " x " + n
                + " game (Shapley-Snow guarantees one exists; the tolerance " + tolerance + " is too tight?)");
    }

    private static Equilibrium tryKernel(double[][] a, int[] rows, int[] cols, double tolerance) {
        int m = a.length;
        int n = a[0].length;
        int k = rows.length;
        // Row player: for each j in T, sum_{s} A[rows[s]][j] x_s - v = 0; sum_s x_s = 1.
        double[][] sx = new double[k + 1][k + 1];
        double[][] sy = new double[k + 1][k + 1];
        double[] rhs = new double[k + 1];
        rhs[k] = 1.0;
        for (int t = 0; t < k; t++) {
            for (int s = 0; s < k; s++) {
                sx[t][s] = a[rows[s]][cols[t]];
                sy[t][s] = a[rows[t]][cols[s]];
            }
            sx[t][k] = -1.0;
            sy[t][k] = -1.0;
            sx[k][t] = 1.0;
            sy[k][t] = 1.0;
        }
        double[] xs = gauss(sx, rhs.clone());
        double[] ys = gauss(sy, rhs.clone());
        if (xs == null || ys == null) {
            return null;
        }
        double[] x = new double[m];
        double[] y = new double[n];
        for (int s = 0; s < k; s++) {
            if (xs[s] < -tolerance || ys[s] < -tolerance) {
                return null; // not a mixed strategy: infeasible support
            }
            x[rows[s]] = Math.max(0.0, xs[s]);
            y[cols[s]] = Math.max(0.0, ys[s]);
        }
        if (!normalise(x) || !normalise(y)) {
            return null;
        }
        double lower = Double.POSITIVE_INFINITY;
        for (int j = 0; j < n; j++) {
            double s = 0;
            for (int i = 0; i < m; i++) {
                s += a[i][j] * x[i];
            }
            lower = Math.min(lower, s);
        }
        double upper = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < m; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) {
                s += a[i][j] * y[j];
            }
            upper = Math.max(upper, s);
        }
        // Best responses: no column below and no row above the value, up to the tolerance.
        return upper - lower <= tolerance ? new Equilibrium(x, y, lower, upper) : null;
    }

    private static boolean normalise(double[] v) {
        double sum = 0;
        for (double e : v) {
            sum += e;
        }
        if (!(sum > 0)) {
            return false;
        }
        for (int i = 0; i < v.length; i++) {
            v[i] /= sum;
        }
        return true;
    }

    /** Solves M z = b in place; null when a pivot is negligible against the matrix's scale. */
    static double[] gauss(double[][] mat, double[] b) {
        int size = b.length;
        double scale = 0;
        for (double[] row : mat) {
            for (double v : row) {
                scale = Math.max(scale, Math.abs(v));
            }
        }
        double tiny = 1e-12 * scale;
        for (int col = 0; col < size; col++) {
            int pivot = col;
            for (int r = col + 1; r < size; r++) {
                if (Math.abs(mat[r][col]) > Math.abs(mat[pivot][col])) {
                    pivot = r;
                }
            }
            if (!(Math.abs(mat[pivot][col]) > tiny)) {
                return null;
            }
            double[] tmpRow = mat[col];
            mat[col] = mat[pivot];
            mat[pivot] = tmpRow;
            double tmp = b[col];
            b[col] = b[pivot];
            b[pivot] = tmp;
            for (int r = col + 1; r < size; r++) {
                double f = mat[r][col] / mat[col][col];
                if (f != 0) {
                    for (int c = col; c < size; c++) {
                        mat[r][c] -= f * mat[col][c];
                    }
                    b[r] -= f * b[col];
                }
            }
        }
        double[] z = new double[size];
        for (int r = size - 1; r >= 0; r--) {
            double s = b[r];
            for (int c = r + 1; c < size; c++) {
                s -= mat[r][c] * z[c];
            }
            z[r] = s / mat[r][r];
        }
        return z;
    }

    /** All k-subsets of {0..n-1}, in lexicographic order. */
    static List<int[]> subsets(int n, int k) {
        List<int[]> out = new ArrayList<>();
        int[] c = new int[k];
        for (int i = 0; i < k; i++) {
            c[i] = i;
        }
        while (true) {
            out.add(c.clone());
            int i = k - 1;
            while (i >= 0 && c[i] == n - k + i) {
                i--;
            }
            if (i < 0) {
                return out;
            }
            c[i]++;
            for (int j = i + 1; j < k; j++) {
                c[j] = c[j - 1] + 1;
            }
        }
    }
}
