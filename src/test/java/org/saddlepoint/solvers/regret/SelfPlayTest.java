package org.saddlepoint.solvers.regret;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;
import java.util.stream.Stream;

import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.saddlepoint.solvers.InvalidInputException;
import org.saddlepoint.solvers.iteration.Checkpoint;
import org.saddlepoint.solvers.iteration.SolverResult;
import org.saddlepoint.solvers.iteration.SolverStatus;
import org.saddlepoint.solvers.iteration.StoppingRule;
import org.saddlepoint.solvers.linalg.DenseMatrix;
import org.saddlepoint.solvers.linalg.LinearOperator;
import org.saddlepoint.solvers.operators.BilinearSaddleProblem;
import org.saddlepoint.solvers.operators.CountingOperator;
import org.saddlepoint.solvers.operators.Domain;

/** Self-play against closed forms, an LP, the folk-theorem identity, and the solver contract. */
class SelfPlayTest {
    private static final double[][] ROCK_PAPER_SCISSORS = {{0, -1, 1}, {1, 0, -1}, {-1, 1, 0}};
    private static final double[][] MATCHING_PENNIES = {{1, -1}, {-1, 1}};
    private static final double[][] NO_SADDLE_2X2 = {{3, -1}, {-2, 1}};

    /** Starts a learner at its first action (one observed utility e_0), away from the equilibrium. */
    private static IntFunction<RegretMinimizer> startingPure(IntFunction<RegretMinimizer> learners) {
        return n -> {
            RegretMinimizer learner = learners.apply(n);
            double[] u = new double[n];
            u[0] = 1;
            learner.observe(u);
            return learner;
        };
    }

    /** Each method with the gap it must reach on a small game within 100,000 rounds. */
    static Stream<Arguments> methods() {
        return Stream.of(
                Arguments.of(new SelfPlay(startingPure(RegretMatchingPlus::new), true, Averaging.LINEAR), 1e-4),
                Arguments.of(new SelfPlay(startingPure(PredictiveRegretMatchingPlus::new), true, Averaging.QUADRATIC), 1e-8),
                Arguments.of(new SelfPlay(startingPure(PredictiveRegretMatchingPlus::new), false, Averaging.UNIFORM), 1e-3),
                Arguments.of(new SelfPlay(startingPure(RegretMatching::new), false, Averaging.UNIFORM), 1e-2),
                Arguments.of(new SelfPlay(startingPure(Hedge::adaptive), true, Averaging.UNIFORM), 1e-2));
    }

    private static SolverResult solveSmall(double[][] game, SelfPlay method, double tolerance) {
        BilinearSaddleProblem p = BilinearSaddleProblem.onSimplices(DenseMatrix.of(game));
        SolverResult r = method.solve(p, StoppingRule.DEFAULT.withTolerance(tolerance).withMaxIterations(100_000));
        assertEquals(SolverStatus.CONVERGED, r.status(), r.toString());
        assertEquals(bruteForceGap(game, r.point()), r.certificate(), 1e-15, "certificate is the point's gap");
        return r;
    }

    /**
     * RPS is skew-symmetric with value 0, so gap(x, y) = max(K x) + max(K y) and each term is
     * &gt;= ||. - uniform||_2 / sqrt(2) (K is sqrt(3) times a rotation on the plane sum = 0).
     */
    @ParameterizedTest
    @MethodSource("methods")
    void rockPaperScissorsAverageIsNearUniform(SelfPlay method, double tolerance) {
        SolverResult r = solveSmall(ROCK_PAPER_SCISSORS, method, tolerance);
        double gap = r.certificate();
        double[] u = r.point();
        double[] third = {1.0 / 3, 1.0 / 3, 1.0 / 3};
        assertTrue(distance(Arrays.copyOfRange(u, 0, 3), third) <= Math.sqrt(2) * gap + 1e-15, method.name());
        assertTrue(distance(Arrays.copyOfRange(u, 3, 6), third) <= Math.sqrt(2) * gap + 1e-15, method.name());
        assertTrue(Math.abs(value(ROCK_PAPER_SCISSORS, u)) <= gap + 1e-15, method.name());
    }

