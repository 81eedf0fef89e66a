package org.saddlepoint.solvers.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.saddlepoint.solvers.InvalidInputException;

/**
 * Products split over threads ({@link MatVec} above {@link MatVec#PARALLEL_ENTRIES} entries) give
 * the same bits as on one thread, for every thread count and for shapes whose rows and columns do
 * not divide evenly into blocks, and match a naive triple loop.
 */
@ResourceLock("KernelThreads")
class KernelThreadsTest {
    private final int initial = KernelThreads.count();

    @AfterEach
    void restore() {
        KernelThreads.setCount(initial);
    }

    @ParameterizedTest
    @CsvSource({"513, 517", "1031, 263", "263, 1031", "2, 140000", "140000, 2", "700, 701"})
    void splitProductsAreBitwiseThoseOfOneThread(int m, int n) {
        Random r = new Random(7L * m + n);
        double[][] a = MatVecTest.random(r, m, n);
        double[] d = MatVecTest.rowMajor(a);
        double[] x = MatVecTest.vector(r, n);
        double[] y = MatVecTest.vector(r, m);
        assertTrue((long) m * n >= MatVec.PARALLEL_ENTRIES, "the shape must be large enough to split");
        KernelThreads.setCount(1);
        double[][] serial = products(d, m, n, x, y);
        MatVecTest.assertClose(MatVecTest.naiveAx(a, x), serial[0], a, x, false);
        MatVecTest.assertClose(MatVecTest.naiveATy(a, y), serial[1], a, y, true);
        for (int threads : new int[] {2, 3, 5, 8}) {
            KernelThreads.setCount(threads);
            double[][] split = products(d, m, n, x, y);
            for (int k = 0; k < serial.length; k++) {
                assertArrayEquals(serial[k], split[k], 0.0, "product " + k + " on " + threads + " threads");
            }
        }
    }

    /** A x, A^T y, then both again by the fused call. */
    private static double[][] products(double[] d, int m, int n, double[] x, double[] y) {
        double[] ax = new double[m];
        double[] aty = new double[n];
        MatVec.multiply(d, m, n, x, ax);
        MatVec.multiplyTranspose(d, m, n, y, aty);
        double[] ax2 = new double[m];
        double[] aty2 = new double[n];
        java.util.Arrays.fill(aty2, 9.0);
        MatVec.multiplyBoth(d, m, n, x, y, ax2, aty2);
        return new double[][] {ax, aty, ax2, aty2};
    }

    @Test
    void anInterruptedCallerFinishesTheProductAndKeepsItsInterruptStatus() {
        int n = 1024;
        Random r = new Random(3);
        double[] d = MatVecTest.vector(r, n * n);
        double[] x = MatVecTest.vector(r, n);
        KernelThreads.setCount(1);
        double[] expected = new double[n];
        MatVec.multiply(d, n, n, x, expected);
        KernelThreads.setCount(2);
        double[] out = new double[n];
        Thread.currentThread().interrupt();
        try {
            MatVec.multiply(d, n, n, x, out);
            assertTrue(Thread.currentThread().isInterrupted(), "interrupt status kept");
        } finally {
            Thread.interrupted();
        }
        assertArrayEquals(expected, out, 0.0);
    }

    @Test
    void aCountBelowOneIsRejected() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> KernelThreads.setCount(0));
        assertTrue(e.getMessage().contains("at least 1"), e.getMessage());
        assertEquals(initial, KernelThreads.count());
    }
}
