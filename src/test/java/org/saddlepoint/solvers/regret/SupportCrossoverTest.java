package org.saddlepoint.solvers.regret;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.saddlepoint.solvers.regret.SelfPlayTest.bruteForceGap;
import static org.saddlepoint.solvers.regret.SelfPlayTest.lpValue;
import static org.saddlepoint.solvers.regret.SelfPlayTest.randomGame;
import static org.saddlepoint.solvers.regret.SelfPlayTest.value;

import java.util.Arrays;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.saddlepoint.solvers.iteration.SolverResult;
import org.saddlepoint.solvers.iteration.StoppingRule;
import org.saddlepoint.solvers.linalg.DenseMatrix;
import org.saddlepoint.solvers.operators.BilinearSaddleProblem;
import org.saddlepoint.solvers.operators.Domain;

/** The crossover from restarted-RM+ profiles to exact equilibria, checked by brute-force gaps and an LP. */
class SupportCrossoverTest {
    /** From relative gap 1e-4 on random square and rectangular games: gap at rounding level, the LP value. */
    @Test
    void approximateProfilesOfRandomGamesBecomeExact() {
        for (int[] size : new int[][] {{100, 100}, {60, 90}, {150, 120}}) {
            double[][] game = randomGame(size[0], size[1], 21);
            double[] p = crossover(game, approximate(game, 1e-4)).orElseThrow(() -> new AssertionError("no crossover"));
            assertTrue(Domain.simplex(size[0]).times(Domain.simplex(size[1])).contains(p, 1e-12), "not on the simplices");
            assertTrue(bruteForceGap(game, p) <= 1e-12, "gap " + bruteForceGap(game, p));
            assertEquals(lpValue(game), value(game, p), 1e-9);
        }
    }

    /**
     * A pure saddle point (entry (2, 0), the minimum of its row and the maximum of its column) from
     * a profile that puts 1% on the other strategies.
     */
    @Test
    void aPureSaddlePointIsFound() {
        double[][] game = randomGame(8, 6, 3);
        for (int j = 0; j < 6; j++) {
            game[2][j] = 2 + j;
        }
        for (int i = 0; i < 8; i++) {
            game[i][0] = -1 - i;
        }
        game[2][0] = 1.5;
        double[] near = new double[14];
        Arrays.fill(near, 0, 8, 0.01 / 7);
        Arrays.fill(near, 8, 14, 0.01 / 5);
        near[2] = 0.99;
        near[8] = 0.99;
        double[] p = crossover(game, near).orElseThrow();
        assertEquals(1.0, p[2], 1e-12);
        assertEquals(1.0, p[8], 1e-12);
        assertEquals(0.0, bruteForceGap(game, p), 1e-12);
    }

    /** Far from equilibrium (uniform profiles, gap of about a third of the range) no core exists. */
    @Test
    void uniformProfilesAreOutOfScope() {
        double[][] game = randomGame(50, 50, 5);
        double[] uniform = new double[100];
        Arrays.fill(uniform, 1.0 / 50);
        assertTrue(crossover(game, uniform).isEmpty());
    }

    /** A profile the crossover completes is not attempted when the factorization would overrun the time left. */
    @Test
    void noAttemptWithoutTimeForTheFactorization() {
        double[][] game = randomGame(100, 100, 21);
        double[] p = approximate(game, 1e-4);
        assertTrue(crossover(game, p, Double.POSITIVE_INFINITY).isPresent());
        assertTrue(crossover(game, p, 1e-9).isEmpty());
    }

    /** Restarted RM+ to relative gap {@code relative}: its stacked profile. */
    private static double[] approximate(double[][] game, double relative) {
        DenseMatrix a = DenseMatrix.of(game);
        SolverResult r = new RestartedRegretMatchingPlus().solve(BilinearSaddleProblem.onSimplices(a),
                StoppingRule.DEFAULT.withTolerance(relative * (a.max() - a.min())).withMaxIterations(100_000));
        return r.point();
    }

    private static Optional<double[]> crossover(double[][] game, double[] profile) {
        return crossover(game, profile, Double.POSITIVE_INFINITY);
    }

    private static Optional<double[]> crossover(double[][] game, double[] profile, double secondsLeft) {
        DenseMatrix a = DenseMatrix.of(game);
        BilinearSaddleProblem problem = BilinearSaddleProblem.onSimplices(a);
        double[] ay = new double[a.rows()];
        double[] atx = new double[a.cols()];
        a.multiplyBoth(problem.minPart(profile), problem.maxPart(profile), ay, atx);
        Optional<SupportCrossover.Certified> c = new SupportCrossover(problem).solve(profile, ay, atx, 0, secondsLeft);
        c.ifPresent(certified -> assertEquals(bruteForceGap(game, certified.profile()), certified.gap(), 1e-12));
        return c.map(SupportCrossover.Certified::profile);
    }
}
