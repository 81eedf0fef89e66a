package org.saddlepoint.games;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.saddlepoint.solvers.iteration.Checkpoint;
import org.saddlepoint.solvers.iteration.IterationListener;
import org.saddlepoint.solvers.iteration.SolverResult;
import org.saddlepoint.solvers.iteration.SolverStatus;
import org.saddlepoint.solvers.iteration.StoppingRule;
import org.saddlepoint.solvers.kernels.KernelBackend;
import org.saddlepoint.solvers.kernels.Kernels;
import org.saddlepoint.solvers.kernels.OpenClDevices;
import org.saddlepoint.solvers.kernels.Precision;
import org.saddlepoint.solvers.regret.DeviceRegretMatchingPlus;
import org.saddlepoint.solvers.regret.SelfPlay;

/**
 * CFR+ on the kernels ({@link DeviceRegretMatchingPlus}) against independent references: the
 * plain-Java {@link SelfPlay#regretMatchingPlus()} run (same algorithm, same iterates) and the
 * game's value from the LP.
 */
class DeviceRegretMatchingPlusTest {

    private static MatrixGame randomGame(long seed, int rows, int cols) {
        Random random = new Random(seed);
        double[][] a = new double[rows][cols];
        for (double[] row : a) {
            for (int j = 0; j < cols; j++) {
                row[j] = random.nextDouble() * 2 - 1;
            }
        }
        return MatrixGame.of(a);
    }

    private static StoppingRule rule(MatrixGame game, double relativeTolerance, int maxIterations) {
        return StoppingRule.DEFAULT.withTolerance(relativeTolerance * game.payoffRange())
                .withMaxIterations(maxIterations).withCheckInterval(10);
    }

    private static void assumeOpenCl() {
        OpenClDevices.Listing listing = OpenClDevices.list();
        Assumptions.assumeFalse(listing.devices().isEmpty(), "no OpenCL device: " + listing.reason());
    }

    @Test
    void javaBackendInDoubleIsSelfPlaysRegretMatchingPlus() {
        MatrixGame game = randomGame(3, 17, 11);
        StoppingRule rule = rule(game, 1e-7, 5_000);
        SolverResult reference = SelfPlay.regretMatchingPlus().solve(game.asSaddleProblem(), rule);
        SolverResult device = new DeviceRegretMatchingPlus(KernelBackend.JAVA, Precision.DOUBLE)
                .solve(game.payoff(), rule, IterationListener.NONE);
        assertEquals(reference.status(), device.status());
        assertTrue(Math.abs(reference.iterations() - device.iterations()) <= 10,
                reference.iterations() + " vs " + device.iterations());
        // the same iterates, round by round: compare a fixed number of rounds
        StoppingRule fixed = StoppingRule.DEFAULT.withTolerance(0).withMaxIterations(500).withCheckInterval(10);
        SolverResult r500 = SelfPlay.regretMatchingPlus().solve(game.asSaddleProblem(), fixed);
        SolverResult d500 = new DeviceRegretMatchingPlus(KernelBackend.JAVA).solve(game.payoff(), fixed);
        assertEquals(500, d500.iterations());
        assertClose(r500.lastIterate(), d500.lastIterate(), 1e-9, "last profile");
        assertClose(r500.averageIterate(), d500.averageIterate(), 1e-9, "average profile");
        assertClose(r500.point(), d500.point(), 1e-9, "certified point");
        assertEquals(r500.certificate(), d500.certificate(), 1e-9);
        assertEquals(r500.history().size(), d500.history().size());
    }

    @Test
    void openClInDoubleReachesRelativeGapOneInAMillionAndBracketsTheLpValue() {
        assumeOpenCl();
        MatrixGame game = randomGame(60_40, 60, 40);
        try (Kernels kernels = Kernels.open(KernelBackend.OPENCL)) {
            assertEquals(KernelBackend.OPENCL, kernels.backend(), kernels.description());
            SolverResult result = new DeviceRegretMatchingPlus(KernelBackend.OPENCL, Precision.DOUBLE)
                    .solve(kernels, game.payoff(), rule(game, 1e-6, 200_000), IterationListener.NONE);
            assertEquals(SolverStatus.CONVERGED, result.status(), result.toString());
            assertTrue(result.certificate() <= 1e-6 * game.payoffRange(), result.toString());
            double[] x = game.asSaddleProblem().maxPart(result.point());
            double[] y = game.asSaddleProblem().minPart(result.point());
            assertEquals(game.dualityGap(x, y), result.certificate(), 1e-12);
            double value = NashSolver.solve(game, NashMethod.LP, NashOptions.DEFAULT).value();
            double slack = 1e-12;
            assertTrue(game.guaranteedByRow(x) - slack <= value && value <= game.concededByColumn(y) + slack,
                    "LP value " + value + " outside [" + game.guaranteedByRow(x) + ", " + game.concededByColumn(y)
                            + "]");
        }
    }

