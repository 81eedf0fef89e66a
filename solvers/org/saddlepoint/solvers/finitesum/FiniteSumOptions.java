package org.saddlepoint.solvers.finitesum;

import org.saddlepoint.solvers.Checks;
import org.saddlepoint.solvers.iteration.IterationListener;
import org.saddlepoint.solvers.iteration.StoppingRule;

/**
 * How a finite-sum run is budgeted and checked. The budget is in epochs (oracle calls / n), the
 * unit of the paper's plots; the certificate is evaluated (for free) every {@code checkEpochs}
 * epochs and when the budget is spent. A run stops when the certificate is at most
 * {@code tolerance} (status CONVERGED), the budget is spent (MAX_ITERATIONS: the epoch budget is
 * this family's iteration cap), the time limit passes, or the thread is interrupted. Immutable.
 */
public final class FiniteSumOptions {
    /** Tolerance 0 (run the budget), 1000 epochs, a check every 0.5 epoch, seed 0, uniform sampling. */
    public static final FiniteSumOptions DEFAULT = new FiniteSumOptions(0.0, 1000, 0.5,
            Double.POSITIVE_INFINITY, 0L, false, IterationListener.NONE);

    private final double tolerance;
    private final double maxEpochs;
    private final double checkEpochs;
    private final double timeLimitSeconds;
    private final long seed;
    private final boolean importanceSampling;
    private final IterationListener listener;

    private FiniteSumOptions(double tolerance, double maxEpochs, double checkEpochs, double timeLimitSeconds,
                             long seed, boolean importanceSampling, IterationListener listener) {
        this.tolerance = Checks.nonNegative("tolerance", tolerance);
        this.maxEpochs = Checks.positive("maxEpochs", maxEpochs);
        this.checkEpochs = Checks.positive("checkEpochs", checkEpochs);
        this.timeLimitSeconds = timeLimitSeconds;
        this.seed = seed;
        this.importanceSampling = importanceSampling;
        this.listener = listener == null ? IterationListener.NONE : listener;
        stoppingRule(); // validates the time limit the way StoppingRule does
    }

    public FiniteSumOptions withTolerance(double value) {
        return new FiniteSumOptions(value, maxEpochs, checkEpochs, timeLimitSeconds, seed, importanceSampling, listener);
    }

    public FiniteSumOptions withMaxEpochs(double value) {
        return new FiniteSumOptions(tolerance, value, checkEpochs, timeLimitSeconds, seed, importanceSampling, listener);
    }

    public FiniteSumOptions withCheckEpochs(double value) {
        return new FiniteSumOptions(tolerance, maxEpochs, value, timeLimitSeconds, seed, importanceSampling, listener);
    }

    /** @param value seconds, {@code Double.POSITIVE_INFINITY} for none */
    public FiniteSumOptions withTimeLimit(double value) {
        return new FiniteSumOptions(tolerance, maxEpochs, checkEpochs, value, seed, importanceSampling, listener);
    }

    public FiniteSumOptions withSeed(long value) {
        return new FiniteSumOptions(tolerance, maxEpochs, checkEpochs, timeLimitSeconds, value, importanceSampling, listener);
    }

    /** Importance sampling q_i proportional to L_i instead of uniform sampling. */
    public FiniteSumOptions withImportanceSampling(boolean value) {
        return new FiniteSumOptions(tolerance, maxEpochs, checkEpochs, timeLimitSeconds, seed, value, listener);
    }

    public FiniteSumOptions withListener(IterationListener value) {
        return new FiniteSumOptions(tolerance, maxEpochs, checkEpochs, timeLimitSeconds, seed, importanceSampling, value);
    }

    public double tolerance() {
        return tolerance;
    }

    public double maxEpochs() {
        return maxEpochs;
    }

    public double checkEpochs() {
        return checkEpochs;
    }

    public long seed() {
        return seed;
    }

    public boolean importanceSampling() {
        return importanceSampling;
    }

    public IterationListener listener() {
        return listener;
    }

    /** The sampling distribution for {@code problem}. */
    public Sampling sampling(FiniteSumProblem problem) {
        if (!importanceSampling) {
            return Sampling.uniform(problem.components());
        }
        double[] l = new double[problem.components()];
        for (int i = 0; i < l.length; i++) {
            l[i] = problem.operator().componentLipschitz(i);
        }
        return Sampling.importance(l);
    }

    /**
     * The rule of the run's {@link org.saddlepoint.solvers.iteration.IterationMonitor}: the
     * tolerance and time limit; the driver calls it only at checkpoints (check interval 1) and
     * enforces the epoch budget itself.
     */
    StoppingRule stoppingRule() {
        return StoppingRule.DEFAULT.withTolerance(tolerance).withMaxIterations(Integer.MAX_VALUE)
                .withTimeLimit(timeLimitSeconds).withCheckInterval(1);
    }
}
