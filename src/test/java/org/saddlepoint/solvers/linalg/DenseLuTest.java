package org.saddlepoint.solvers.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.saddlepoint.solvers.InvalidInputException;

/** LU solves against EJML's, sizes across panel and thread-split boundaries; singular matrices refused. */
@ResourceLock("KernelThreads")
class DenseLuTest {
    private final int initial = KernelThreads.count();

    @AfterEach
    void restore() {
        KernelThreads.setCount(initial);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 5, 47, 48, 49, 130, 301})
    void solvesMatchEjml(int n) {
        Random r = new Random(n);
        double[] a = MatVecTest.rowMajor(MatVecTest.random(r, n, n));
        double[] b = MatVecTest.vector(r, n);
        DenseLu lu = DenseLu.factor(a, n).orElseThrow();
        assertArrayEquals(ejmlSolve(a, n, b, false), lu.solve(b), 1e-9);
        assertArrayEquals(ejmlSolve(a, n, b, true), lu.solveTranspose(b), 1e-9);
        int columns = 7;
        double[] many = MatVecTest.vector(r, n * columns);
        double[] solved = many.clone();
        lu.solveColumns(solved, columns);
        for (int c = 0; c < columns; c++) {
            double[] column = new double[n];
            double[] got = new double[n];
            for (int i = 0; i < n; i++) {
                column[i] = many[i * columns + c];
                got[i] = solved[i * columns + c];
            }
            assertArrayEquals(ejmlSolve(a, n, column, false), got, 1e-9);
        }
    }

    @Test
    void factorsAreBitwiseTheSameOnOneAndTwoThreads() {
        int n = 400;
        Random r = new Random(5);
        double[] a = MatVecTest.rowMajor(MatVecTest.random(r, n, n));
        double[] b = MatVecTest.vector(r, n * 100);
        KernelThreads.setCount(1);
        double[] one = b.clone();
        DenseLu.factor(a, n).orElseThrow().solveColumns(one, 100);
        KernelThreads.setCount(2);
        double[] two = b.clone();
        DenseLu.factor(a, n).orElseThrow().solveColumns(two, 100);
        assertArrayEquals(one, two, 0.0);
    }

    @Test
    void singularMatricesAreRefused() {
        double[] repeated = {1, 2, 3, 2, 4, 6, 0, 1, 5};
        double[] withNan = {1, 0, 0, Double.NaN};
        assertTrue(DenseLu.factor(repeated, 3).isEmpty());
        assertTrue(DenseLu.factor(new double[4], 2).isEmpty());
        assertTrue(DenseLu.factor(withNan, 2).isEmpty());
    }

    /** An interrupted thread gets no factorization, and keeps its interrupt flag. */
    @Test
    void interruptionStopsTheFactorization() {
        Thread.currentThread().interrupt();
        try {
            assertTrue(DenseLu.factor(new double[] {2, 0, 0, 3}, 2).isEmpty());
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void shapesAreChecked() {
        assertThrows(InvalidInputException.class, () -> DenseLu.factor(new double[5], 2));
        DenseLu lu = DenseLu.factor(new double[] {2, 0, 0, 3}, 2).orElseThrow();
        assertEquals(2, lu.size());
        assertThrows(InvalidInputException.class, () -> lu.solve(new double[3]));
        assertThrows(InvalidInputException.class, () -> lu.solveColumns(new double[5], 2));
    }

    private static double[] ejmlSolve(double[] a, int n, double[] b, boolean transpose) {
        DMatrixRMaj m = DMatrixRMaj.wrap(n, n, a.clone());
        if (transpose) {
            m = CommonOps_DDRM.transpose(m, null);
        }
        DMatrixRMaj x = new DMatrixRMaj(n, 1);
        assertTrue(CommonOps_DDRM.solve(m, DMatrixRMaj.wrap(n, 1, b.clone()), x));
        return x.getData();
    }
}
