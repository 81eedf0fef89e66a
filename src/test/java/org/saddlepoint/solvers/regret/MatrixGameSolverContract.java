package org.saddlepoint.solvers.regret;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.saddlepoint.solvers.regret.SelfPlayTest.bruteForceGap;
import static org.saddlepoint.solvers.regret.SelfPlayTest.randomGame;
import static org.saddlepoint.solvers.regret.SelfPlayTest.value;

import org.junit.jupiter.api.Test;
import org.saddlepoint.solvers.InvalidInputException;
import org.saddlepoint.solvers.iteration.Checkpoint;
import org.saddlepoint.solvers.iteration.SolverResult;
import org.saddlepoint.solvers.iteration.SolverStatus;
import org.saddlepoint.solvers.iteration.StoppingRule;
import org.saddlepoint.solvers.linalg.DenseMatrix;
import org.saddlepoint.solvers.operators.BilinearSaddleProblem;
import org.saddlepoint.solvers.operators.Domain;

/**
 * What every matrix-game solver of this package promises, whatever its algorithm (a JUnit test
 * interface: a test class implements {@link #solve} and inherits these tests): closed forms, pure
 * saddle points, 1 x 1 games, bitwise reproducible runs, interruption and time limits honoured,
 * simplices required.
 */
interface MatrixGameSolverContract {
    /** Runs the solver under test. */
    SolverResult solve(BilinearSaddleProblem problem, StoppingRule rule);

    private SolverResult solve(double[][] game, double tolerance, int maxIterations) {
        return solve(BilinearSaddleProblem.onSimplices(DenseMatrix.of(game)),
                StoppingRule.DEFAULT.withTolerance(tolerance).withMaxIterations(maxIterations));
    }

    /** Rock-paper-scissors, matching pennies and a 2 x 2 game of value (ad - bc)/(a + d - b - c), to gap 1e-10. */
    @Test
    default void closedFormGamesAreSolvedToTheirValue() {
        double[][][] games = {{{0, -1, 1}, {1, 0, -1}, {-1, 1, 0}}, {{1, -1}, {-1, 1}}, {{3, -1}, {-2, 1}}};
        double[] values = {0, 0, (3 * 1 - (-1) * (-2)) / (3.0 + 1 + 1 + 2)};
        for (int g = 0; g < games.length; g++) {
            SolverResult r = solve(games[g], 1e-10, 100_000);
            assertEquals(SolverStatus.CONVERGED, r.status(), r.toString());
            assertEquals(bruteForceGap(games[g], r.point()), r.certificate(), 1e-15);
            assertTrue(Math.abs(value(games[g], r.point()) - values[g]) <= r.certificate() + 1e-15);
        }
    }

    /** Row 0 and column 1 form a saddle point of value 3: both players end on pure strategies. */
    @Test
    default void aPureSaddlePointIsFound() {
        double[][] game = {{5, 3, 4}, {2, 1, 0}};
        SolverResult r = solve(game, 1e-12, 100_000);
        assertEquals(SolverStatus.CONVERGED, r.status(), r.toString());
        assertEquals(bruteForceGap(game, r.point()), r.certificate(), 1e-15);
        // x1 costs the row player at least 1 per unit (row 1 is worse by >= 1 against every column),
        // and y0, y2 cost the column player at least 1 per unit against row 0
        assertTrue(r.point()[1] <= r.certificate() && r.point()[2] + r.point()[4] <= r.certificate() + 1e-15);
        assertEquals(3.0, value(game, r.point()), r.certificate() + 1e-15);
    }

    @Test
    default void aOneByOneGameIsCertifiedAtOnce() {
        SolverResult r = solve(new double[][] {{-2.5}}, 0, 10);
        assertEquals(SolverStatus.CONVERGED, r.status());
        assertEquals(0, r.iterations());
        assertArrayEquals(new double[] {1, 1}, r.point(), 0.0);
    }

    /** Two runs on a random 50 x 60 game to gap 1e-7 (payoffs in [-1, 1]): the same iterations, points and certificates. */
    @Test
    default void sameInputsGiveBitwiseTheSameResult() {
        BilinearSaddleProblem p = BilinearSaddleProblem.onSimplices(DenseMatrix.of(randomGame(50, 60, 5)));
        StoppingRule rule = StoppingRule.DEFAULT.withTolerance(1e-7).withMaxIterations(20_000);
        SolverResult a = solve(p, rule);
        SolverResult b = solve(p, rule);
        assertEquals(a.iterations(), b.iterations());
        assertArrayEquals(a.point(), b.point(), 0.0);
        assertArrayEquals(a.lastIterate(), b.lastIterate(), 0.0);
        assertEquals(a.history().stream().map(Checkpoint::certificate).toList(),
                b.history().stream().map(Checkpoint::certificate).toList());
    }

    /** A run started on an interrupted thread stops after one iteration, certified, and keeps the flag. */
    @Test
    default void anInterruptedThreadStopsAndKeepsItsFlag() {
        double[][] game = randomGame(10, 10, 6);
        SolverResult r;
        boolean flagged;
        Thread.currentThread().interrupt();
        try {
            r = solve(BilinearSaddleProblem.onSimplices(DenseMatrix.of(game)),
                    StoppingRule.DEFAULT.withTolerance(0).withMaxIterations(100_000));
        } finally {
            flagged = Thread.interrupted();
        }
        assertTrue(flagged, "interrupt flag cleared");
        assertEquals(SolverStatus.INTERRUPTED, r.status());
        assertEquals(1, r.iterations());
        assertEquals(bruteForceGap(game, r.point()), r.certificate(), 1e-15);
    }

    @Test
    default void aTinyTimeLimitStopsWithTimeLimit() {
        SolverResult r = solve(BilinearSaddleProblem.onSimplices(DenseMatrix.of(randomGame(10, 10, 6))),
                StoppingRule.DEFAULT.withTolerance(0).withTimeLimit(1e-9));
        assertEquals(SolverStatus.TIME_LIMIT, r.status());
    }

    @Test
    default void rejectsDomainsOtherThanSimplices() {
        DenseMatrix k = DenseMatrix.of(randomGame(2, 3, 1));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> solve(
                new BilinearSaddleProblem(k, Domain.box(2, 0, 1), Domain.simplex(3)), StoppingRule.DEFAULT));
        assertTrue(e.getMessage().contains("simplex as the max player's domain"), e.getMessage());
    }
}
