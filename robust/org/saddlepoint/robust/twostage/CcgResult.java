package org.saddlepoint.robust.twostage;

import java.util.List;

import org.saddlepoint.solvers.iteration.Checkpoint;
import org.saddlepoint.solvers.iteration.SolverStatus;

/**
 * What {@link ColumnAndConstraintGeneration} returns: the best first stage found, certified by the
 * bounds LB &lt;= optimum &lt;= UB (minimisation). UB is c^T x + max_xi Q(x, xi) of the returned x,
 * computed by the exact adversary; LB is the last master problem's optimum.
 *
 * @param status      CONVERGED (gap within tolerance), MAX_ITERATIONS, TIME_LIMIT or INTERRUPTED
 * @param firstStage  the first stage attaining the upper bound; null when none was evaluated in time
 * @param lowerBound  LB, -infinity when no master problem was solved
 * @param upperBound  UB, the certified worst-case objective of {@code firstStage}
 * @param iterations  master problems solved
 * @param scenarios   the scenarios of the last master problem, in order of addition
 * @param seconds     wall-clock seconds
 * @param history     the relative gap after every iteration
 */
public record CcgResult(SolverStatus status, boolean[] firstStage, double lowerBound, double upperBound,
                        int iterations, List<double[]> scenarios, double seconds, List<Checkpoint> history) {
    public CcgResult {
        firstStage = firstStage == null ? null : firstStage.clone();
        scenarios = scenarios.stream().map(double[]::clone).toList();
        history = List.copyOf(history);
    }

    @Override
    public boolean[] firstStage() {
        return firstStage == null ? null : firstStage.clone();
    }

    /** UB - LB, &gt;= 0 up to the solvers' tolerances. */
    public double gap() {
        return upperBound - lowerBound;
    }

    /** (UB - LB) / max(1, |UB|), the certificate the run stops on. */
    public double relativeGap() {
        return relativeGap(lowerBound, upperBound);
    }

    static double relativeGap(double lower, double upper) {
        return (upper - lower) / Math.max(1, Math.abs(upper));
    }
}
