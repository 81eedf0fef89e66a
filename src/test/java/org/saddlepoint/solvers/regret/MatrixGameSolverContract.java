package org.saddlepoint.solvers.regret;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.saddlepoint.solvers.regret.SelfPlayTest.bruteForceGap;
import static org.saddlepoint.solvers.regret.SelfPlayTest.randomGame;

import java.util.function.BiFunction;

import org.saddlepoint.solvers.InvalidInputException;
import org.saddlepoint.solvers.iteration.Checkpoint;
import org.saddlepoint.solvers.iteration.SolverResult;
import org.saddlepoint.solvers.iteration.SolverStatus;
import org.saddlepoint.solvers.iteration.StoppingRule;
import org.saddlepoint.solvers.linalg.DenseMatrix;
import org.saddlepoint.solvers.operators.BilinearSaddleProblem;
import org.saddlepoint.solvers.operators.Domain;

/**
 * What every matrix-game solver of this package promises, whatever its algorithm: bitwise
 * reproducible runs, interruption and time limits honoured, simplices required. Each method
 * takes the solver as {@code (problem, rule) -> result}.
 */
final class MatrixGameSolverContract {
    private MatrixGameSolverContract() {
    }

    /** Two runs on a random 50 x 60 game under {@code rule}: the same iterations, points and certificates. */
    static void sameInputsGiveBitwiseTheSameResult(BiFunction<BilinearSaddleProblem, StoppingRule, SolverResult> solver,
                                                   StoppingRule rule) {
        BilinearSaddleProblem p = BilinearSaddleProblem.onSimplices(DenseMatrix.of(randomGame(50, 60, 5)));
        SolverResult a = solver.apply(p, rule);
        SolverResult b = solver.apply(p, rule);
        assertEquals(a.iterations(), b.iterations());
        assertArrayEquals(a.point(), b.point(), 0.0);
        assertArrayEquals(a.lastIterate(), b.lastIterate(), 0.0);
        assertEquals(a.history().stream().map(Checkpoint::certificate).toList(),
                b.history().stream().map(Checkpoint::certificate).toList());
    }

    /** A run started on an interrupted thread stops after one iteration, certified, and keeps the flag. */
    static void anInterruptedThreadStopsAndKeepsItsFlag(BiFunction<BilinearSaddleProblem, StoppingRule, SolverResult> solver) {
        double[][] game = randomGame(10, 10, 6);
        SolverResult r;
        boolean flagged;
        Thread.currentThread().interrupt();
        try {
            r = solver.apply(BilinearSaddleProblem.onSimplices(DenseMatrix.of(game)),
                    StoppingRule.DEFAULT.withTolerance(0).withMaxIterations(100_000));
        } finally {
            flagged = Thread.interrupted();
        }
        assertTrue(flagged, "interrupt flag cleared");
        assertEquals(SolverStatus.INTERRUPTED, r.status());
        assertEquals(1, r.iterations());
        assertEquals(bruteForceGap(game, r.point()), r.certificate(), 1e-15);
    }

    static void aTinyTimeLimitStopsWithTimeLimit(BiFunction<BilinearSaddleProblem, StoppingRule, SolverResult> solver) {
        SolverResult r = solver.apply(BilinearSaddleProblem.onSimplices(DenseMatrix.of(randomGame(10, 10, 6))),
                StoppingRule.DEFAULT.withTolerance(0).withTimeLimit(1e-9));
        assertEquals(SolverStatus.TIME_LIMIT, r.status());
    }

    static void rejectsDomainsOtherThanSimplices(BiFunction<BilinearSaddleProblem, StoppingRule, SolverResult> solver) {
        DenseMatrix k = DenseMatrix.of(randomGame(2, 3, 1));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> solver.apply(
                new BilinearSaddleProblem(k, Domain.box(2, 0, 1), Domain.simplex(3)), StoppingRule.DEFAULT));
        assertTrue(e.getMessage().contains("simplex as the max player's domain"), e.getMessage());
    }
}
