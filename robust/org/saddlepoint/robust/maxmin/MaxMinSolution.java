package org.saddlepoint.robust.maxmin;

import java.util.List;

import org.saddlepoint.solvers.iteration.Checkpoint;
import org.saddlepoint.solvers.iteration.SolverStatus;

/**
 * A MaxMin policy with its certificate. {@code value} = min_u F_u(policy) is what the policy
 * guarantees every group; {@code dualValue} = G(weights) is an upper bound on the MaxMin value
 * (weak duality), so the MaxMin value lies in [value, dualValue] and {@code gap()} bounds how far
 * the policy is from optimal.
 */
public record MaxMinSolution(String method, SolverStatus status, double[] weights, double[][] policy,
                             double[] groupValues, double value, double dualValue, int iterations,
                             double seconds, List<Checkpoint> history) {
    /** dualValue - value &gt;= 0 (up to rounding). */
    public double gap() {
        return dualValue - value;
    }

    static MaxMinSolution of(MaxMinProblem problem, String method, SolverStatus status, double[] weights,
                             double[][] policy, int iterations, double seconds, List<Checkpoint> history) {
        double[] values = new double[problem.groups()];
        double min = Double.POSITIVE_INFINITY;
        for (int u = 0; u < values.length; u++) {
            values[u] = problem.objective(u, policy);
            min = Math.min(min, values[u]);
        }
        return new MaxMinSolution(method, status, weights.clone(), policy, values, min, problem.dual(weights),
                iterations, seconds, history);
    }
}
