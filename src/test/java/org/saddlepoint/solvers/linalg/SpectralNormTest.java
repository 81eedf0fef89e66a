package org.saddlepoint.solvers.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.SingularOps_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SpectralNorm's power iteration against EJML's SVD. */
class SpectralNormTest {

    static double sigmaMax(double[][] a) {
        double m = 0;
        for (double s : SingularOps_DDRM.singularValues(new DMatrixRMaj(a))) {
            m = Math.max(m, s);
        }
        return m;
    }

    static double[][] gaussian(long seed, int m, int n) {
        Random r = new Random(seed);
        double[][] a = new double[m][n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                a[i][j] = r.nextGaussian();
            }
        }
        return a;
    }

    @ParameterizedTest
    @CsvSource({"1,1", "1,9", "9,1", "2,3", "5,5", "30,20", "20,30", "100,100", "7,64"})
    void matchesEjmlSvd(int m, int n) {
        double[][] a = gaussian(1000L * m + n, m, n);
        double expected = sigmaMax(a);
        double est = SpectralNorm.estimate(DenseMatrix.of(a), 1e-12, 100_000);
        assertEquals(expected, est, 1e-6 * expected, m + "x" + n);
        assertTrue(est <= expected * (1 + 1e-12), "estimate is documented to be from below");
    }

    @Property(tries = 60)
    void randomMatricesAgreeWithEjml(@ForAll @IntRange(min = 1, max = 25) int m, @ForAll @IntRange(min = 1, max = 25) int n,
                                     @ForAll long seed) {
        double[][] a = gaussian(seed, m, n);
        double expected = sigmaMax(a);
        double est = SpectralNorm.estimate(DenseMatrix.of(a), 1e-13, 200_000);
        assertEquals(expected, est, 1e-6 * expected);
    }

    @Test
    void closedForms() {
        // rank one: ||u v^T|| = ||u|| ||v||
        double[] u = {1, -2, 2};
        double[] v = {3, 4};
        double[][] a = new double[3][2];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 2; j++) {
                a[i][j] = u[i] * v[j];
            }
        }
        assertEquals(15, SpectralNorm.estimate(DenseMatrix.of(a), 1e-12, 1000), 1e-12);
        // diagonal with a distinct top entry, orthogonal matrix, zero
        assertEquals(5, SpectralNorm.estimate(DenseMatrix.of(new double[][] {{1, 0, 0}, {0, -5, 0}, {0, 0, 3}}), 1e-13, 10_000), 1e-6 * 5);
        assertEquals(1, SpectralNorm.estimate(DenseMatrix.of(new double[][] {{0, 1}, {-1, 0}}), 1e-12, 1000), 1e-12);
        assertEquals(0, SpectralNorm.estimate(DenseMatrix.of(new double[][] {{0, 0}, {0, 0}}), 1e-12, 1000), 0.0);
        // matching pennies: singular values 2 and 0
        assertEquals(2, SpectralNorm.estimate(DenseMatrix.of(new double[][] {{1, -1}, {-1, 1}}), 1e-12, 1000), 1e-12);
    }
}
