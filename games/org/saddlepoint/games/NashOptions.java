package org.saddlepoint.games;

import java.util.Objects;
import java.util.function.Consumer;

import org.saddlepoint.solvers.Checks;
import org.saddlepoint.solvers.iteration.IterationListener;
import org.saddlepoint.solvers.iteration.StoppingRule;
import org.saddlepoint.solvers.kernels.KernelBackend;
import org.saddlepoint.solvers.kernels.Precision;

/**
 * How {@link NashSolver} runs. The tolerance is relative: a solve converges when
 * dualityGap / (max A - min A) &lt;= relativeTolerance. Immutable; {@code with...} returns copies
 * and checks the value it is given.
 */
public final class NashOptions {
    /**
     * Relative gap 1e-6, 1,000,000 iterations, no time limit, seed 0, GLOP for the LP, no listener,
     * the plain-Java kernel backend in double precision.
     */
    public static final NashOptions DEFAULT = new NashOptions();

    private double relativeTolerance = 1e-6;
    private int maxIterations = 1_000_000;
    private double timeLimitSeconds = Double.POSITIVE_INFINITY;
    private long seed;
    private LpBackend lpBackend = LpBackend.GLOP;
    private IterationListener listener = IterationListener.NONE;
    private KernelBackend backend = KernelBackend.JAVA;
    private Precision precision = Precision.DOUBLE;

    private NashOptions() {
    }

    /** A copy of this with {@code change} applied: the only way a field is ever set. */
    private NashOptions with(Consumer<NashOptions> change) {
        NashOptions copy = new NashOptions();
        copy.relativeTolerance = relativeTolerance;
        copy.maxIterations = maxIterations;
        copy.timeLimitSeconds = timeLimitSeconds;
        copy.seed = seed;
        copy.lpBackend = lpBackend;
        copy.listener = listener;
        copy.backend = backend;
        copy.precision = precision;
        change.accept(copy);
        return copy;
    }

    /** @param value relative duality gap at which a solve stops, &gt;= 0 */
    public NashOptions withRelativeTolerance(double value) {
        Checks.nonNegative("relative tolerance", value);
        return with(o -> o.relativeTolerance = value);
    }

    /** @param value iteration cap, &gt; 0 */
    public NashOptions withMaxIterations(int value) {
        Checks.positive("max iterations", value);
        return with(o -> o.maxIterations = value);
    }

    /** @param value seconds, &gt; 0; {@code Double.POSITIVE_INFINITY} for none */
    public NashOptions withTimeLimit(double value) {
        StoppingRule.DEFAULT.withTimeLimit(value); // the stopping rule's own check, message and all
        return with(o -> o.timeLimitSeconds = value);
    }

    /** Seeds every random choice a method makes, so that a run is reproducible. */
    public NashOptions withSeed(long value) {
        return with(o -> o.seed = value);
    }

    public NashOptions withLpBackend(LpBackend value) {
        Objects.requireNonNull(value, "LP backend");
        return with(o -> o.lpBackend = value);
    }

    /** Receives the duality gap (absolute, in payoff units) at every checkpoint. */
    public NashOptions withListener(IterationListener value) {
        return with(o -> o.listener = value == null ? IterationListener.NONE : value);
    }

    /**
     * The backend of the hot loops ({@link KernelBackend#JAVA} by default). Used by
     * {@link NashMethod#RM_PLUS}, which runs on the kernels with the matrix resident there when the
     * backend is not JAVA or the precision is FLOAT ({@code AUTO} picks OpenCL only for games of at
     * least {@link org.saddlepoint.solvers.kernels.Kernels#AUTO_MIN_ENTRIES} entries; {@code AUTO} and
     * {@code OPENCL} fall back to plain Java, with a log line, when OpenCL cannot start); every other
     * method runs in plain Java whatever this says.
     */
    public NashOptions withBackend(KernelBackend value) {
        Objects.requireNonNull(value, "backend");
        return with(o -> o.backend = value);
    }

    /**
     * The precision of the iterations of {@link NashMethod#RM_PLUS} on the kernels (DOUBLE by
     * default). FLOAT halves the bytes of A streamed per iteration; the duality gap that decides
     * convergence and is reported is always computed in double against the original double matrix.
     */
    public NashOptions withPrecision(Precision value) {
        Objects.requireNonNull(value, "precision");
        return with(o -> o.precision = value);
    }

    public KernelBackend backend() {
        return backend;
    }

    public Precision precision() {
        return precision;
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
