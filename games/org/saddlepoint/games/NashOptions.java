package org.saddlepoint.games;

import java.util.Objects;

import org.saddlepoint.solvers.Checks;
import org.saddlepoint.solvers.InvalidInputException;
import org.saddlepoint.solvers.iteration.IterationListener;
import org.saddlepoint.solvers.iteration.StoppingRule;
import org.saddlepoint.solvers.kernels.KernelBackend;

/**
 * How {@link NashSolver} runs. The tolerance is relative: a solve converges when
 * dualityGap / (max A - min A) &lt;= relativeTolerance. Immutable; {@code with...} returns copies.
 */
public final class NashOptions {
    /**
     * Relative gap 1e-6, 1,000,000 iterations, no time limit, seed 0, GLOP for the LP, no listener,
     * the plain-Java kernel backend.
     */
    public static final NashOptions DEFAULT = new NashOptions(1e-6, 1_000_000, Double.POSITIVE_INFINITY, 0L,
            LpBackend.GLOP, IterationListener.NONE, KernelBackend.JAVA);

    private final double relativeTolerance;
    private final int maxIterations;
    private final double timeLimitSeconds;
    private final long seed;
    private final LpBackend lpBackend;
    private final IterationListener listener;
    private final KernelBackend backend;

    private NashOptions(double relativeTolerance, int maxIterations, double timeLimitSeconds, long seed,
                        LpBackend lpBackend, IterationListener listener, KernelBackend backend) {
        this.relativeTolerance = Checks.nonNegative("relative tolerance", relativeTolerance);
        this.maxIterations = Checks.positive("max iterations", maxIterations);
        if (!(timeLimitSeconds > 0)) {
            throw new InvalidInputException("time limit must be > 0 seconds, got " + timeLimitSeconds);
        }
        this.timeLimitSeconds = timeLimitSeconds;
        this.seed = seed;
        this.lpBackend = lpBackend;
        this.listener = listener;
        this.backend = backend;
    }

    public NashOptions withRelativeTolerance(double value) {
        return new NashOptions(value, maxIterations, timeLimitSeconds, seed, lpBackend, listener, backend);
    }

    public NashOptions withMaxIterations(int value) {
        return new NashOptions(relativeTolerance, value, timeLimitSeconds, seed, lpBackend, listener, backend);
    }

    /** @param value seconds; {@code Double.POSITIVE_INFINITY} for none */
    public NashOptions withTimeLimit(double value) {
        return new NashOptions(relativeTolerance, maxIterations, value, seed, lpBackend, listener, backend);
    }

    /** Seeds every random choice a method makes, so that a run is reproducible. */
    public NashOptions withSeed(long value) {
        return new NashOptions(relativeTolerance, maxIterations, timeLimitSeconds, value, lpBackend, listener, backend);
    }

    public NashOptions withLpBackend(LpBackend value) {
        return new NashOptions(relativeTolerance, maxIterations, timeLimitSeconds, seed, value, listener, backend);
    }

    /** Receives the duality gap (absolute, in payoff units) at every checkpoint. */
    public NashOptions withListener(IterationListener value) {
        return new NashOptions(relativeTolerance, maxIterations, timeLimitSeconds, seed, lpBackend,
                value == null ? IterationListener.NONE : value, backend);
    }

    /**
     * The backend of the hot loops ({@link KernelBackend#JAVA} by default). Used by
     * {@link NashMethod#RM_PLUS}, which runs on the kernels with the matrix resident there when the
     * backend is not JAVA ({@code AUTO} and {@code OPENCL} fall back to plain Java, with a log line,
     * when OpenCL cannot start); every other method runs in plain Java whatever this says.
     */
    public NashOptions withBackend(KernelBackend value) {
        return new NashOptions(relativeTolerance, maxIterations, timeLimitSeconds, seed, lpBackend, listener,
                Objects.requireNonNull(value, "backend"));
    }

    public KernelBackend backend() {
        return backend;
    }

    public double relativeTolerance() {
        return relativeTolerance;
    }

    public int maxIterations() {
        return maxIterations;
    }

    public double timeLimitSeconds() {
        return timeLimitSeconds;
    }

    public long seed() {
        return seed;
    }

    public LpBackend lpBackend() {
        return lpBackend;
    }

    public IterationListener listener() {
        return listener;
    }

    /** The stopping rule in absolute gap units for {@code game}. */
    StoppingRule stoppingRule(MatrixGame game, int checkInterval) {
        return StoppingRule.DEFAULT.withTolerance(relativeTolerance * game.payoffRange())
                .withMaxIterations(maxIterations).withTimeLimit(timeLimitSeconds).withCheckInterval(checkInterval);
    }
}
