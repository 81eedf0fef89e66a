package org.saddlepoint.robust.maxmin;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;

import org.saddlepoint.solvers.OrTools;
import org.saddlepoint.solvers.SaddlepointException;

/**
 * The beta -&gt; 0 limit of MaxMin-RLHF as a linear program solved by OR-Tools GLOP (spec 2.7):
 * maximise t over policies pi(.|x) in the simplex subject to sum_x rho_x pi(.|x).r_u(x, .) &gt;= t for
 * every group u. With KL(pi || pi_ref) &lt;= max_x log(1 / min_y pi_ref(y|x)) =: D, the regularised
 * value V_beta lies in [V_LP - beta D, V_LP].
 */
public final class MaxMinLp {
    private MaxMinLp() {
    }

    /** The LP value and an optimal policy. */
    public record Result(double value, double[][] policy) {
    }

    public static Result solve(MaxMinProblem problem) {
        MPSolver solver = OrTools.glop();
        try {
            double inf = MPSolver.infinity();
            MPVariable t = solver.makeNumVar(-inf, inf, "t");
            MPVariable[][] pi = new MPVariable[problem.prompts()][];
            for (int x = 0; x < problem.prompts(); x++) {
                pi[x] = new MPVariable[problem.responses(x)];
                MPConstraint simplex = solver.makeConstraint(1, 1, "simplex" + x);
                for (int y = 0; y < pi[x].length; y++) {
                    pi[x][y] = solver.makeNumVar(0, 1, "pi" + x + "_" + y);
                    simplex.setCoefficient(pi[x][y], 1);
                }
            }
            for (int u = 0; u < problem.groups(); u++) {
                MPConstraint c = solver.makeConstraint(0, inf, "group" + u);
                c.setCoefficient(t, -1);
                for (int x = 0; x < problem.prompts(); x++) {
                    for (int y = 0; y < pi[x].length; y++) {
                        c.setCoefficient(pi[x][y], problem.promptWeight(x) * problem.reward(u, x, y));
                    }
                }
            }
            MPObjective objective = solver.objective();
            objective.setCoefficient(t, 1);
            objective.setMaximization();
            MPSolver.ResultStatus status = solver.solve();
            if (status != MPSolver.ResultStatus.OPTIMAL) {
                throw new SaddlepointException("GLOP did not solve the MaxMin LP: " + status);
            }
            double[][] policy = new double[pi.length][];
            for (int x = 0; x < pi.length; x++) {
                policy[x] = new double[pi[x].length];
                for (int y = 0; y < pi[x].length; y++) {
                    policy[x][y] = pi[x][y].solutionValue();
                }
            }
            return new Result(objective.value(), policy);
        } finally {
            solver.delete();
        }
    }

    /** D = max_x log(1 / min_y pi_ref(y|x)), the largest KL from pi_ref of any policy. */
    public static double largestKl(MaxMinProblem problem) {
        double d = 0;
        for (int x = 0; x < problem.prompts(); x++) {
            for (int y = 0; y < problem.responses(x); y++) {
                d = Math.max(d, -Math.log(problem.referenceProbability(x, y)));
            }
        }
        return d;
    }
}
