package org.saddlepoint.games;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Random;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.saddlepoint.solvers.InvalidInputException;
import org.saddlepoint.solvers.SaddlepointException;
import org.saddlepoint.solvers.iteration.SolverStatus;

/**
 * {@link MatrixGameLp} on seeded random games: against {@link SupportEnumeration} on games up to
 * 4 x 4, by its own certificate (duality gap computed from the strategies) on larger ones, and by
 * the invariances of the value: v(aA + b) = a v(A) + b for a &gt; 0, and v(-A^T) = -v(A).
 */
class MatrixGameLpTest {
    private static final double INF = Double.POSITIVE_INFINITY;

    /** Families of random games. */
    enum Kind {
        /** Entries uniform in [-1, 1]. */
        UNIFORM,
        /** Entries in {-3, ..., 3}: ties, dominated and duplicate strategies (degenerate LPs). */
        INTEGER,
        /** 1e6 + uniform in [-1, 1]: a huge offset on a unit range. */
        OFFSET,
        /** Uniform in [-1e6, 1e6]. */
        WIDE,
        /** Random sign times 10^u, u uniform in [-3, 6]: nine decades of magnitude. */
        MIXED
    }

    static double[][] randomGame(Kind kind, int m, int n, Random rnd) {
        double[][] a = new double[m][n];
        for (double[] row : a) {
            for (int j = 0; j < n; j++) {
                row[j] = switch (kind) {
                    case UNIFORM -> 2 * rnd.nextDouble() - 1;
                    case INTEGER -> rnd.nextInt(7) - 3;
                    case OFFSET -> 1e6 + 2 * rnd.nextDouble() - 1;
                    case WIDE -> 2e6 * rnd.nextDouble() - 1e6;
                    case MIXED -> (rnd.nextBoolean() ? 1 : -1) * Math.pow(10, -3 + 9 * rnd.nextDouble());
                };
            }
        }
        return a;
    }

    private static MatrixGameSolution solve(double[][] a, LpBackend backend) {
        return MatrixGameLp.solve(MatrixGame.of(a), backend, INF);
    }

    static void assertOnSimplex(double[] p) {
        double sum = 0;
        for (double v : p) {
            assertTrue(v >= 0 && v <= 1, "probability out of [0, 1]: " + v);
            sum += v;
        }
        assertEquals(1.0, sum, 1e-12);
    }