    /**
     * For A = [[a, b], [c, d]] without a saddle point the maximizer plays x1* = (d - c)/(a + d - b - c),
     * the minimizer y1* = (d - b)/(a + d - b - c), value (ad - bc)/(a + d - b - c). Moving x by
     * delta along (1, -1) lowers min_j (A^T x)_j below the value by |delta| min(|a - c|, |b - d|),
     * so |x1 - x1*| &lt;= gap / min(|a - c|, |b - d|); likewise for y.
     */
    @ParameterizedTest
    @MethodSource("methods")
    void twoByTwoGamesMatchTheirClosedForm(SelfPlay method, double tolerance) {
        for (double[][] game : List.of(MATCHING_PENNIES, NO_SADDLE_2X2)) {
            double a = game[0][0];
            double b = game[0][1];
            double c = game[1][0];
            double d = game[1][1];
            double denominator = a + d - b - c;
            SolverResult r = solveSmall(game, method, tolerance);
            double gap = r.certificate();
            double[] u = r.point();
            assertTrue(Math.abs(u[0] - (d - c) / denominator)
                    <= gap / Math.min(Math.abs(a - c), Math.abs(b - d)) + 1e-15, method.name());
            assertTrue(Math.abs(u[2] - (d - b) / denominator)
                    <= gap / Math.min(Math.abs(a - b), Math.abs(c - d)) + 1e-15, method.name());
            assertTrue(Math.abs(value(game, u) - (a * d - b * c) / denominator) <= gap + 1e-15, method.name());
        }
    }

    @Test
    void uniformStartOfRockPaperScissorsIsCertifiedAtOnce() {
        BilinearSaddleProblem p = BilinearSaddleProblem.onSimplices(DenseMatrix.of(ROCK_PAPER_SCISSORS));
        SolverResult r = SelfPlay.regretMatchingPlus().solve(p, StoppingRule.DEFAULT.withTolerance(0));
        assertEquals(SolverStatus.CONVERGED, r.status());
        assertEquals(0, r.iterations());
        assertEquals(0.0, r.certificate(), 0.0);
        assertArrayEquals(new double[] {1.0 / 3, 1.0 / 3, 1.0 / 3, 1.0 / 3, 1.0 / 3, 1.0 / 3}, r.point(), 0.0);
    }

    static Stream<SelfPlay> fastMethods() {
        return Stream.of(SelfPlay.regretMatchingPlus(),
                new SelfPlay(PredictiveRegretMatchingPlus::new, true, Averaging.LINEAR),
                SelfPlay.predictiveRegretMatchingPlus());
    }

    @ParameterizedTest
    @MethodSource("fastMethods")
    void randomGameReachesRelativeGapOneInTenThousand(SelfPlay method) {
        double[][] game = randomGame(100, 100, 7);
        DenseMatrix k = DenseMatrix.of(game);
        double range = k.max() - k.min();
        SolverResult r = method.solve(BilinearSaddleProblem.onSimplices(k),
                StoppingRule.DEFAULT.withTolerance(1e-4 * range).withMaxIterations(3000));
        assertEquals(SolverStatus.CONVERGED, r.status(), r.toString());
        for (Checkpoint c : r.history()) {
            assertTrue(c.certificate() >= 0, "negative gap at " + c);
        }
        Domain both = Domain.simplex(100).times(Domain.simplex(100));
        for (double[] u : List.of(r.point(), r.lastIterate(), r.averageIterate())) {
            assertTrue(both.contains(u, 1e-12));
        }
        double gap = bruteForceGap(game, r.point());
        assertEquals(gap, r.certificate(), 1e-12);
        assertTrue(Math.abs(value(game, r.point()) - lpValue(game)) <= gap + 1e-9, "value vs LP");
    }

    /**
     * Folk theorem (Freund and Schapire 1999): with simultaneous play and uniform averaging,
     * T gap(xbar, ybar) = R_row + R_col exactly, and each regret obeys the RM+ bound
     * range sqrt(n T).
     */
    @Test
    void simultaneousUniformGapIsTheSumOfRegrets() {
        int m = 20;
        int n = 30;
        int rounds = 500;
        double[][] game = randomGame(m, n, 3);
        DenseMatrix k = DenseMatrix.of(game);
        List<Recorder> recorders = new ArrayList<>();
        SelfPlay play = new SelfPlay(size -> record(recorders, new RegretMatchingPlus(size)), false, Averaging.UNIFORM);
        SolverResult r = play.solve(BilinearSaddleProblem.onSimplices(k),
                StoppingRule.DEFAULT.withTolerance(0).withMaxIterations(rounds).withCheckInterval(rounds));
        assertEquals(rounds, r.iterations());
        Recorder row = recorders.get(recorders.size() - 2);
        Recorder column = recorders.get(recorders.size() - 1);
        double[] avg = r.averageIterate();
        assertArrayEquals(row.average(), Arrays.copyOfRange(avg, 0, m), 1e-12);
        assertArrayEquals(column.average(), Arrays.copyOfRange(avg, m, m + n), 1e-12);
        double gap = bruteForceGap(game, avg);
        assertEquals(row.regret() + column.regret(), rounds * gap, 1e-9 * rounds);
        double range = k.max() - k.min();
        assertTrue(gap <= range * (Math.sqrt(m * (double) rounds) + Math.sqrt(n * (double) rounds)) / rounds);
    }

