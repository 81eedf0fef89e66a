package org.saddlepoint.solvers.regret;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.saddlepoint.solvers.regret.SelfPlayTest.bruteForceGap;
import static org.saddlepoint.solvers.regret.SelfPlayTest.lpValue;
import static org.saddlepoint.solvers.regret.SelfPlayTest.randomGame;
import static org.saddlepoint.solvers.regret.SelfPlayTest.value;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.saddlepoint.solvers.iteration.SolverResult;
import org.saddlepoint.solvers.iteration.SolverStatus;
import org.saddlepoint.solvers.iteration.StoppingRule;
import org.saddlepoint.solvers.linalg.DenseMatrix;
import org.saddlepoint.solvers.operators.BilinearSaddleProblem;
import org.saddlepoint.solvers.operators.CountingOperator;
import org.saddlepoint.solvers.operators.Domain;

/** Restarted RM+ against closed forms, an LP, plain CFR+ self-play, and the solver contract. */
class RestartedRegretMatchingPlusTest {
    private static final RestartedRegretMatchingPlus METHOD = new RestartedRegretMatchingPlus();

    private static SolverResult solve(double[][] game, double tolerance, int maxIterations) {
        return METHOD.solve(BilinearSaddleProblem.onSimplices(DenseMatrix.of(game)),
                StoppingRule.DEFAULT.withTolerance(tolerance).withMaxIterations(maxIterations));
    }

    /** Value (ad - bc)/(a + d - b - c) of a 2 x 2 game without a saddle point; 0 for rock-paper-scissors. */
    @Test
    void closedFormGamesAreSolvedToTheirValue() {
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
    void aPureSaddlePointIsFound() {
        double[][] game = {{5, 3, 4}, {2, 1, 0}};
        SolverResult r = solve(game, 1e-12, 100_000);
        assertEquals(SolverStatus.CONVERGED, r.status(), r.toString());
        // x1 costs the row player at least 1 per unit (row 1 is worse by >= 1 against every column),
        // and y0, y2 cost the column player at least 1 per unit against row 0
        assertTrue(r.point()[1] <= r.certificate() && r.point()[2] + r.point()[4] <= r.certificate() + 1e-15);
        assertEquals(3.0, value(game, r.point()), r.certificate() + 1e-15);
    }

    @Test
    void aOneByOneGameIsCertifiedAtOnce() {
        SolverResult r = solve(new double[][] {{-2.5}}, 0, 10);
        assertEquals(SolverStatus.CONVERGED, r.status());
        assertEquals(0, r.iterations());
        assertArrayEquals(new double[] {1, 1}, r.point(), 0.0);
    }

    /**
     * Random square and rectangular games to relative gap 1e-6: the certificate is the point's gap,
     * the LP value lies within it, and plain CFR+ self-play is still more than ten times above the tolerance after as many rounds (on
     * 500 x 500 and 2000 x 2000 uniform games 1.6 to 3.6 times fewer products, bench/README.md).
     */
    @Test
    void randomGamesMeetTheLpValueInFewerRoundsThanCfrPlus() {
        for (int[] size : new int[][] {{100, 100}, {60, 90}}) {
            double[][] game = randomGame(size[0], size[1], 11);
            DenseMatrix k = DenseMatrix.of(game);
            BilinearSaddleProblem p = BilinearSaddleProblem.onSimplices(k);
            StoppingRule rule = StoppingRule.DEFAULT.withTolerance(1e-6 * (k.max() - k.min())).withMaxIterations(50_000);
            SolverResult r = METHOD.solve(p, rule);
            assertEquals(SolverStatus.CONVERGED, r.status(), r.toString());
            Domain both = Domain.simplex(size[0]).times(Domain.simplex(size[1]));
            for (double[] u : new double[][] {r.point(), r.lastIterate(), r.averageIterate()}) {
                assertTrue(both.contains(u, 1e-12));
            }
            double gap = bruteForceGap(game, r.point());
            assertEquals(gap, r.certificate(), 1e-12);
            assertTrue(Math.abs(value(game, r.point()) - lpValue(game)) <= gap + 1e-9, "value vs LP");
            SolverResult plain = SelfPlay.regretMatchingPlus().solve(p, rule.withMaxIterations(r.iterations()));
            assertEquals(SolverStatus.MAX_ITERATIONS, plain.status(), plain.toString());
            // measured: relative gap 2.5e-5 (100 x 100) and 1.9e-5 (60 x 90), 20 times the tolerance
            assertTrue(plain.certificate() > 10 * rule.tolerance(), "CFR+ reached " + plain.certificate());
        }
    }

    /** RM+ is invariant to K -> c K + b (c > 0): the same rounds and strategies, up to rounding. */
    @Test
    void badlyScaledPayoffsGiveTheSameRun() {
        double[][] game = randomGame(30, 40, 12);
        double[][] scaled = Arrays.stream(game).map(row -> Arrays.stream(row).map(v -> 1e6 + 1e3 * v).toArray())
                .toArray(double[][]::new);
        SolverResult r = solve(game, 1e-7, 50_000);
        SolverResult s = solve(scaled, 1e-4, 50_000);
        assertEquals(SolverStatus.CONVERGED, s.status(), s.toString());
        assertEquals(r.iterations(), s.iterations(), 10);
        assertEquals(bruteForceGap(scaled, s.point()), s.certificate(), 1e-9 * 1e6);
        assertTrue(Math.abs(value(scaled, s.point()) - (1e6 + 1e3 * lpValue(game))) <= s.certificate() + 1e-6);
    }

    /** Two products a round; one fused pass for the starting gap and one to recompute the final gap. */
    @Test
    void certificationCostsNoProductsButTheLastCheck() {
        CountingOperator k = new CountingOperator(DenseMatrix.of(randomGame(40, 50, 2)));
        SolverResult r = METHOD.solve(BilinearSaddleProblem.onSimplices(k),
                StoppingRule.DEFAULT.withTolerance(1e-6).withMaxIterations(50_000));
        assertEquals(SolverStatus.CONVERGED, r.status());
        assertArrayEquals(new int[] {r.iterations(), r.iterations(), 2}, k.counts());
    }

    @Test
    void sameInputsGiveBitwiseTheSameResult() {
        MatrixGameSolverContract.sameInputsGiveBitwiseTheSameResult(METHOD::solve,
                StoppingRule.DEFAULT.withTolerance(1e-7).withMaxIterations(5000));
    }

    @Test
    void anInterruptedThreadStopsAndKeepsItsFlag() {
        MatrixGameSolverContract.anInterruptedThreadStopsAndKeepsItsFlag(METHOD::solve);
    }

    @Test
    void aTinyTimeLimitStopsWithTimeLimit() {
        MatrixGameSolverContract.aTinyTimeLimitStopsWithTimeLimit(METHOD::solve);
    }

    @Test
    void rejectsDomainsOtherThanSimplices() {
        MatrixGameSolverContract.rejectsDomainsOtherThanSimplices(METHOD::solve);
    }
}
