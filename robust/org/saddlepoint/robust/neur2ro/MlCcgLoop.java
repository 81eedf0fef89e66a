package org.saddlepoint.robust.neur2ro;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.saddlepoint.solvers.Checks;
import org.saddlepoint.solvers.iteration.Checkpoint;
import org.saddlepoint.solvers.iteration.IterationListener;
import org.saddlepoint.solvers.iteration.SolverStatus;

/**
 * The ML-CCG loop of Neur2RO (Dumouchelle, Julien, Kurtz and Khalil, ICLR 2024; repository
 * {@code ro/scripts/05_run_ml_ccg.py run_ml_ccg}, spec section 3.8) for a problem given by its {@link Steps}:
 * solve the main problem over the stored scenarios, solve the adversarial problem at its x*, and add the
 * adversary's scenario unless its prediction is within {@link #TOLERANCE} (relative) of A = max_j pred_j(x*)
 * or it lies within L1 distance {@link #DUPLICATE_L1} of a stored scenario. Stops after
 * {@link #MAX_ITERATIONS} main problems, at the time limit or on an interrupt of the calling thread (each MIP
 * gets {@link #MIP_SHARE} of the limit, then its incumbent); returns
 * the last x*, exactly evaluated (spec section 3.9).
 */
final class MlCcgLoop {
    /** The repository's cap on main problems ({@code max_n_models}). */
    static final int MAX_ITERATIONS = 20;
    static final double TOLERANCE = 1e-4;
    static final double DUPLICATE_L1 = 1e-3;
    /**
     * The share of the time limit one main or adversarial MIP may use; at its end the incumbent is taken (without
     * one, the MIP is solved again with the rest of the time). The repository stops a MIP after 180 s without a
     * new incumbent; this is its scale-down to short limits (INFERRED; OR-Tools has no "no improvement" stop).
     */
    static final double MIP_SHARE = 1.0 / 6;

    /** The problem-specific parts of the loop. */
    interface Steps {
        /** n, the number of first-stage binaries. */
        int size();

        /** The main problem's x* over {@code scenarios}; null when the time ran out. */
        boolean[] mainProblem(List<double[]> scenarios, double seconds);

        /** The adversarial problem's scenario for x*; null when the time ran out. */
        double[] adversary(boolean[] x, double seconds);

        /** The network's prediction at (x, xi), in any units increasing in the predicted objective. */
        double predict(boolean[] x, double[] xi);

        /** c^T x + max_xi Q(x, xi), exactly. */
        double exactObjective(boolean[] x);
    }

    private MlCcgLoop() {
    }

    /**
     * Runs the loop from the scenario {@code initial} with at most {@code seconds} of wall clock, telling
     * {@code listener} after each iteration (main and adversarial problem) how many scenarios are stored (the
     * checkpoint's certificate: ML-CCG has no certificate before the exact evaluation at the end).
     */
    static Neur2RoResult run(Steps steps, double[] initial, double seconds, IterationListener listener) {
        Checks.positive("time limit", seconds);
        Objects.requireNonNull(listener, "listener");
        long start = System.nanoTime();
        List<double[]> scenarios = new ArrayList<>();
        scenarios.add(initial);
        boolean[] x = null;
        SolverStatus status = null;
        int iteration = 0;
        while (status == null) {
            boolean[] next = steps.mainProblem(scenarios, perMip(start, seconds));
            if (next == null && left(start, seconds) > 0) {
                next = steps.mainProblem(scenarios, left(start, seconds)); // no incumbent in its share
            }
            if (next == null) {
                status = SolverStatus.TIME_LIMIT;
                break;
            }
            x = next;
            iteration++;
            double[] worst = steps.adversary(x, perMip(start, seconds));
            if (worst == null && left(start, seconds) > 0) {
                worst = steps.adversary(x, left(start, seconds));
            }
            status = Thread.currentThread().isInterrupted() ? SolverStatus.INTERRUPTED
                    : worst == null || left(start, seconds) <= 0 ? SolverStatus.TIME_LIMIT
                    : iteration >= MAX_ITERATIONS ? SolverStatus.MAX_ITERATIONS
                    : !improves(steps, x, worst, scenarios) ? SolverStatus.CONVERGED : null;
            if (status == null) {
                scenarios.add(worst);
            }
            listener.checkpoint(new Checkpoint(iteration, (System.nanoTime() - start) * 1e-9, scenarios.size()));
        }
        double elapsed = (System.nanoTime() - start) * 1e-9;
        if (x == null) {
            x = new boolean[steps.size()];
        }
        return new Neur2RoResult(status, x, steps.exactObjective(x), iteration, scenarios, elapsed);
    }

    /** The time of the next MIP: its share of the limit, at most what is left. */
    private static double perMip(long start, double seconds) {
        return Math.min(MIP_SHARE * seconds, left(start, seconds));
    }

    private static double left(long start, double seconds) {
        return seconds - (System.nanoTime() - start) * 1e-9;
    }

    /** Whether the adversary's scenario is new and its prediction exceeds A = max_j pred_j(x). */
    private static boolean improves(Steps steps, boolean[] x, double[] worst, List<double[]> scenarios) {
        double stored = Double.NEGATIVE_INFINITY;
        for (double[] s : scenarios) {
            stored = Math.max(stored, steps.predict(x, s));
            double l1 = 0;
            for (int i = 0; i < s.length; i++) {
                l1 += Math.abs(s[i] - worst[i]);
            }
            if (l1 < DUPLICATE_L1) {
                return false;
            }
        }
        double found = steps.predict(x, worst);
        return Math.abs(found - stored) > TOLERANCE * Math.abs(found);
    }
}
