package org.saddlepoint.robust.mdp;

import java.util.List;

import org.saddlepoint.solvers.iteration.Checkpoint;
import org.saddlepoint.solvers.iteration.SolverStatus;

/**
 * What {@link OnlineTraining} returns: why it stopped ({@link SolverStatus#MAX_ITERATIONS} once every requested
 * episode ran, or TIME_LIMIT, INTERRUPTED), the episodes run, the seconds, the returns in the nominal environment
 * and, when a {@link RegretMeter} was given, the cumulative regret after each episode (its certificate).
 * Immutable; arrays are copied.
 */
public final class TrainingResult {
    private final String learner;
    private final SolverStatus status;
    private final double seconds;
    private final double[] returns;
    private final double[] cumulativeRegret;
    private final List<Checkpoint> history;

    TrainingResult(String learner, SolverStatus status, double seconds, double[] returns, double[] cumulativeRegret,
                   List<Checkpoint> history) {
        this.learner = learner;
        this.status = status;
        this.seconds = seconds;
        this.returns = returns.clone();
        this.cumulativeRegret = cumulativeRegret.clone();
        this.history = List.copyOf(history);
    }

    public String learner() {
        return learner;
    }

    public SolverStatus status() {
        return status;
    }

    public int episodes() {
        return returns.length;
    }

    public double seconds() {
        return seconds;
    }

    /** The total reward of each episode in the nominal environment. */
    public double[] returns() {
        return returns.clone();
    }

    /** Regret(k) for k = 1 .. episodes (NaN without a regret meter). */
    public double[] cumulativeRegret() {
        return cumulativeRegret.clone();
    }

    /** Regret(K), the cumulative regret of all episodes run (NaN without a regret meter). */
    public double regret() {
        return cumulativeRegret.length == 0 ? 0 : cumulativeRegret[cumulativeRegret.length - 1];
    }

    /** One checkpoint per episode: (k, seconds, Regret(k)). */
    public List<Checkpoint> history() {
        return history;
    }

    /**
     * The least-squares slope of log Regret(k) against log k over k in [from, to] (spec 6.4: sublinear regret
     * has slope below 1).
     */
    public double logLogSlope(int from, int to) {
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        int n = 0;
        for (int k = from; k <= Math.min(to, cumulativeRegret.length); k++) {
            double x = Math.log(k);
            double y = Math.log(cumulativeRegret[k - 1]);
            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
            n++;
        }
        return (n * sxy - sx * sy) / (n * sxx - sx * sx);
    }
}