    @Test
    void openClInFloatIsCertifiedInDouble() {
        assumeOpenCl();
        MatrixGame game = randomGame(60_40, 60, 40);
        try (Kernels kernels = Kernels.open(KernelBackend.OPENCL)) {
            assertEquals(KernelBackend.OPENCL, kernels.backend(), kernels.description());
            SolverResult result = new DeviceRegretMatchingPlus(KernelBackend.OPENCL, Precision.FLOAT)
                    .solve(kernels, game.payoff(), rule(game, 1e-4, 100_000), IterationListener.NONE);
            assertEquals(SolverStatus.CONVERGED, result.status(), result.toString());
            double[] x = game.asSaddleProblem().maxPart(result.point());
            double[] y = game.asSaddleProblem().minPart(result.point());
            assertEquals(1.0, Arrays.stream(x).sum(), 1e-14);
            assertEquals(1.0, Arrays.stream(y).sum(), 1e-14);
            double gap = game.dualityGap(x, y);
            assertEquals(gap, result.certificate(), 1e-15 * game.payoffRange());
            assertTrue(gap <= 1e-4 * game.payoffRange(), result.toString());
            double value = NashSolver.solve(game, NashMethod.LP, NashOptions.DEFAULT).value();
            assertTrue(game.guaranteedByRow(x) - 1e-12 <= value && value <= game.concededByColumn(y) + 1e-12);
        }
    }

    @Test
    void nashSolverUsesTheBackendForRegretMatchingPlus() {
        MatrixGame game = randomGame(5, 12, 9);
        NashOptions options = NashOptions.DEFAULT.withRelativeTolerance(1e-4);
        assertEquals(KernelBackend.JAVA, options.backend());
        MatrixGameSolution plain = NashSolver.solve(game, NashMethod.RM_PLUS, options);
        MatrixGameSolution kernels = NashSolver.solve(game, NashMethod.RM_PLUS,
                options.withBackend(KernelBackend.OPENCL));
        assertTrue(kernels.method().contains("linear averaging; "), kernels.method());
        assertTrue(Math.abs(plain.iterations() - kernels.iterations()) <= 10,
                plain.iterations() + " vs " + kernels.iterations());
        assertEquals(SolverStatus.CONVERGED, kernels.status());
        assertTrue(kernels.dualityGap() <= 1e-4 * game.payoffRange());
        assertEquals(SolverStatus.CONVERGED, plain.status());
        double value = NashSolver.solve(game, NashMethod.LP, NashOptions.DEFAULT).value();
        assertTrue(kernels.lowerBound() - 1e-12 <= value && value <= kernels.upperBound() + 1e-12, kernels.toString());
    }

    @Test
    void floatIterationsReachTheRequestedGapOnTheDoubleMatrix() {
        MatrixGame game = randomGame(300, 300, 21);
        NashOptions options = NashOptions.DEFAULT.withRelativeTolerance(1e-6).withPrecision(Precision.FLOAT);
        for (KernelBackend backend : List.of(KernelBackend.JAVA, KernelBackend.OPENCL)) {
            MatrixGameSolution solution = NashSolver.solve(game, NashMethod.RM_PLUS, options.withBackend(backend));
            assertEquals(SolverStatus.CONVERGED, solution.status(), solution.toString());
            assertTrue(solution.method().endsWith(", float)"), solution.method());
            double gap = game.dualityGap(solution.rowStrategy(), solution.colStrategy());
            assertTrue(gap <= 1e-6 * game.payoffRange(), backend + ": " + gap);
        }
    }

    @Test
    void floatIterationsThatStopImprovingSayTheyStalled() {
        MatrixGame game = randomGame(100, 100, 5);
        NashOptions options = NashOptions.DEFAULT.withRelativeTolerance(1e-12).withMaxIterations(1_000_000);
        MatrixGameSolution stalled = NashSolver.solve(game, NashMethod.RM_PLUS, options.withPrecision(Precision.FLOAT));
        assertEquals(SolverStatus.STALLED, stalled.status(), stalled.toString());
        assertTrue(stalled.iterations() < 1_000_000, stalled.toString());
        double best = stalled.history().stream().mapToDouble(Checkpoint::certificate).min().orElseThrow();
        int at = stalled.history().stream().filter(c -> c.certificate() == best).findFirst().orElseThrow().iteration();
        assertTrue(stalled.iterations() - at >= 10 * NashSolver.FLOAT_STALL_CHECKPOINTS, stalled.toString());
        // Without the stall rule (double on the plain-Java path) the same budget runs to the cap.
        MatrixGameSolution exact = NashSolver.solve(game, NashMethod.RM_PLUS,
                options.withMaxIterations(stalled.iterations() + 1));
        assertEquals(SolverStatus.MAX_ITERATIONS, exact.status(), exact.toString());
    }

    private static void assertClose(double[] expected, double[] actual, double tol, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], tol, what + " entry " + i);
        }
    }
}
