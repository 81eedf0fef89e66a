package org.saddlepoint.robust.neur2ro;

import java.util.List;

import org.saddlepoint.solvers.iteration.SolverStatus;

/**
 * What {@link Neur2RoKnapsack} and {@link Neur2RoCapitalBudgeting} return: the last main problem's first stage,
 * certified by its exact worst-case objective (spec section 3.9), an upper bound on the optimum (minimisation).
 *
 * @param status     CONVERGED (the adversary found no new scenario), MAX_ITERATIONS, TIME_LIMIT or INTERRUPTED
 * @param firstStage the first stage
 * @param objective  c^T x + max_xi Q(x, xi), exactly evaluated (the knapsack's profit is its negation)
 * @param iterations main problems solved
 * @param scenarios  the scenarios of the last main problem, in order of addition
 * @param seconds    wall-clock seconds of the ML-CCG loop (exact evaluation excluded)
 */
public record Neur2RoResult(SolverStatus status, boolean[] firstStage, double objective, int iterations,
                            List<double[]> scenarios, double seconds) {
    public Neur2RoResult {
        firstStage = firstStage.clone();
        scenarios = scenarios.stream().map(double[]::clone).toList();
    }

    @Override
    public boolean[] firstStage() {
        return firstStage.clone();
    }
}
