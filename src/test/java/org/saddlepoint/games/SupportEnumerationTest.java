package org.saddlepoint.games;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Checks the test-only reference {@link SupportEnumeration} against closed forms and, on 2 x n and
 * m x 2 games, against an independent brute force: the value of a game with two pure strategies on
 * one side is the maximum (minimum) of a lower (upper) envelope of lines, attained at an endpoint
 * or at a crossing of two lines.
 */
class SupportEnumerationTest {
    private static final double TOL = 1e-12;

    @Test
    void rockPaperScissorsHasValueZeroAndUniformStrategies() {
        double[][] a = {{0, -1, 1}, {1, 0, -1}, {-1, 1, 0}};
        SupportEnumeration.Equilibrium e = SupportEnumeration.solve(a);
        assertEquals(0.0, e.value(), TOL);
        double third = 1.0 / 3;
        assertArrayEquals(new double[] {third, third, third}, e.x(), TOL);
        assertArrayEquals(new double[] {third, third, third}, e.y(), TOL);
    }

    @Test
    void matchingPenniesHasValueZeroAndHalfHalf() {
        SupportEnumeration.Equilibrium e = SupportEnumeration.solve(new double[][] {{1, -1}, {-1, 1}});
        assertEquals(0.0, e.value(), TOL);
        assertArrayEquals(new double[] {0.5, 0.5}, e.x(), TOL);
        assertArrayEquals(new double[] {0.5, 0.5}, e.y(), TOL);
    }

    @Test
    void pureSaddlePointIsFound() {
        // Row 2 holds the entry 2 that is its row's minimum and its column's maximum.
        SupportEnumeration.Equilibrium e = SupportEnumeration.solve(new double[][] {{3, 1, 4}, {5, 2, 6}, {0, -1, 1}});
        assertEquals(2.0, e.value(), TOL);
        assertArrayEquals(new double[] {0, 1, 0}, e.x(), TOL);
        assertArrayEquals(new double[] {0, 1, 0}, e.y(), TOL);
    }

    @Test
    void oneByOneGameIsItsEntry() {
        assertEquals(-3.25, SupportEnumeration.value(new double[][] {{-3.25}}), TOL);
    }

    @Test
    void twoByTwoWithoutSaddlePointMatchesClosedForm() {
        double[][][] games = {{{3, -1}, {-2, 1}}, {{0, 5}, {4, 1}}, {{-7, 2}, {3, -4}}};
        for (double[][] g : games) {
            double a = g[0][0];
            double b = g[0][1];
            double c = g[1][0];
            double d = g[1][1];
            double den = a + d - b - c;
            SupportEnumeration.Equilibrium e = SupportEnumeration.solve(g);
            assertEquals((a * d - b * c) / den, e.value(), TOL);
            assertEquals((d - c) / den, e.x()[0], TOL);
            assertEquals((d - b) / den, e.y()[0], TOL);
        }
    }

    @Test
    void twoRowGamesMatchTheLowerEnvelope() {
        Random rnd = new Random(20240611L);
        for (int trial = 0; trial < 300; trial++) {
            int n = 1 + rnd.nextInt(SupportEnumeration.MAX_SIDE);
            double[][] a = new double[2][n];
            for (double[] row : a) {
                for (int j = 0; j < n; j++) {
                    row[j] = trial % 2 == 0 ? rnd.nextDouble() * 2 - 1 : rnd.nextInt(7) - 3;
                }
            }
            double expected = maxOfLowerEnvelope(a);
            assertEquals(expected, SupportEnumeration.value(a), 1e-10, "trial " + trial);
        }
    }

    @Test
    void twoColumnGamesMatchTheUpperEnvelope() {
        Random rnd = new Random(7L);
        for (int trial = 0; trial < 300; trial++) {
            int m = 1 + rnd.nextInt(SupportEnumeration.MAX_SIDE);
            double[][] a = new double[m][2];
            for (double[] row : a) {
                for (int j = 0; j < 2; j++) {
                    row[j] = trial % 2 == 0 ? rnd.nextDouble() * 2 - 1 : rnd.nextInt(7) - 3;
                }
            }
            double expected = minOfUpperEnvelope(a);
            assertEquals(expected, SupportEnumeration.value(a), 1e-10, "trial " + trial);
        }
    }

