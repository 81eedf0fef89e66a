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
class RestartedRegretMatchingPlusTest implements MatrixGameSolverContract {
    @Override
    public SolverResult solve(BilinearSaddleProblem problem, StoppingRule rule) {
        return METHOD.solve(problem, rule);
    }

    private static final RestartedRegretMatchingPlus METHOD = new RestartedRegretMatchingPlus();

    private static SolverResult solve(double[][] game, double tolerance, int maxIterations) {
        return METHOD.solve(BilinearSaddleProblem.onSimplices(DenseMatrix.of(game)),
                StoppingRule.DEFAULT.withTolerance(tolerance).withMaxIterations(maxIterations));
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

}