    /** Alternation: round t's column utility is -K^T x_t and the row then sees K y_t, y_t the column's answer. */
    @Test
    void alternationAnswersTheRowsCurrentStrategy() {
        double[][] game = randomGame(4, 5, 9);
        DenseMatrix k = DenseMatrix.of(game);
        List<Recorder> recorders = new ArrayList<>();
        int rounds = new SelfPlay(size -> record(recorders, new PredictiveRegretMatchingPlus(size)), true, Averaging.LINEAR)
                .solve(BilinearSaddleProblem.onSimplices(k), StoppingRule.DEFAULT.withTolerance(0).withMaxIterations(50))
                .iterations();
        assertTrue(rounds >= 10, "rounds played: " + rounds);
        Recorder row = recorders.get(recorders.size() - 2);
        Recorder column = recorders.get(recorders.size() - 1);
        for (int t = 0; t < rounds; t++) {
            double[] x = row.played.get(t);
            double[] ktx = new double[5];
            k.multiplyTranspose(x, ktx);
            for (int j = 0; j < 5; j++) {
                assertEquals(-ktx[j], column.utilities.get(t)[j], 1e-15);
            }
            double[] y = t + 1 < rounds ? column.played.get(t + 1) : column.strategy();
            double[] ky = new double[4];
            k.multiply(y, ky);
            assertArrayEquals(ky, row.utilities.get(t), 1e-15);
        }
    }

    @Test
    void productsPerRoundAreTwoWhenAlternatingAndOneFusedPassOtherwise() {
        int rounds = 40;
        StoppingRule rule = StoppingRule.DEFAULT.withTolerance(0).withMaxIterations(rounds).withCheckInterval(rounds);
        CountingOperator k = new CountingOperator(DenseMatrix.of(randomGame(6, 7, 1)));
        SelfPlay.regretMatchingPlus().solve(BilinearSaddleProblem.onSimplices(k), rule);
        // the gap costs one fused pass at the start and two at the one checkpoint
        assertArrayEquals(new int[] {rounds, rounds, 3}, k.counts());
        k = new CountingOperator(DenseMatrix.of(randomGame(6, 7, 1)));
        new SelfPlay(RegretMatchingPlus::new, false, Averaging.LINEAR).solve(BilinearSaddleProblem.onSimplices(k), rule);
        assertArrayEquals(new int[] {0, 0, rounds + 3}, k.counts());
    }

    @Test
    void roundsAllocateNothing() {
        java.lang.management.ThreadMXBean bean = java.lang.management.ManagementFactory.getThreadMXBean();
        org.junit.jupiter.api.Assumptions.assumeTrue(bean instanceof com.sun.management.ThreadMXBean);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
        org.junit.jupiter.api.Assumptions.assumeTrue(threads.isThreadAllocatedMemoryEnabled());
        BilinearSaddleProblem p = BilinearSaddleProblem.onSimplices(DenseMatrix.of(randomGame(30, 40, 4)));
        for (boolean alternating : new boolean[] {true, false}) {
            SelfPlay play = new SelfPlay(PredictiveRegretMatchingPlus::new, alternating, Averaging.QUADRATIC);
            long[] bytes = new long[2];
            for (int repeat = 0; repeat < 3; repeat++) {
                for (int i = 0; i < 2; i++) {
                    int rounds = 2000 * (i + 1);
                    StoppingRule rule = StoppingRule.DEFAULT.withTolerance(0).withMaxIterations(rounds)
                            .withCheckInterval(rounds);
                    long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
                    play.solve(p, rule);
                    bytes[i] = threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
                }
            }
            assertTrue(bytes[1] - bytes[0] < 2000, "2000 more rounds allocated " + (bytes[1] - bytes[0]) + " bytes");
        }
    }

