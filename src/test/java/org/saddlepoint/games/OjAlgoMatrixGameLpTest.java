package org.saddlepoint.games;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.saddlepoint.games.MatrixGameLpTest.Kind;
import org.saddlepoint.solvers.iteration.SolverStatus;

/**
 * {@link LpBackend#OJALGO}, the pure-Java LP: against {@link SupportEnumeration} on games up to 4 x 4,
 * and against GLOP's value on larger ones, each by the certificate of its own strategies.
 */
class OjAlgoMatrixGameLpTest {
    private static final double INF = Double.POSITIVE_INFINITY;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void smallGamesMatchSupportEnumeration(Kind kind) {
        Random rnd = new Random(2000 + kind.ordinal());
        for (int trial = 0; trial < 60; trial++) {
            double[][] a = MatrixGameLpTest.randomGame(kind, 1 + rnd.nextInt(4), 1 + rnd.nextInt(4), rnd);
            MatrixGame game = MatrixGame.of(a);
            double range = game.payoffRange();
            SupportEnumeration.Equilibrium reference = SupportEnumeration.solve(a);
            MatrixGameSolution s = MatrixGameLp.solve(game, LpBackend.OJALGO, INF);
            String where = kind + " trial " + trial;
            assertEquals(SolverStatus.OPTIMAL, s.status(), where);
            assertEquals("lp (ojAlgo)", s.method());
            assertEquals(reference.value(), s.value(), 1e-8 * range + 1e-12 * game.payoff().maxAbsEntry(), where);
            assertTrue(s.dualityGap() <= 1e-8 * range + 1e-12 * game.payoff().maxAbsEntry(), where);
            MatrixGameLpTest.assertOnSimplex(s.rowStrategy());
            MatrixGameLpTest.assertOnSimplex(s.colStrategy());
        }
    }

    @ParameterizedTest
    @CsvSource({"50, 30, UNIFORM", "30, 50, INTEGER", "100, 100, UNIFORM", "60, 60, OFFSET", "60, 60, MIXED"})
    void largerGamesAgreeWithGlop(int m, int n, Kind kind) {
        MatrixGame game = MatrixGame.of(MatrixGameLpTest.randomGame(kind, m, n, new Random(17L * m + n)));
        MatrixGameSolution ojalgo = MatrixGameLp.solve(game, LpBackend.OJALGO, INF);
        MatrixGameSolution glop = MatrixGameLp.solve(game, LpBackend.GLOP, INF);
        assertEquals(SolverStatus.OPTIMAL, ojalgo.status());
        assertTrue(ojalgo.dualityGap() <= 1e-8 * game.payoffRange(),
                "relative gap " + ojalgo.dualityGap() / game.payoffRange());
        assertEquals(glop.value(), ojalgo.value(), 1e-8 * game.payoffRange());
    }
}