    @Test
    void equilibriaAreCertifiedOnRandomSquareGames() {
        Random rnd = new Random(99L);
        for (int trial = 0; trial < 100; trial++) {
            int m = 1 + rnd.nextInt(5);
            int n = 1 + rnd.nextInt(5);
            double[][] a = new double[m][n];
            for (double[] row : a) {
                for (int j = 0; j < n; j++) {
                    row[j] = rnd.nextGaussian();
                }
            }
            SupportEnumeration.Equilibrium e = SupportEnumeration.solve(a);
            MatrixGame game = MatrixGame.of(a);
            // The interval is the certificate of (x, y), up to the rounding of 5-term dot products.
            double rounding = 40 * Math.ulp(game.payoff().maxAbsEntry());
            assertEquals(game.guaranteedByRow(e.x()), e.lower(), rounding);
            assertEquals(game.concededByColumn(e.y()), e.upper(), rounding);
            assertTrue(e.upper() - e.lower() <= 1e-9 * game.payoffRange() + 1e-14, "trial " + trial);
            assertOnSimplex(e.x());
            assertOnSimplex(e.y());
        }
    }

    @Test
    void gaussSolvesAKnownSystemAndRejectsSingularOnes() {
        double[] z = SupportEnumeration.gauss(new double[][] {{0, 2, 1}, {1, 1, 0}, {3, 0, 1}},
                new double[] {5, 3, 6});
        assertNotNull(z);
        assertArrayEquals(new double[] {1.4, 1.6, 1.8}, z, 1e-13);
        assertNull(SupportEnumeration.gauss(new double[][] {{1, 2}, {2, 4}}, new double[] {1, 2}));
    }

    @Test
    void subsetsAreAllKSubsets() {
        List<int[]> s = SupportEnumeration.subsets(5, 2);
        assertEquals(10, s.size());
        assertArrayEquals(new int[] {0, 1}, s.get(0));
        assertArrayEquals(new int[] {3, 4}, s.get(9));
        assertEquals(70, SupportEnumeration.subsets(8, 4).size());
    }

    @Test
    void rejectsGamesBeyondItsSize() {
        assertThrows(IllegalArgumentException.class,
                () -> SupportEnumeration.solve(new double[SupportEnumeration.MAX_SIDE + 1][2]));
    }

    /** max over p in [0,1] of min_j (p a_0j + (1-p) a_1j): endpoints and pairwise crossings. */
    static double maxOfLowerEnvelope(double[][] a) {
        int n = a[0].length;
        double best = Math.max(minAt(a, 0.0), minAt(a, 1.0));
        for (int j = 0; j < n; j++) {
            for (int k = j + 1; k < n; k++) {
                double den = (a[0][j] - a[1][j]) - (a[0][k] - a[1][k]);
                if (den != 0) {
                    double p = (a[1][k] - a[1][j]) / den;
                    if (p >= 0 && p <= 1) {
                        best = Math.max(best, minAt(a, p));
                    }
                }
            }
        }
        return best;
    }

    private static double minAt(double[][] a, double p) {
        double min = Double.POSITIVE_INFINITY;
        for (int j = 0; j < a[0].length; j++) {
            min = Math.min(min, p * a[0][j] + (1 - p) * a[1][j]);
        }
        return min;
    }

    /** min over q in [0,1] of max_i (q a_i0 + (1-q) a_i1). */
    static double minOfUpperEnvelope(double[][] a) {
        int m = a.length;
        double best = Math.min(maxAt(a, 0.0), maxAt(a, 1.0));
        for (int i = 0; i < m; i++) {
            for (int k = i + 1; k < m; k++) {
                double den = (a[i][0] - a[i][1]) - (a[k][0] - a[k][1]);
                if (den != 0) {
                    double q = (a[k][1] - a[i][1]) / den;
                    if (q >= 0 && q <= 1) {
                        best = Math.min(best, maxAt(a, q));
                    }
                }
            }
        }
        return best;
    }

    private static double maxAt(double[][] a, double q) {
        double max = Double.NEGATIVE_INFINITY;
        for (double[] row : a) {
            max = Math.max(max, q * row[0] + (1 - q) * row[1]);
        }
        return max;
    }

    private static void assertOnSimplex(double[] p) {
        double sum = 0;
        for (double v : p) {
            assertTrue(v >= 0, "negative probability " + v);
            sum += v;
        }
        assertEquals(1.0, sum, 1e-12);
    }
}