    @Test
    void sameInputsGiveBitwiseTheSameResult() {
        BilinearSaddleProblem p = BilinearSaddleProblem.onSimplices(DenseMatrix.of(randomGame(50, 60, 5)));
        StoppingRule rule = StoppingRule.DEFAULT.withTolerance(1e-5).withMaxIterations(5000);
        SelfPlay play = SelfPlay.predictiveRegretMatchingPlus();
        SolverResult a = play.solve(p, rule);
        SolverResult b = play.solve(p, rule);
        assertEquals(a.iterations(), b.iterations());
        assertEquals(a.certificate(), b.certificate(), 0.0);
        assertArrayEquals(a.point(), b.point(), 0.0);
        assertArrayEquals(a.lastIterate(), b.lastIterate(), 0.0);
        assertArrayEquals(a.averageIterate(), b.averageIterate(), 0.0);
        assertEquals(a.history().stream().map(Checkpoint::certificate).toList(),
                b.history().stream().map(Checkpoint::certificate).toList());
    }

    @Test
    void anInterruptedThreadStopsAndKeepsItsFlag() {
        BilinearSaddleProblem p = BilinearSaddleProblem.onSimplices(DenseMatrix.of(randomGame(10, 10, 6)));
        SolverResult r;
        boolean flagged;
        Thread.currentThread().interrupt();
        try {
            r = SelfPlay.regretMatchingPlus().solve(p, StoppingRule.DEFAULT.withTolerance(0));
        } finally {
            flagged = Thread.interrupted();
        }
        assertTrue(flagged, "interrupt flag cleared");
        assertEquals(SolverStatus.INTERRUPTED, r.status());
        assertEquals(1, r.iterations());
        assertEquals(bruteForceGap(randomGame(10, 10, 6), r.point()), r.certificate(), 1e-15);
    }

    @Test
    void aTinyTimeLimitStopsWithTimeLimit() {
        BilinearSaddleProblem p = BilinearSaddleProblem.onSimplices(DenseMatrix.of(randomGame(10, 10, 6)));
        SolverResult r = SelfPlay.predictiveRegretMatchingPlus()
                .solve(p, StoppingRule.DEFAULT.withTolerance(0).withTimeLimit(1e-9));
        assertEquals(SolverStatus.TIME_LIMIT, r.status());
    }

    @Test
    void rejectsBadProblemsAndLearners() {
        DenseMatrix k = DenseMatrix.of(randomGame(2, 3, 1));
        SelfPlay play = SelfPlay.regretMatchingPlus();
        assertMessage(() -> play.solve(new BilinearSaddleProblem(k, Domain.box(2, 0, 1), Domain.simplex(3)),
                StoppingRule.DEFAULT), "simplex as the max player's domain");
        Domain twoSimplices = new Domain.Builder().simplex(1).simplex(2).build();
        assertMessage(() -> play.solve(new BilinearSaddleProblem(k, Domain.simplex(2), twoSimplices),
                StoppingRule.DEFAULT), "simplex as the min player's domain");
        assertMessage(() -> new SelfPlay(RegretMatching::new, n -> new RegretMatching(n + 1), true, Averaging.UNIFORM),
                "asked for 1 action(s), returned a learner over 2");
        SelfPlay wrong = new SelfPlay(n -> new RegretMatching(n == 1 ? 1 : n + 1), true, Averaging.UNIFORM);
        assertMessage(() -> wrong.solve(BilinearSaddleProblem.onSimplices(k), StoppingRule.DEFAULT),
                "asked for 2 action(s), returned a learner over 3");
        LinearOperator nan = new CountingOperator(k) {
            @Override
            public void multiply(double[] x, double[] out) {
                super.multiply(x, out);
                out[1] = Double.NaN;
            }
        };
        assertMessage(() -> play.solve(BilinearSaddleProblem.onSimplices(nan), StoppingRule.DEFAULT.withTolerance(0)),
                "utility[1] is not finite");
    }

    @Test
    void namesSayWhoPlaysHow() {
        assertEquals("regret matching+ self-play (alternating, linear averaging)", SelfPlay.regretMatchingPlus().name());
        assertEquals("predictive regret matching+ self-play (alternating, quadratic averaging)",
                SelfPlay.predictiveRegretMatchingPlus().name());
        SelfPlay mixed = new SelfPlay(RegretMatchingPlus::new, Hedge::adaptive, false, Averaging.UNIFORM);
        assertEquals("regret matching+ vs Hedge (anytime eta) self-play (simultaneous, uniform averaging)", mixed.name());
        SolverResult r = mixed.solve(BilinearSaddleProblem.onSimplices(DenseMatrix.of(NO_SADDLE_2X2)),
                StoppingRule.DEFAULT.withMaxIterations(10));
        assertEquals(mixed.name(), r.method());
    }

