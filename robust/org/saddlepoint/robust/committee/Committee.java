package org.saddlepoint.robust.committee;

import org.saddlepoint.solvers.iteration.SolverStatus;

/**
 * A selected committee with its certificate: the score of the members (recomputed from them),
 * the solver's proven upper bound on the best score, and the status ({@code OPTIMAL} when the two
 * are equal, {@code TIME_LIMIT} when a limit stopped the search first).
 */
public record Committee(CommitteeRule rule, int[] members, long score, long upperBound, SolverStatus status,
                        double seconds) {
    /** upperBound - score: zero for a proven optimum. */
    public long gap() {
        return upperBound - score;
    }
}
