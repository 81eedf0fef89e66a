package org.saddlepoint.solvers.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.saddlepoint.solvers.InvalidInputException;

class DenseMatrixTest {

    @Test
    void rejectsNonFiniteEntries() {
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> DenseMatrix.of(new double[][] {{1, 2, 3}, {4, bad, 6}}));
            assertTrue(e.getMessage().contains("(1, 1)"), e.getMessage());
            assertThrows(InvalidInputException.class, () -> DenseMatrix.ofRowMajor(2, 2, new double[] {1, 2, 3, bad}));
        }
    }

    @Test
    void rejectsRaggedAndEmptyShapes() {
        assertThrows(InvalidInputException.class, () -> DenseMatrix.of(new double[][] {{1, 2}, {3}}));
        assertThrows(InvalidInputException.class, () -> DenseMatrix.of(new double[][] {{1}, {2, 3}}));
        assertThrows(InvalidInputException.class, () -> DenseMatrix.of(new double[0][]));
        assertThrows(InvalidInputException.class, () -> DenseMatrix.of(new double[][] {{}}));
        assertThrows(InvalidInputException.class, () -> DenseMatrix.of(new double[3][0]));
        assertThrows(InvalidInputException.class, () -> DenseMatrix.ofRowMajor(0, 3, new double[0]));
        assertThrows(InvalidInputException.class, () -> DenseMatrix.ofRowMajor(2, -1, new double[0]));
        assertThrows(InvalidInputException.class, () -> DenseMatrix.ofRowMajor(2, 3, new double[5]));
        assertThrows(InvalidInputException.class, () -> DenseMatrix.ofRowMajor(2, 3, new double[7]));
    }

    @Property(tries = 200)
    void statisticsTransposeAndCopies(@ForAll @IntRange(min = 1, max = 9) int m, @ForAll @IntRange(min = 1, max = 9) int n,
                                      @ForAll long seed) {
        Random r = new Random(seed);
        double[][] a = new double[m][n];
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        double maxAbs = 0;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                a[i][j] = Math.round(r.nextGaussian() * 50) / 8.0 - (seed % 3 == 0 ? 100 : 0);
                lo = Math.min(lo, a[i][j]);
                hi = Math.max(hi, a[i][j]);
                maxAbs = Math.max(maxAbs, Math.abs(a[i][j]));
            }
        }
        DenseMatrix d = DenseMatrix.of(a);
        assertEquals(m, d.rows());
        assertEquals(n, d.cols());
        assertEquals(lo, d.min(), 0.0);
        assertEquals(hi, d.max(), 0.0);
        assertEquals(maxAbs, d.maxAbsEntry(), 0.0);
        DenseMatrix t = d.transpose();
        assertEquals(n, t.rows());
        assertEquals(m, t.cols());
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                assertEquals(a[i][j], d.get(i, j), 0.0);
                assertEquals(a[i][j], t.get(j, i), 0.0);
            }
        }
        assertEquals(d.maxAbsEntry(), t.maxAbsEntry(), 0.0);
        assertEquals(d.min(), t.min(), 0.0);
        // round trips
        double[][] back = d.toArray();
        for (int i = 0; i < m; i++) {
            assertArrayEquals(a[i], back[i], 0.0);
        }
        DenseMatrix fromRowMajor = DenseMatrix.ofRowMajor(m, n, d.toRowMajor());
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                assertEquals(a[i][j], fromRowMajor.get(i, j), 0.0);
            }
        }
        assertArrayEquals(d.toRowMajor(), t.transpose().toRowMajor(), 0.0);
    }

    @Test
    void isImmutable() {
        double[][] a = {{1, -7}, {3, 4}};
        double[] rowMajor = {1, -7, 3, 4};
        DenseMatrix d = DenseMatrix.of(a);
        DenseMatrix e = DenseMatrix.ofRowMajor(2, 2, rowMajor);
        a[0][1] = 100;
        rowMajor[1] = 100;
        d.toRowMajor()[1] = 100;
        d.toArray()[0][1] = 100;
        assertEquals(-7, d.get(0, 1), 0.0);
        assertEquals(-7, e.get(0, 1), 0.0);
        assertEquals(7, d.maxAbsEntry(), 0.0);
        assertEquals(-7, d.min(), 0.0);
        assertEquals(4, d.max(), 0.0);
    }

    @Test
    void maxAbsOfANegativeMatrixAndOfAPositiveOne() {
        assertEquals(9, DenseMatrix.of(new double[][] {{-9, -1}}).maxAbsEntry(), 0.0);
        assertEquals(9, DenseMatrix.of(new double[][] {{9}, {1}}).maxAbsEntry(), 0.0);
        assertEquals(0, DenseMatrix.of(new double[][] {{0}}).maxAbsEntry(), 0.0);
    }

    @Test
    void submatrixPicksTheIndexedEntriesInOrderAndRejectsBadIndices() {
        DenseMatrix d = DenseMatrix.of(new double[][] {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}});
        DenseMatrix s = d.submatrix(new int[] {2, 0}, new int[] {1, 2, 1});
        assertArrayEquals(new double[] {8, 9, 8, 2, 3, 2}, s.toRowMajor(), 0.0);
        assertEquals(2, s.rows());
        assertEquals(3, s.cols());
        assertEquals(2, s.min(), 0.0);
        assertEquals(9, s.max(), 0.0);
        assertThrows(InvalidInputException.class,
                () -> d.submatrix(new int[] {0}, new int[] {3}));
        assertThrows(InvalidInputException.class,
                () -> d.submatrix(new int[] {-1}, new int[] {0}));
        assertThrows(InvalidInputException.class,
                () -> d.submatrix(new int[0], new int[] {0}));
    }

    @Test
    void centredSubtractsTheMeanEntryFromEveryEntry() {
        double[][] a = {{1, 2, 6}, {-3, 10, 2}};
        double mean = (1 + 2 + 6 - 3 + 10 + 2) / 6.0;
        DenseMatrix c = DenseMatrix.of(a).centred();
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                assertEquals(a[i][j] - mean, c.get(i, j), 1e-15);
            }
        }
        assertEquals(2, c.rows());
        assertEquals(3, c.cols());
    }
}