    /** Rounding allowance of a dot product of {@code terms} entries of magnitude up to maxAbs. */
    private static double rounding(double maxAbs, int terms) {
        return 4.0 * terms * Math.ulp(1.0) * maxAbs;
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void smallGamesMatchSupportEnumeration(Kind kind) {
        Random rnd = new Random(1000 + kind.ordinal());
        for (int trial = 0; trial < 150; trial++) {
            int m = 1 + rnd.nextInt(4);
            int n = 1 + rnd.nextInt(4);
            double[][] a = randomGame(kind, m, n, rnd);
            MatrixGame game = MatrixGame.of(a);
            double range = game.payoffRange();
            SupportEnumeration.Equilibrium reference = SupportEnumeration.solve(a);
            MatrixGameSolution s = MatrixGameLp.solve(game, LpBackend.GLOP, INF);
            String where = kind + " trial " + trial + " (" + m + " x " + n + ")";
            assertEquals(SolverStatus.OPTIMAL, s.status(), where);
            assertEquals(reference.value(), s.value(), 1e-8 * range + rounding(game.payoff().maxAbsEntry(), m + n),
                    where);
            assertTrue(s.dualityGap() <= 1e-9 * range + rounding(game.payoff().maxAbsEntry(), m + n), where);
            // The certified interval of each must contain the other's value.
            assertTrue(s.lowerBound() <= reference.upper() + rounding(game.payoff().maxAbsEntry(), m + n), where);
            assertTrue(reference.lower() <= s.upperBound() + rounding(game.payoff().maxAbsEntry(), m + n), where);
            assertOnSimplex(s.rowStrategy());
            assertOnSimplex(s.colStrategy());
        }
    }

    @ParameterizedTest
    @CsvSource({"50, 30, UNIFORM", "30, 50, UNIFORM", "100, 100, UNIFORM", "50, 30, INTEGER", "30, 50, INTEGER",
            "100, 100, INTEGER", "50, 30, OFFSET", "30, 50, OFFSET", "100, 100, OFFSET", "100, 100, WIDE",
            "50, 30, MIXED", "30, 50, MIXED", "100, 100, MIXED"})
    void largerGamesAreSolvedToATinyGap(int m, int n, Kind kind) {
        double[][] a = randomGame(kind, m, n, new Random(31L * m + n + 1000L * kind.ordinal()));
        MatrixGame game = MatrixGame.of(a);
        MatrixGameSolution s = MatrixGameLp.solve(game, LpBackend.GLOP, INF);
        assertEquals(SolverStatus.OPTIMAL, s.status());
        assertEquals("lp (GLOP)", s.method());
        assertTrue(s.iterations() > 0, "simplex iterations reported");
        assertTrue(s.seconds() >= 0);
        assertTrue(s.history().isEmpty());
        assertTrue(s.dualityGap() <= 1e-9 * game.payoffRange(),
                "gap " + s.dualityGap() + " on range " + game.payoffRange());
        assertTrue(s.lowerBound() <= s.value() + rounding(game.payoff().maxAbsEntry(), m + n));
        assertTrue(s.value() <= s.upperBound() + rounding(game.payoff().maxAbsEntry(), m + n));
        assertOnSimplex(s.rowStrategy());
        assertOnSimplex(s.colStrategy());
    }

    @Test
    void pdlpReachesSmallRelativeGapOn50x50() {
        double[][] a = randomGame(Kind.UNIFORM, 50, 50, new Random(5050L));
        MatrixGame game = MatrixGame.of(a);
        MatrixGameSolution pdlp = MatrixGameLp.solve(game, LpBackend.PDLP, INF);
        assertEquals(SolverStatus.OPTIMAL, pdlp.status());
        assertEquals("lp (PDLP)", pdlp.method());
        assertTrue(pdlp.iterations() > 0);
        assertTrue(pdlp.dualityGap() <= 1e-4 * game.payoffRange(), "PDLP gap " + pdlp.dualityGap());
        assertOnSimplex(pdlp.rowStrategy());
        assertOnSimplex(pdlp.colStrategy());
        // Its certified interval contains GLOP's (near-exact) value.
        MatrixGameSolution glop = MatrixGameLp.solve(game, LpBackend.GLOP, INF);
        assertTrue(pdlp.lowerBound() <= glop.upperBound() && glop.lowerBound() <= pdlp.upperBound());
    }

    @Test
    void pdlpDefaultToleranceGivesAGapOfItsOrder() {
        // DEFAULT_PDLP_TOLERANCE = 1e-7 on the normalised LP: the relative game gap is of that order.
        double[][] a = randomGame(Kind.OFFSET, 40, 60, new Random(4060L));
        MatrixGame game = MatrixGame.of(a);
        MatrixGameSolution s = MatrixGameLp.solve(game, LpBackend.PDLP, INF);
        assertEquals(SolverStatus.OPTIMAL, s.status());
        assertTrue(s.dualityGap() <= 1e-6 * game.payoffRange(), "relative gap " + s.dualityGap() / game.payoffRange());
    }

    @Test
    void pdlpCertifiedIntervalsContainTheSupportEnumerationValue() {
        Random rnd = new Random(77L);
        for (int trial = 0; trial < 20; trial++) {
            Kind kind = Kind.values()[trial % Kind.values().length];
            double[][] a = randomGame(kind, 1 + rnd.nextInt(4), 1 + rnd.nextInt(4), rnd);
            MatrixGame game = MatrixGame.of(a);
            double slack = rounding(game.payoff().maxAbsEntry(), a.length + a[0].length);
            SupportEnumeration.Equilibrium reference = SupportEnumeration.solve(a);
            MatrixGameSolution s = MatrixGameLp.solve(game, LpBackend.PDLP, INF, 1e-6);
            assertTrue(s.lowerBound() <= reference.upper() + slack && reference.lower() <= s.upperBound() + slack,
                    kind + " trial " + trial);
            assertTrue(s.dualityGap() <= 1e-4 * game.payoffRange(), kind + " trial " + trial);
        }
    }

    @ParameterizedTest
    @EnumSource(LpBackend.class)
    void constantGameNeedsNoLp(LpBackend backend) {
        MatrixGameSolution s = MatrixGameLp.solve(MatrixGame.of(new double[][] {{5, 5, 5, 5}, {5, 5, 5, 5},
                {5, 5, 5, 5}}), backend, INF);
        assertEquals(SolverStatus.OPTIMAL, s.status());
        assertEquals(5.0, s.value(), 1e-14);
        assertEquals(0.0, s.dualityGap(), 1e-14);
        assertEquals(0, s.iterations());
        assertArrayEquals(new double[] {1.0 / 3, 1.0 / 3, 1.0 / 3}, s.rowStrategy(), 1e-15);
        assertArrayEquals(new double[] {0.25, 0.25, 0.25, 0.25}, s.colStrategy(), 1e-15);
    }

    @Test
    void rejectsInvalidArguments() {
        MatrixGame game = MatrixGame.of(new double[][] {{1, -1}, {-1, 1}});
        assertThrows(InvalidInputException.class, () -> MatrixGameLp.solve(null, LpBackend.GLOP, INF));
        assertThrows(InvalidInputException.class, () -> MatrixGameLp.solve(game, null, INF));
        for (double bad : new double[] {0.0, -1.0, Double.NaN, Double.NEGATIVE_INFINITY}) {
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> MatrixGameLp.solve(game, LpBackend.GLOP, bad));
            assertTrue(e.getMessage().contains("time limit"), e.getMessage());
        }
        for (double bad : new double[] {0.0, -1e-6, Double.NaN, INF}) {
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> MatrixGameLp.solve(game, LpBackend.PDLP, INF, bad));
            assertTrue(e.getMessage().contains("PDLP tolerance"), e.getMessage());
        }
    }

    /**
     * A time limit far below the solve time stops either backend: the result is a TIME_LIMIT solution
     * with strategies on the simplex, or a SaddlepointException naming TIME_LIMIT. Never OPTIMAL.
     */
    @ParameterizedTest
    @CsvSource({"GLOP, 400", "PDLP, 150"})
    void timeLimitStopsTheSolver(LpBackend backend, int size) {
        MatrixGame game = MatrixGame.of(randomGame(Kind.UNIFORM, size, size, new Random(size)));
        try {
            MatrixGameSolution s = MatrixGameLp.solve(game, backend, 1e-3);
            assertEquals(SolverStatus.TIME_LIMIT, s.status());
            assertOnSimplex(s.rowStrategy());
            assertOnSimplex(s.colStrategy());
            assertTrue(s.lowerBound() <= s.upperBound() + 1e-12);
        } catch (SaddlepointException e) {
            assertSame(SaddlepointException.class, e.getClass(), e.toString());
            assertTrue(e.getMessage().contains("TIME_LIMIT"), e.getMessage());
        }
    }

    // ---- properties ----

    @Provide
    Arbitrary<double[][]> games() {
        Arbitrary<Double> entries = Arbitraries.oneOf(
                Arbitraries.doubles().between(-100, 100),
                Arbitraries.integers().between(-3, 3).map(i -> (double) i));
        return Arbitraries.integers().between(1, 6).flatMap(m -> Arbitraries.integers().between(1, 6)
                .flatMap(n -> entries.array(double[].class).ofSize(n).array(double[][].class).ofSize(m)));
    }

    /** v(aA + b) = a v(A) + b, up to the rounding of aA + b itself (v is 1-Lipschitz in max norm). */
    @Property(tries = 200)
    void valueIsAffinelyEquivariant(@ForAll("games") double[][] a,
                                    @ForAll @DoubleRange(min = 1e-2, max = 1e2) double scale,
                                    @ForAll @DoubleRange(min = -1e6, max = 1e6) double shift) {
        double[][] b = new double[a.length][a[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                b[i][j] = scale * a[i][j] + shift;
            }
        }
        MatrixGame gb = MatrixGame.of(b);
        double va = solve(a, LpBackend.GLOP).value();
        double vb = solve(b, LpBackend.GLOP).value();
        int terms = a.length + a[0].length;
        double tol = 1e-9 * gb.payoffRange() + 2 * Math.ulp(gb.payoff().maxAbsEntry())
                + rounding(gb.payoff().maxAbsEntry(), terms) + scale * rounding(MatrixGame.of(a).payoff().maxAbsEntry(), terms);
        assertEquals(scale * va + shift, vb, tol);
    }

    /** Swapping the players' roles: v(-A^T) = -v(A). */
    @Property(tries = 200)
    void valueIsAntisymmetricUnderTransposeNegate(@ForAll("games") double[][] a) {
        int m = a.length;
        int n = a[0].length;
        double[][] t = new double[n][m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                t[j][i] = -a[i][j];
            }
        }
        MatrixGame game = MatrixGame.of(a);
        MatrixGameSolution s = solve(a, LpBackend.GLOP);
        MatrixGameSolution st = solve(t, LpBackend.GLOP);
        assertEquals(-s.value(), st.value(), 1e-9 * game.payoffRange() + rounding(game.payoff().maxAbsEntry(), m + n));
    }

    /** Every GLOP solution is certified: gap at most 1e-9 of the range, strategies on the simplex. */
    @Property(tries = 200)
    void glopSolutionsAreCertified(@ForAll("games") double[][] a) {
        MatrixGame game = MatrixGame.of(a);
        MatrixGameSolution s = solve(a, LpBackend.GLOP);
        if (s.status() != SolverStatus.OPTIMAL) {
            fail("status " + s.status());
        }
        assertTrue(s.dualityGap() <= 1e-9 * game.payoffRange()
                + rounding(game.payoff().maxAbsEntry(), a.length + a[0].length), "gap " + s.dualityGap());
        assertOnSimplex(s.rowStrategy());
        assertOnSimplex(s.colStrategy());
    }
}