    // ---- independent references -------------------------------------------------------------

    private static void assertMessage(org.junit.jupiter.api.function.Executable call, String expected) {
        InvalidInputException e = assertThrows(InvalidInputException.class, call);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    static double[][] randomGame(int m, int n, long seed) {
        Random rng = new Random(seed);
        double[][] a = new double[m][n];
        for (double[] row : a) {
            for (int j = 0; j < n; j++) {
                row[j] = rng.nextDouble();
            }
        }
        return a;
    }

    /** max_i (K y)_i - min_j (K^T x)_j for the stacked u = (x, y), by plain loops. */
    static double bruteForceGap(double[][] k, double[] u) {
        int m = k.length;
        int n = k[0].length;
        double best = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < m; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) {
                s += k[i][j] * u[m + j];
            }
            best = Math.max(best, s);
        }
        double worst = Double.POSITIVE_INFINITY;
        for (int j = 0; j < n; j++) {
            double s = 0;
            for (int i = 0; i < m; i++) {
                s += k[i][j] * u[i];
            }
            worst = Math.min(worst, s);
        }
        return Math.max(0, best - worst);
    }

    /** x^T K y for the stacked u = (x, y). */
    static double value(double[][] k, double[] u) {
        int m = k.length;
        double s = 0;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < k[0].length; j++) {
                s += u[i] * k[i][j] * u[m + j];
            }
        }
        return s;
    }

    static double distance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(s);
    }

    /** max v s.t. sum_i x_i K_ij &gt;= v for all j, x in the simplex (K &gt;= 0, so v &gt;= 0), by commons-math. */
    static double lpValue(double[][] k) {
        int m = k.length;
        int n = k[0].length;
        double[] objective = new double[m + 1];
        objective[m] = 1;
        List<LinearConstraint> constraints = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            double[] row = new double[m + 1];
            for (int i = 0; i < m; i++) {
                row[i] = k[i][j];
            }
            row[m] = -1;
            constraints.add(new LinearConstraint(row, Relationship.GEQ, 0));
        }
        double[] sum = new double[m + 1];
        Arrays.fill(sum, 0, m, 1.0);
        constraints.add(new LinearConstraint(sum, Relationship.EQ, 1));
        PointValuePair solution = new SimplexSolver().optimize(new MaxIter(100_000),
                new LinearObjectiveFunction(objective, 0), new LinearConstraintSet(constraints),
                GoalType.MAXIMIZE, new NonNegativeConstraint(true));
        return solution.getValue();
    }

    private static RegretMinimizer record(List<Recorder> recorders, RegretMinimizer learner) {
        Recorder r = new Recorder(learner);
        recorders.add(r);
        return r;
    }

    /** Wraps a learner and keeps every strategy it played and utility it saw. */
    static final class Recorder implements RegretMinimizer {
        private final RegretMinimizer inner;
        final List<double[]> played = new ArrayList<>();
        final List<double[]> utilities = new ArrayList<>();

        Recorder(RegretMinimizer inner) {
            this.inner = inner;
        }

        @Override
        public int dimension() {
            return inner.dimension();
        }

        @Override
        public double[] strategy() {
            return inner.strategy();
        }

        @Override
        public void observe(double[] utility) {
            played.add(inner.strategy().clone());
            utilities.add(utility.clone());
            inner.observe(utility);
        }

        @Override
        public String name() {
            return inner.name();
        }

        double regret() {
            double[] cumulative = new double[dimension()];
            double earned = 0;
            for (int t = 0; t < played.size(); t++) {
                for (int i = 0; i < cumulative.length; i++) {
                    cumulative[i] += utilities.get(t)[i];
                    earned += utilities.get(t)[i] * played.get(t)[i];
                }
            }
            return Arrays.stream(cumulative).max().orElseThrow() - earned;
        }

        double[] average() {
            double[] avg = new double[dimension()];
            for (double[] x : played) {
                for (int i = 0; i < avg.length; i++) {
                    avg[i] += x[i] / played.size();
                }
            }
            return avg;
        }
    }
}
