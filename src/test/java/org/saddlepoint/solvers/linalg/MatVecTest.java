package org.saddlepoint.solvers.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** MatVec kernels against naive triple loops over an array of rows. */
class MatVecTest {

    static double[][] random(Random r, int m, int n) {
        double[][] a = new double[m][n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                a[i][j] = r.nextGaussian() * (r.nextInt(5) == 0 ? 100 : 1);
            }
        }
        return a;
    }

    static double[] vector(Random r, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = r.nextGaussian();
        }
        return v;
    }

    static double[] rowMajor(double[][] a) {
        int m = a.length;
        int n = a[0].length;
        double[] d = new double[m * n];
        for (int i = 0; i < m; i++) {
            System.arraycopy(a[i], 0, d, i * n, n);
        }
        return d;
    }

    static double[] naiveAx(double[][] a, double[] x) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < x.length; j++) {
                out[i] += a[i][j] * x[j];
            }
        }
        return out;
    }

    static double[] naiveATy(double[][] a, double[] y) {
        double[] out = new double[a[0].length];
        for (int j = 0; j < out.length; j++) {
            for (int i = 0; i < a.length; i++) {
                out[j] += a[i][j] * y[i];
            }
        }
        return out;
    }

    /** |sum| error bound of recursive summation: n eps sum |a_ij x_j| (Higham), made generous by 4. */
    static void assertClose(double[] expected, double[] actual, double[][] a, double[] x, boolean transpose) {
        assertEquals(expected.length, actual.length);
        for (int k = 0; k < expected.length; k++) {
            double abs = 0;
            int len = transpose ? a.length : a[0].length;
            for (int t = 0; t < len; t++) {
                abs += transpose ? Math.abs(a[t][k] * x[t]) : Math.abs(a[k][t] * x[t]);
            }
            double tol = 4 * (len + 1) * Math.ulp(1.0) * abs;
            assertEquals(expected[k], actual[k], tol, "entry " + k);
        }
    }

    @ParameterizedTest
    @CsvSource({"1,1", "1,7", "7,1", "3,5", "5,3", "13,11", "2,2", "1,2", "2,1", "31,17", "64,64"})
    void allThreeKernelsMatchNaiveLoops(int m, int n) {
        Random r = new Random(31L * m + n);
        double[][] a = random(r, m, n);
        double[] x = vector(r, n);
        double[] y = vector(r, m);
        double[] d = rowMajor(a);
        double[] ax = new double[m];
        double[] aty = new double[n];
        MatVec.multiply(d, m, n, x, ax);
        MatVec.multiplyTranspose(d, m, n, y, aty);
        assertClose(naiveAx(a, x), ax, a, x, false);
        assertClose(naiveATy(a, y), aty, a, y, true);
        double[] ax2 = new double[m];
        double[] aty2 = new double[n];
        java.util.Arrays.fill(aty2, 123.0); // must be overwritten, not accumulated into
        MatVec.multiplyBoth(d, m, n, x, y, ax2, aty2);
        assertClose(naiveAx(a, x), ax2, a, x, false);
        assertClose(naiveATy(a, y), aty2, a, y, true);
        // DenseMatrix routes to the same kernels
        DenseMatrix dm = DenseMatrix.of(a);
        double[] ax3 = new double[m];
        double[] aty3 = new double[n];
        dm.multiply(x, ax3);
        dm.multiplyTranspose(y, aty3);
        assertArrayEquals(ax, ax3, 0.0);
        assertArrayEquals(aty, aty3, 0.0);
    }

    @Property(tries = 200)
    void randomShapes(@ForAll @IntRange(min = 1, max = 23) int m, @ForAll @IntRange(min = 1, max = 23) int n,
                      @ForAll long seed) {
        Random r = new Random(seed);
        double[][] a = random(r, m, n);
        double[] x = vector(r, n);
        double[] y = vector(r, m);
        double[] d = rowMajor(a);
        double[] ax = new double[m];
        double[] aty = new double[n];
        MatVec.multiplyBoth(d, m, n, x, y, ax, aty);
        assertClose(naiveAx(a, x), ax, a, x, false);
        assertClose(naiveATy(a, y), aty, a, y, true);
        double[] aty2 = new double[n];
        java.util.Arrays.fill(aty2, -5.0);
        MatVec.multiplyTranspose(d, m, n, y, aty2);
        assertClose(naiveATy(a, y), aty2, a, y, true);
    }

    @ParameterizedTest
    @CsvSource({"0", "1", "3", "4", "5", "9"})
    void dotAndAxpyWithOffsets(int n) {
        Random r = new Random(n);
        double[] a = vector(r, n + 6);
        double[] x = vector(r, n);
        double expected = 0;
        for (int j = 0; j < n; j++) {
            expected += a[3 + j] * x[j];
        }
        assertEquals(expected, MatVec.dot(a, 3, x, n), 1e-13);
        double[] out = vector(r, n);
        double[] before = out.clone();
        MatVec.axpy(2.5, a, 3, out, n);
        for (int j = 0; j < n; j++) {
            assertEquals(before[j] + 2.5 * a[3 + j], out[j], 1e-15 * (1 + Math.abs(out[j])));
        }
    }

    @org.junit.jupiter.api.Test
    void exactSmallCases() {
        double[] a = {1, 2, 3, 4, 5, 6}; // 2 x 3
        double[] ax = new double[2];
        double[] aty = new double[3];
        MatVec.multiplyBoth(a, 2, 3, new double[] {1, 0, -1}, new double[] {1, 1}, ax, aty);
        assertArrayEquals(new double[] {-2, -2}, ax, 0.0);
        assertArrayEquals(new double[] {5, 7, 9}, aty, 0.0);
        double[] one = new double[1];
        MatVec.multiply(new double[] {-3}, 1, 1, new double[] {2}, one);
        assertEquals(-6, one[0], 0.0);
    }
}
