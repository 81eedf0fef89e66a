package org.saddlepoint.robust.twostage;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;

import org.saddlepoint.solvers.mip.MipBackend;
import org.saddlepoint.solvers.mip.MipSolve;

/**
 * The exact adversarial problem of the {@link RobustKnapsack} by cut generation (spec section 2; the
 * exact evaluation of Neur2RO's repository, {@code evaluate_first_stage_solution}). For a fixed x,
 * Q(x, xi) = min over the finitely many feasible recourse (y, r) of an affine function of xi, so
 * <pre>
 *   max_{xi in U} Q(x, xi) = max { z : z &lt;= sum_i (phat_i xi_i - f_i) y_i - phat_i xi_i r_i  for all (y, r),  xi in U },
 * </pre>
 * an LP with one row per recourse. It is solved with rows added on demand: solve the LP over the
 * rows so far (GLOP) for (xi, z), solve the recourse at xi exactly ({@link MultipleChoiceKnapsack})
 * for its value v and minimiser; if v &lt; z - tol add that row, else xi is a worst case (z is an
 * upper bound and v = Q(x, xi) a lower bound of the maximum). The maximum may lie inside U, so no
 * vertex enumeration.
 */
public final class KnapsackCuttingPlaneAdversary {
    /** Relative optimality tolerance of the cut loop, against max(1, |z|). */
    static final double TOLERANCE = 1e-7;
    /** Coordinates of xi within this of 0 or 1 are snapped there. */
    private static final double SNAP = 1e-9;
    private static final int MAX_ROUNDS = 10_000;

    private KnapsackCuttingPlaneAdversary() {
    }

    /**
     * @param seconds wall-clock budget; when it runs out the best scenario so far is returned with
     *                {@code exact = false}
     */
    public static WorstCase solve(RobustKnapsack problem, boolean[] x, double seconds) {
        long deadline = System.nanoTime() + (long) Math.min(seconds * 1e9, Long.MAX_VALUE / 4.0);
        int n = problem.size();
        MPSolver lp = MipBackend.newLpSolver();
        try {
            MPVariable[] xi = new MPVariable[n];
            MPConstraint budget = lp.makeConstraint(Double.NEGATIVE_INFINITY, problem.budget(), "budget");
            for (int i = 0; i < n; i++) {
                xi[i] = lp.makeNumVar(0, x[i] ? 1 : 0, "xi" + i);
                budget.setCoefficient(xi[i], 1);
            }
            MPVariable z = lp.makeNumVar(Double.NEGATIVE_INFINITY, 0, "z");
            lp.objective().setCoefficient(z, 1);
            lp.objective().setMaximization();
            Set<List<Integer>> cuts = new HashSet<>();
            double[] best = new double[n];
            double bestValue = Double.NEGATIVE_INFINITY;
            for (int round = 0; round < MAX_ROUNDS; round++) {
                boolean inTime = System.nanoTime() < deadline;
                if (!inTime || !MipSolve.optimal(lp, (deadline - System.nanoTime()) * 1e-9, "cut-generation LP")) {
                    return new WorstCase(bestValue, best, false);
                }
                double[] point = snapped(xi);
                MultipleChoiceKnapsack.Solution recourse = problem.secondStage(x, point);
                if (recourse.cost() > bestValue) {
                    bestValue = recourse.cost();
                    best = point;
                }
                double upper = z.solutionValue();
                List<Integer> choice = toList(recourse.choice());
                if (recourse.cost() >= upper - TOLERANCE * Math.max(1, Math.abs(upper)) || !cuts.add(choice)) {
                    return new WorstCase(recourse.cost(), point, true);
                }
                addCut(lp, problem, xi, z, recourse.choice());
            }
            return new WorstCase(bestValue, best, false);
        } finally {
            lp.delete();
        }
    }

    /** z &lt;= sum_i (phat_i xi_i - f_i) [kept] - phat_i xi_i [repaired], for the recourse {@code choice}. */
    private static void addCut(MPSolver lp, RobustKnapsack p, MPVariable[] xi, MPVariable z, int[] choice) {
        double constant = 0;
        MPConstraint cut = lp.makeConstraint();
        cut.setCoefficient(z, 1);
        for (int i = 0; i < choice.length; i++) {
            if (choice[i] >= 0) {
                constant -= p.outsourcingCost(i);
            }
            if (choice[i] == 0) {
                cut.setCoefficient(xi[i], -p.degradation(i));
            }
        }
        cut.setBounds(Double.NEGATIVE_INFINITY, constant);
    }

    private static double[] snapped(MPVariable[] xi) {
        double[] point = new double[xi.length];
        for (int i = 0; i < xi.length; i++) {
            double v = xi[i].solutionValue();
            point[i] = v < SNAP ? 0 : v > 1 - SNAP ? 1 : v;
        }
        return point;
    }

    private static List<Integer> toList(int[] choice) {
        return java.util.Arrays.stream(choice).boxed().toList();
    }
}
