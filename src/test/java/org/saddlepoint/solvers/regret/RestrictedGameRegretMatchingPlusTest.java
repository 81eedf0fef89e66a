package org.saddlepoint.solvers.regret;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.saddlepoint.solvers.regret.SelfPlayTest.bruteForceGap;
import static org.saddlepoint.solvers.regret.SelfPlayTest.lpValue;
import static org.saddlepoint.solvers.regret.SelfPlayTest.randomGame;
import static org.saddlepoint.solvers.regret.SelfPlayTest.value;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.saddlepoint.solvers.InvalidInputException;
import org.saddlepoint.solvers.iteration.SolverResult;
import org.saddlepoint.solvers.iteration.SolverStatus;
import org.saddlepoint.solvers.iteration.StoppingRule;
import org.saddlepoint.solvers.linalg.DenseMatrix;
import org.saddlepoint.solvers.operators.BilinearSaddleProblem;
import org.saddlepoint.solvers.operators.Domain;

/** Restricted-game RM+ against closed forms and an LP, with the certificate recomputed from the strategies. */
class RestrictedGameRegretMatchingPlusTest implements MatrixGameSolverContract {
    @Override
    public SolverResult solve(BilinearSaddleProblem problem, StoppingRule rule) {
        return METHOD.solve(problem, rule);
    }

    private static final RestrictedGameRegretMatchingPlus METHOD = new RestrictedGameRegretMatchingPlus();

    private static SolverResult solve(double[][] game, double tolerance, int maxIterations) {
        return METHOD.solve(BilinearSaddleProblem.onSimplices(DenseMatrix.of(game)),
                StoppingRule.DEFAULT.withTolerance(tolerance).withMaxIterations(maxIterations));
    }

    /** Tolerance {@code relative} times the payoff range of {@code game}. */
    private static double tolerance(double[][] game, double relative) {
        DenseMatrix k = DenseMatrix.of(game);
        return relative * (k.max() - k.min());
    }

    /** The certificate is the brute-force gap of the point, on the simplices, and the LP value lies within it. */
    private static void assertCertifiedAgainstLp(double[][] game, SolverResult r) {
        Domain both = Domain.simplex(game.length).times(Domain.simplex(game[0].length));
        for (double[] u : new double[][] {r.point(), r.lastIterate(), r.averageIterate()}) {
            assertTrue(both.contains(u, 1e-12), "not on the simplices");
        }
        double gap = bruteForceGap(game, r.point());
        assertEquals(gap, r.certificate(), 1e-12 * Math.max(1, Math.abs(lpValue(game))));
        assertTrue(Math.abs(value(game, r.point()) - lpValue(game)) <= gap + 1e-9 * Math.max(1, Math.abs(lpValue(game))),
                "value vs LP");
    }

    /**
     * Random square and rectangular games to relative gap 1e-6: certified against the LP, and
     * the answer comes from a restricted game (strategies outside it get exactly zero, where the
     * linear average of restarted RM+ plays every strategy with positive probability).
     */
    @Test
    void randomGamesAreSolvedThroughARestrictedGame() {
        for (int[] size : new int[][] {{100, 100}, {60, 90}, {120, 40}}) {
            double[][] game = randomGame(size[0], size[1], 11);
            SolverResult r = solve(game, tolerance(game, 1e-6), 50_000);
            assertEquals(SolverStatus.CONVERGED, r.status(), r.toString());
            assertCertifiedAgainstLp(game, r);
            long zeros = Arrays.stream(r.point()).filter(v -> v == 0).count();
            assertTrue(zeros > 0, "no strategy left out of the restricted game");
        }
    }

    /** Payoffs 1e6 + 1e3 v: the value within the certificate of 1e6 + 1e3 (the LP value of v). */
    @Test
    void badlyScaledPayoffsAreCertified() {
        double[][] game = randomGame(50, 70, 12);
        double[][] scaled = Arrays.stream(game).map(row -> Arrays.stream(row).map(v -> 1e6 + 1e3 * v).toArray())
                .toArray(double[][]::new);
        SolverResult r = solve(scaled, tolerance(scaled, 1e-6), 50_000);
        assertEquals(SolverStatus.CONVERGED, r.status(), r.toString());
        assertEquals(bruteForceGap(scaled, r.point()), r.certificate(), 1e-9 * 1e6);
        assertTrue(Math.abs(value(scaled, r.point()) - (1e6 + 1e3 * lpValue(game))) <= r.certificate() + 1e-6);
    }

    /** Payoffs in {0, 1, 2} (many exactly tied strategies), and a game of duplicated rows and columns. */
    @Test
    void degenerateGamesWithTiedStrategiesAreCertified() {
        Random rng = new Random(3);
        double[][] ties = new double[40][30];
        for (double[] row : ties) {
            for (int j = 0; j < row.length; j++) {
                row[j] = rng.nextInt(3);
            }
        }
        double[][] base = randomGame(6, 5, 4);
        double[][] copies = new double[36][25];
        for (int i = 0; i < 36; i++) {
            for (int j = 0; j < 25; j++) {
                copies[i][j] = base[i % 6][j % 5];
            }
        }
        for (double[][] game : new double[][][] {ties, copies}) {
            SolverResult r = solve(game, tolerance(game, 1e-7), 100_000);
            assertEquals(SolverStatus.CONVERGED, r.status(), r.toString());
            assertCertifiedAgainstLp(game, r);
        }
    }

    /**
     * Every iteration cap returns a profile certified on the full game; some caps fall in the
     * restricted phase (the profile leaves strategies out) before the run has converged.
     */
    @Test
    void aStopInTheRestrictedPhaseReturnsACertifiedProfile() {
        double[][] game = randomGame(80, 80, 9);
        SolverResult done = solve(game, tolerance(game, 1e-6), 50_000);
        int restrictedStops = 0;
        for (int cap = 1; cap < done.iterations(); cap++) {
            SolverResult cut = solve(game, tolerance(game, 1e-6), cap);
            assertEquals(bruteForceGap(game, cut.point()), cut.certificate(), 1e-12);
            if (cut.status() == SolverStatus.MAX_ITERATIONS && Arrays.stream(cut.point()).anyMatch(v -> v == 0)) {
                restrictedStops++;
            }
        }
        assertTrue(restrictedStops > 0, "no cap fell in the restricted phase");
    }

    /**
     * With tolerance 0 the restricted phases never end on the tolerance: the certified profile must
     * still improve far below the switch level (1e-2 of the range), every tenfold fall of the
     * restricted gap being certified on the full game.
     */
    @Test
    void theCertificateKeepsImprovingWithoutATolerance() {
        double[][] game = randomGame(60, 60, 8);
        SolverResult r = solve(game, 0, 5_000);
        assertEquals(SolverStatus.MAX_ITERATIONS, r.status(), r.toString());
        assertEquals(bruteForceGap(game, r.point()), r.certificate(), 1e-12);
        assertTrue(r.certificate() <= tolerance(game, 1e-6), r.toString());
    }

    @Test
    void rejectsCouplingsWithoutEntries() {
        DenseMatrix k = DenseMatrix.of(randomGame(2, 3, 1));
        InvalidInputException f = assertThrows(InvalidInputException.class, () -> METHOD.solve(
                BilinearSaddleProblem.onSimplices(new org.saddlepoint.solvers.operators.CountingOperator(k)), StoppingRule.DEFAULT));
        assertTrue(f.getMessage().contains("dense matrix"), f.getMessage());
    }
}
