package org.saddlepoint.solvers.iteration;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleSupplier;

/**
 * The one place where every iterative method decides whether to stop. A method calls
 * {@link #start} with its initial certificate, then {@link #advance} after each iteration; a
 * non-null return is the final status. The certificate supplier is invoked only at
 * checkpoints: every {@link StoppingRule#checkInterval()} iterations, at the iteration cap, and
 * when the time limit or an interrupt ends the run, so the final certificate is always fresh.
 */
public final class IterationMonitor {
    private final StoppingRule rule;
    private final IterationListener listener;
    private final long startNanos;
    private final long deadlineNanos;
    private final List<Checkpoint> history = new ArrayList<>();
    private double lastCertificate = Double.NaN;
    private double bestCertificate = Double.POSITIVE_INFINITY;
    private int checkpointsSinceBest;

    public IterationMonitor(StoppingRule rule, IterationListener listener) {
        this.rule = rule;
        this.listener = listener == null ? IterationListener.NONE : listener;
        this.startNanos = System.nanoTime();
        double limit = rule.timeLimitSeconds();
        this.deadlineNanos = Double.isInfinite(limit) ? Long.MAX_VALUE
                : startNanos + (long) Math.min(limit * 1e9, (double) (Long.MAX_VALUE / 2));
    }

    /** Records the certificate at the starting point; returns CONVERGED if it is already met. */
    public SolverStatus start(double certificate) {
        return record(0, certificate, null);
    }

    /**
     * Called after iteration {@code iteration} (1-based count of completed iterations).
     *
     * @return the final status, or {@code null} to go on
     */
    public SolverStatus advance(int iteration, DoubleSupplier certificate) {
        SolverStatus forced = null;
        if (Thread.currentThread().isInterrupted()) {
            forced = SolverStatus.INTERRUPTED;
        } else if (System.nanoTime() - deadlineNanos > 0) {
            forced = SolverStatus.TIME_LIMIT;
        } else if (iteration >= rule.maxIterations()) {
            forced = SolverStatus.MAX_ITERATIONS;
        }
        if (forced == null && iteration % rule.checkInterval() != 0) {
            return null;
        }
        return record(iteration, certificate.getAsDouble(), forced);
    }

    private SolverStatus record(int iteration, double certificate, SolverStatus forced) {
        lastCertificate = certificate;
        Checkpoint c = new Checkpoint(iteration, elapsedSeconds(), certificate);
        history.add(c);
        listener.checkpoint(c);
        if (!Double.isFinite(certificate)) {
            return SolverStatus.DIVERGED;
        }
        if (certificate <= rule.tolerance()) {
            return SolverStatus.CONVERGED;
        }
        return forced != null ? forced : stalled(certificate);
    }

    /** STALLED when the stall rule is on and {@code certificate} is one too many without a new minimum. */
    private SolverStatus stalled(double certificate) {
        if (certificate < bestCertificate) {
            bestCertificate = certificate;
            checkpointsSinceBest = 0;
            return null;
        }
        checkpointsSinceBest++;
        int patience = rule.stallCheckpoints();
        return patience > 0 && checkpointsSinceBest >= patience ? SolverStatus.STALLED : null;
    }

    public double elapsedSeconds() {
        return (System.nanoTime() - startNanos) * 1e-9;
    }

    /** The most recent certificate value. */
    public double lastCertificate() {
        return lastCertificate;
    }

    /** An immutable copy of all checkpoints so far. */
    public List<Checkpoint> history() {
        return List.copyOf(history);
    }
}
