package org.saddlepoint.games;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.saddlepoint.games.MatrixGameLpTest.Kind;
import org.saddlepoint.solvers.iteration.SolverStatus;

/**
 * Every {@link NashMethod} through {@link NashSolver}, against the exact LP value: whatever a
 * method returns, the LP value lies within its certified bounds, its strategies are on the
 * simplex and its gap is not negative; converged runs meet the relative tolerance.
 */
class NashSolverTest {
    private static final double SIMPLEX_TOLERANCE = 1e-9;

    @Provide
    Arbitrary<NashMethod> iterativeMethods() {
        return Arbitraries.of(NashMethod.class).filter(m -> m != NashMethod.LP);
    }

    @Property(tries = 60)
    void lpValueLiesWithinEveryMethodsCertifiedBounds(@ForAll("iterativeMethods") NashMethod method,
                                                       @ForAll Kind kind,
                                                       @ForAll @IntRange(min = 1, max = 25) int rows,
                                                       @ForAll @IntRange(min = 1, max = 25) int cols,
                                                       @ForAll long seed) {
        MatrixGame game = MatrixGame.of(MatrixGameLpTest.randomGame(kind, rows, cols, new Random(seed)));
        double range = game.payoffRange();
        double exact = NashSolver.solve(game, NashMethod.LP, NashOptions.DEFAULT).value();
        NashOptions options = NashOptions.DEFAULT.withRelativeTolerance(1e-3).withMaxIterations(50_000);
        MatrixGameSolution s = NashSolver.solve(game, method, options);

        assertOnSimplex(s.rowStrategy());
        assertOnSimplex(s.colStrategy());
        assertTrue(s.dualityGap() >= 0);
        double slack = 1e-9 * Math.max(range, Math.abs(exact));
        assertTrue(s.lowerBound() <= exact + slack && exact <= s.upperBound() + slack,
                method + ": LP value " + exact + " outside [" + s.lowerBound() + ", " + s.upperBound() + "]");
        assertTrue(Math.abs(s.value() - exact) <= s.dualityGap() + slack);
        if (s.status() == SolverStatus.CONVERGED) {
            assertTrue(s.dualityGap() <= 1e-3 * range + slack, method + ": converged with gap " + s.dualityGap());
        }
    }

    @ParameterizedTest
    @EnumSource(value = NashMethod.class, names = "LP", mode = EnumSource.Mode.EXCLUDE)
    void everyFirstOrderMethodReachesRelativeGap1e4OnARandom100x100Game(NashMethod method) {
        MatrixGame game = MatrixGame.of(MatrixGameLpTest.randomGame(Kind.UNIFORM, 100, 100, new Random(100)));
        MatrixGameSolution s = NashSolver.solve(game, method,
                NashOptions.DEFAULT.withRelativeTolerance(1e-4).withMaxIterations(300_000));
        assertEquals(SolverStatus.CONVERGED, s.status(), s.toString());
        assertTrue(s.dualityGap() <= 1e-4 * game.payoffRange(), s.toString());
    }

    @ParameterizedTest
    @EnumSource(value = NashMethod.class, names = "LP", mode = EnumSource.Mode.EXCLUDE)
    void runsAreReproducible(NashMethod method) {
        MatrixGame game = MatrixGame.of(MatrixGameLpTest.randomGame(Kind.WIDE, 30, 20, new Random(7)));
        NashOptions options = NashOptions.DEFAULT.withRelativeTolerance(1e-5).withMaxIterations(2_000).withSeed(3);
        MatrixGameSolution a = NashSolver.solve(game, method, options);
        MatrixGameSolution b = NashSolver.solve(game, method, options);
        assertArrayEquals(a.rowStrategy(), b.rowStrategy(), 0.0);
        assertArrayEquals(a.colStrategy(), b.colStrategy(), 0.0);
        assertEquals(a.iterations(), b.iterations());
    }

    @ParameterizedTest
    @EnumSource(value = NashMethod.class, names = "LP", mode = EnumSource.Mode.EXCLUDE)
    void anInterruptedThreadStopsAtOnceWithACertifiedAnswer(NashMethod method) {
        MatrixGame game = MatrixGame.of(MatrixGameLpTest.randomGame(Kind.UNIFORM, 50, 50, new Random(5)));
        Thread.currentThread().interrupt();
        MatrixGameSolution s;
        try {
            s = NashSolver.solve(game, method, NashOptions.DEFAULT.withRelativeTolerance(0));
            assertTrue(Thread.currentThread().isInterrupted(), "the interrupt flag is left set");
        } finally {
            Thread.interrupted();
        }
        assertEquals(SolverStatus.INTERRUPTED, s.status());
        assertTrue(s.iterations() <= 1, "stopped after " + s.iterations() + " iterations");
        assertOnSimplex(s.rowStrategy());
        assertOnSimplex(s.colStrategy());
    }

    @ParameterizedTest
    @EnumSource(value = NashMethod.class, names = "LP", mode = EnumSource.Mode.EXCLUDE)
    void theTimeLimitStopsARunThatCannotConverge(NashMethod method) {
        MatrixGame game = MatrixGame.of(MatrixGameLpTest.randomGame(Kind.UNIFORM, 200, 200, new Random(6)));
        MatrixGameSolution s = NashSolver.solve(game, method,
                NashOptions.DEFAULT.withRelativeTolerance(0).withTimeLimit(0.3));
        assertEquals(SolverStatus.TIME_LIMIT, s.status());
        // Behaviour, not speed: the run stops at its next iteration after the limit, far below the
        // time the tolerance 0 would take.
        assertTrue(s.seconds() < 30, "ran " + s.seconds() + " s");
    }

    @Test
    void theDefaultMethodMeetsTheToleranceAndNamesWhatRan() {
        MatrixGame game = MatrixGame.of(MatrixGameLpTest.randomGame(Kind.OFFSET, 40, 60, new Random(8)));
        MatrixGameSolution s = NashSolver.solve(game, NashOptions.DEFAULT);
        assertTrue(s.status() == SolverStatus.CONVERGED || s.status() == SolverStatus.OPTIMAL, s.toString());
        assertTrue(s.dualityGap() <= 1e-6 * game.payoffRange(), s.toString());
    }

    private static void assertOnSimplex(double[] p) {
        assertTrue(Arrays.stream(p).allMatch(v -> v >= 0), "negative entry");
        assertEquals(1.0, Arrays.stream(p).sum(), SIMPLEX_TOLERANCE);
    }
}
