package org.saddlepoint.games;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.saddlepoint.solvers.iteration.SolverStatus;

/**
 * Games whose value and equilibrium are known in closed form, solved by {@link MatrixGameLp} with
 * GLOP, to 1e-9. The row player maximizes x^T A y.
 */
class ClosedFormGamesTest {
    private static final double TOL = 1e-9;

    private static MatrixGameSolution glop(double[][] a) {
        MatrixGameSolution s = MatrixGameLp.solve(MatrixGame.of(a), LpBackend.GLOP, Double.POSITIVE_INFINITY);
        assertEquals(SolverStatus.OPTIMAL, s.status());
        assertEquals("lp (GLOP)", s.method());
        assertTrue(s.history().isEmpty());
        return s;
    }

    @Test
    void rockPaperScissors() {
        MatrixGameSolution s = glop(new double[][] {{0, -1, 1}, {1, 0, -1}, {-1, 1, 0}});
        double third = 1.0 / 3;
        assertEquals(0.0, s.value(), TOL);
        assertEquals(0.0, s.dualityGap(), TOL);
        assertArrayEquals(new double[] {third, third, third}, s.rowStrategy(), TOL);
        assertArrayEquals(new double[] {third, third, third}, s.colStrategy(), TOL);
    }

    @Test
    void matchingPennies() {
        MatrixGameSolution s = glop(new double[][] {{1, -1}, {-1, 1}});
        assertEquals(0.0, s.value(), TOL);
        assertEquals(0.0, s.dualityGap(), TOL);
        assertArrayEquals(new double[] {0.5, 0.5}, s.rowStrategy(), TOL);
        assertArrayEquals(new double[] {0.5, 0.5}, s.colStrategy(), TOL);
    }

    @Test
    void pureSaddlePoint() {
        // 2 = A[1][1] is the minimum of row 1 and the maximum of column 1: the unique equilibrium.
        MatrixGameSolution s = glop(new double[][] {{3, 1, 4}, {5, 2, 6}, {0, -1, 1}});
        assertEquals(2.0, s.value(), TOL);
        assertEquals(0.0, s.dualityGap(), TOL);
        assertArrayEquals(new double[] {0, 1, 0}, s.rowStrategy(), TOL);
        assertArrayEquals(new double[] {0, 1, 0}, s.colStrategy(), TOL);
    }

    @Test
    void rowPlayerMaximizes() {
        // max_i min_j = 3 (row 1, column 0); were the row player minimizing, the value would be 2.
        MatrixGameSolution s = glop(new double[][] {{1, 2}, {3, 4}});
        assertEquals(3.0, s.value(), TOL);
        assertArrayEquals(new double[] {0, 1}, s.rowStrategy(), TOL);
        assertArrayEquals(new double[] {1, 0}, s.colStrategy(), TOL);
    }

    @Test
    void oneByOneGame() {
        MatrixGameSolution s = glop(new double[][] {{7.5}});
        assertEquals(7.5, s.value(), TOL);
        assertEquals(0.0, s.dualityGap(), 0.0);
        assertArrayEquals(new double[] {1}, s.rowStrategy(), 0.0);
        assertArrayEquals(new double[] {1}, s.colStrategy(), 0.0);
    }

    @Test
    void oneRowGameIsItsMinimumEntry() {
        MatrixGameSolution s = glop(new double[][] {{4, -2, 7, -1}});
        assertEquals(-2.0, s.value(), TOL);
        assertArrayEquals(new double[] {0, 1, 0, 0}, s.colStrategy(), TOL);
    }

    @Test
    void oneColumnGameIsItsMaximumEntry() {
        MatrixGameSolution s = glop(new double[][] {{4}, {-2}, {7}, {-1}});
        assertEquals(7.0, s.value(), TOL);
        assertArrayEquals(new double[] {0, 0, 1, 0}, s.rowStrategy(), TOL);
    }

    @Test
    void twoByTwoWithoutSaddlePoint() {
        // A = [[3, -1], [-2, 1]]: x1 = (1 + 2) / 7, y1 = (1 + 1) / 7, value (3 - 2) / 7.
        MatrixGameSolution s = glop(new double[][] {{3, -1}, {-2, 1}});
        assertEquals(1.0 / 7, s.value(), TOL);
        assertArrayEquals(new double[] {3.0 / 7, 4.0 / 7}, s.rowStrategy(), TOL);
        assertArrayEquals(new double[] {2.0 / 7, 5.0 / 7}, s.colStrategy(), TOL);
    }

    /**
     * A = [[a, b], [c, d]] without a saddle point (a and d both beat, or both lose to, b and c) has
     * the unique equilibrium x1 = (d - c) / (a + d - b - c), y1 = (d - b) / (a + d - b - c) and value
     * (ad - bc) / (a + d - b - c): the strategies that make the opponent indifferent.
     */
    @Property(tries = 300)
    void twoByTwoClosedForm(@ForAll @IntRange(min = -100, max = 100) int a,
                            @ForAll @IntRange(min = -100, max = 100) int b,
                            @ForAll @IntRange(min = -100, max = 100) int c,
                            @ForAll @IntRange(min = -100, max = 100) int d) {
        boolean noSaddle = (a > b && a > c && d > b && d > c) || (a < b && a < c && d < b && d < c);
        Assume.that(noSaddle);
        double den = a + d - b - c;
        MatrixGameSolution s = glop(new double[][] {{a, b}, {c, d}});
        assertEquals(((double) a * d - (double) b * c) / den, s.value(), TOL);
        assertEquals((d - c) / den, s.rowStrategy()[0], TOL);
        assertEquals((d - b) / den, s.colStrategy()[0], TOL);
        assertEquals(0.0, s.dualityGap(), TOL);
    }
}
