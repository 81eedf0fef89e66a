package org.saddlepoint.solvers.operators;

import java.util.Random;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.SingularOps_DDRM;
import org.saddlepoint.solvers.linalg.DenseMatrix;

/**
 * Test fixtures and independent references for matrix games, written with plain loops (no
 * production code) so that they can check the production gap, operator and solvers.
 * Convention throughout: max over rows x, min over columns y of x^T A y.
 */
public final class GameFixtures {
    private GameFixtures() {
    }

    public static final double[][] MATCHING_PENNIES = {{1, -1}, {-1, 1}};
    public static final double[][] ROCK_PAPER_SCISSORS = {{0, -1, 1}, {1, 0, -1}, {-1, 1, 0}};

    /** Seeded m x n matrix with entries uniform in [-1, 1). */
    public static double[][] randomMatrix(long seed, int m, int n) {
        Random r = new Random(seed);
        double[][] a = new double[m][n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                a[i][j] = 2 * r.nextDouble() - 1;
            }
        }
        return a;
    }

    /** Seeded m x n matrix with standard normal entries. */
    public static double[][] gaussianMatrix(long seed, int m, int n) {
        Random r = new Random(seed);
        double[][] a = new double[m][n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                a[i][j] = r.nextGaussian();
            }
        }
        return a;
    }

    /** A random point of the simplex in R^n (normalised exponentials: uniform on the simplex). */
    public static double[] randomSimplexPoint(Random r, int n) {
        double[] p = new double[n];
        double s = 0;
        for (int i = 0; i < n; i++) {
            p[i] = -Math.log(1 - r.nextDouble());
            s += p[i];
        }
        for (int i = 0; i < n; i++) {
            p[i] /= s;
        }
        return p;
    }

    public static double[] concat(double[] a, double[] b) {
        double[] u = new double[a.length + b.length];
        System.arraycopy(a, 0, u, 0, a.length);
        System.arraycopy(b, 0, u, a.length, b.length);
        return u;
    }

    public static double[] slice(double[] u, int from, int to) {
        return java.util.Arrays.copyOfRange(u, from, to);
    }

    /** (A y)_i by a naive loop. */
    public static double[] times(double[][] a, double[] y) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            double s = 0;
            for (int j = 0; j < y.length; j++) {
                s += a[i][j] * y[j];
            }
            out[i] = s;
        }
        return out;
    }

    /** (A^T x)_j by a naive loop. */
    public static double[] timesTranspose(double[][] a, double[] x) {
        int n = a[0].length;
        double[] out = new double[n];
        for (int j = 0; j < n; j++) {
            double s = 0;
            for (int i = 0; i < a.length; i++) {
                s += a[i][j] * x[i];
            }
            out[j] = s;
        }
        return out;
    }

    /** x^T A y by a naive double loop. */
    public static double bilinear(double[][] a, double[] x, double[] y) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                s += x[i] * a[i][j] * y[j];
            }
        }
        return s;
    }

    /**
     * Unclipped duality gap of max_x min_y x^T A y on simplices, by brute force over the
     * vertices: max_i e_i^T A y - min_j x^T A e_j. Each term is evaluated as a full bilinear
     * form with a unit vector, independent of any production kernel.
     */
    public static double bruteForceGap(double[][] a, double[] x, double[] y) {
        int m = a.length;
        int n = a[0].length;
        double best = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < m; i++) {
            double[] e = new double[m];
            e[i] = 1;
            best = Math.max(best, bilinear(a, e, y));
        }
        double worst = Double.POSITIVE_INFINITY;
        for (int j = 0; j < n; j++) {
            double[] e = new double[n];
            e[j] = 1;
            worst = Math.min(worst, bilinear(a, x, e));
        }
        return best - worst;
    }

    public static double maxAbs(double[][] a) {
        double m = 0;
        for (double[] row : a) {
            for (double v : row) {
                m = Math.max(m, Math.abs(v));
            }
        }
        return m;
    }

    public static double range(double[][] a) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] row : a) {
            for (double v : row) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        return hi - lo;
    }

    /** Largest singular value by EJML's SVD. */
    public static double spectralNormEjml(double[][] a) {
        double[] s = SingularOps_DDRM.singularValues(new DMatrixRMaj(a));
        double m = 0;
        for (double v : s) {
            m = Math.max(m, v);
        }
        return m;
    }

    public static double[][] transpose(double[][] a) {
        double[][] t = new double[a[0].length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                t[j][i] = a[i][j];
            }
        }
        return t;
    }

    public static double[][] negate(double[][] a) {
        double[][] t = new double[a.length][a[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                t[i][j] = -a[i][j];
            }
        }
        return t;
    }

    public static BilinearSaddleProblem game(double[][] a) {
        return BilinearSaddleProblem.onSimplices(DenseMatrix.of(a));
    }

    /** An equilibrium (x, y) and the value v of a small nondegenerate game. */
    public record Equilibrium(double[] x, double[] y, double value) {
        public double[] stacked() {
            return concat(x, y);
        }
    }

    /**
     * Support enumeration (equal-size supports, nondegenerate games): for every pair of row and
     * column supports of the same size solves the indifference equations with EJML and keeps a
     * solution that is nonnegative and satisfies the best-response conditions. Returns null when
     * none is found. Exponential; for games up to about 5 x 5.
     */
    public static Equilibrium supportEnumeration(double[][] a) {
        int m = a.length;
        int n = a[0].length;
        for (int rowMask = 1; rowMask < (1 << m); rowMask++) {
            for (int colMask = 1; colMask < (1 << n); colMask++) {
                int k = Integer.bitCount(rowMask);
                if (Integer.bitCount(colMask) != k) {
                    continue;
                }
                int[] rows = indices(rowMask, m);
                int[] cols = indices(colMask, n);
                // y on cols: sum_j A_ij y_j - v = 0 for i in rows, sum y = 1
                double[] ySol = solveIndifference(a, rows, cols, false);
                double[] xSol = solveIndifference(a, rows, cols, true);
                if (ySol == null || xSol == null) {
                    continue;
                }
                double[] x = new double[m];
                double[] y = new double[n];
                boolean ok = true;
                for (int t = 0; t < k; t++) {
                    x[rows[t]] = xSol[t];
                    y[cols[t]] = ySol[t];
                    ok &= xSol[t] >= -1e-12 && ySol[t] >= -1e-12;
                }
                if (!ok) {
                    continue;
                }
                double v = bilinear(a, x, y);
                double[] ay = times(a, y);
                double[] atx = timesTranspose(a, x);
                for (int i = 0; i < m; i++) {
                    ok &= ay[i] <= v + 1e-10;
                }
                for (int j = 0; j < n; j++) {
                    ok &= atx[j] >= v - 1e-10;
                }
                if (ok) {
                    return new Equilibrium(x, y, v);
                }
            }
        }
        return null;
    }

    private static int[] indices(int mask, int size) {
        int[] out = new int[Integer.bitCount(mask)];
        int t = 0;
        for (int i = 0; i < size; i++) {
            if ((mask & (1 << i)) != 0) {
                out[t++] = i;
            }
        }
        return out;
    }

    /**
     * forX = false: unknowns (y_cols, v) with A[rows][cols] y - v 1 = 0, 1^T y = 1.
     * forX = true: unknowns (x_rows, v) with A[rows][cols]^T x - v 1 = 0, 1^T x = 1.
     */
    private static double[] solveIndifference(double[][] a, int[] rows, int[] cols, boolean forX) {
        int k = rows.length;
        DMatrixRMaj lhs = new DMatrixRMaj(k + 1, k + 1);
        DMatrixRMaj rhs = new DMatrixRMaj(k + 1, 1);
        for (int r = 0; r < k; r++) {
            for (int c = 0; c < k; c++) {
                lhs.set(r, c, forX ? a[rows[c]][cols[r]] : a[rows[r]][cols[c]]);
            }
            lhs.set(r, k, -1);
            lhs.set(k, r, 1);
        }
        rhs.set(k, 0, 1);
        DMatrixRMaj sol = new DMatrixRMaj(k + 1, 1);
        if (!CommonOps_DDRM.solve(lhs, rhs, sol)) {
            return null;
        }
        double[] out = new double[k];
        for (int t = 0; t < k; t++) {
            out[t] = sol.get(t, 0);
            if (!Double.isFinite(out[t])) {
                return null;
            }
        }
        return out;
    }
}
