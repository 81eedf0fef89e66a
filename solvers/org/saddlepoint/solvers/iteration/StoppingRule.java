package org.saddlepoint.solvers.iteration;

import org.saddlepoint.solvers.Checks;

/**
 * When an iterative method stops: its certificate at or below {@code tolerance} (in the
 * certificate's own units), {@code maxIterations} iterations, {@code timeLimitSeconds} of wall
 * clock, or an interrupt of the calling thread, whichever comes first; optionally also when the
 * certificate has not reached a new minimum for {@code stallCheckpoints} checkpoints. The
 * certificate is evaluated every {@code checkInterval} iterations (and always at the last one),
 * since it may cost as much as an iteration. Immutable; the {@code with...} methods return
 * modified copies.
 */
public final class StoppingRule {
    /**
     * Certificate tolerance 1e-6, 100,000 iterations, no time limit, a check every 10 iterations, no
     * stall rule.
     */
    public static final StoppingRule DEFAULT = new StoppingRule(1e-6, 100_000, Double.POSITIVE_INFINITY, 10, 0);

    private final double tolerance;
    private final int maxIterations;
    private final double timeLimitSeconds;
    private final int checkInterval;
    private final int stallCheckpoints;

    private StoppingRule(double tolerance, int maxIterations, double timeLimitSeconds, int checkInterval,
                         int stallCheckpoints) {
        this.tolerance = Checks.nonNegative("tolerance", tolerance);
        this.maxIterations = Checks.positive("maxIterations", maxIterations);
        if (!(timeLimitSeconds > 0)) {
            throw new org.saddlepoint.solvers.InvalidInputException(
                    "timeLimitSeconds must be > 0 (or +Infinity for none), got " + timeLimitSeconds);
        }
        this.timeLimitSeconds = timeLimitSeconds;
        this.checkInterval = Checks.positive("checkInterval", checkInterval);
        this.stallCheckpoints = Checks.nonNegative("stallCheckpoints", stallCheckpoints);
    }

    public StoppingRule withTolerance(double value) {
        return new StoppingRule(value, maxIterations, timeLimitSeconds, checkInterval, stallCheckpoints);
    }

    public StoppingRule withMaxIterations(int value) {
        return new StoppingRule(tolerance, value, timeLimitSeconds, checkInterval, stallCheckpoints);
    }

    /** @param value seconds of wall clock, {@code Double.POSITIVE_INFINITY} for no limit */
    public StoppingRule withTimeLimit(double value) {
        return new StoppingRule(tolerance, maxIterations, value, checkInterval, stallCheckpoints);
    }

    public StoppingRule withCheckInterval(int value) {
        return new StoppingRule(tolerance, maxIterations, timeLimitSeconds, value, stallCheckpoints);
    }

    /**
     * Stop with {@link SolverStatus#STALLED} when the certificate has not gone below its smallest value
     * so far for {@code value} checkpoints in a row (for a method whose rounding floor may lie above
     * the tolerance); 0, the default, never does.
     */
    public StoppingRule withStallCheckpoints(int value) {
        return new StoppingRule(tolerance, maxIterations, timeLimitSeconds, checkInterval, value);
    }

    public int stallCheckpoints() {
        return stallCheckpoints;
    }

    public double tolerance() {
        return tolerance;
    }

    public int maxIterations() {
        return maxIterations;
    }

    public double timeLimitSeconds() {
        return timeLimitSeconds;
    }

    public int checkInterval() {
        return checkInterval;
    }

    @Override
    public String toString() {
        return "StoppingRule[tolerance=" + tolerance + ", maxIterations=" + maxIterations
                + ", timeLimitSeconds=" + timeLimitSeconds + ", checkInterval=" + checkInterval
                + ", stallCheckpoints=" + stallCheckpoints + "]";
    }
}
