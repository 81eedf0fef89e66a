package org.saddlepoint.robust.twostage;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;

import org.saddlepoint.solvers.InvalidInputException;
import org.saddlepoint.solvers.mip.MipBackend;
import org.saddlepoint.solvers.mip.MipSolve;

/**
 * The exact adversarial problem of {@link CapitalBudgeting} as a disjunctive MILP (spec section 2, the
 * structure of the K-adaptability separation problem of Subramanyam et al.). With x fixed,
 * Q(x, xi) = min over the late investments y &lt;= 1 - x of -r(xi)^T (x + k y) among those with
 * c(xi)^T (x + y) &lt;= B; Q is neither concave nor convex in xi. For every candidate y the MILP
 * has a binary delta_y, and
 * <pre>
 *   max z  over xi in [-1, 1]^m
 *   delta_y = 0  =&gt;  z &lt;= -r(xi)^T (x + k y)            (y is feasible, so it bounds Q)
 *   delta_y = 1  =&gt;  c(xi)^T (x + y) &gt;= B + eps          (y is infeasible at xi)
 * </pre>
 * as big-M rows with M from the ranges of c and r over the box. A y that is infeasible even at the
 * cheapest costs needs no row; one feasible even at the dearest costs gets its value row without a
 * binary. There are 2^(n - |x|) candidates: exact, and practical for small n only.
 */
public final class CapitalBudgetingDisjunctiveAdversary {
    /** Relative margin eps / max(1, B) by which an infeasible recourse exceeds the budget. */
    static final double INFEASIBILITY_MARGIN = 1e-6;
    /** The most candidate recourse decisions (free projects) the MILP enumerates. */
    static final int MAX_FREE_PROJECTS = 20;

    private CapitalBudgetingDisjunctiveAdversary() {
    }

    /**
     * @param x a robustly feasible first stage
     * @return the worst case; its value is Q(x, xi) recomputed at the returned xi
     * @throws InvalidInputException when x is not robustly feasible or leaves more than
     *                               {@value #MAX_FREE_PROJECTS} projects free
     */
    public static WorstCase solve(CapitalBudgeting p, boolean[] x, MipBackend backend, double seconds) {
        if (!p.feasible(x)) {
            throw new InvalidInputException(p.name() + ": the first stage is not robustly feasible");
        }
        int[] free = freeProjects(x);
        if (free.length > MAX_FREE_PROJECTS) {
            throw new InvalidInputException(p.name() + ": the disjunctive adversary enumerates 2^" + free.length
                    + " recourse decisions; at most " + MAX_FREE_PROJECTS + " free projects are supported");
        }
        MPSolver mip = backend.newSolver();
        try {
            int m = p.uncertaintyDimension();
            MPVariable[] xi = new MPVariable[m];
            for (int j = 0; j < m; j++) {
                xi[j] = mip.makeNumVar(-1, 1, "xi" + j);
            }
            MPVariable z = mip.makeNumVar(p.recourseLowerBound(), 0, "z");
            mip.objective().setCoefficient(z, 1);
            mip.objective().setMaximization();
            for (long subset = 0; subset < 1L << free.length; subset++) {
                addCandidate(mip, p, x, late(x, free, subset), xi, z, subset);
            }
            boolean optimal = MipSolve.optimal(mip, seconds, "disjunctive adversary");
            double[] point = new double[m];
            for (int j = 0; j < m; j++) {
                point[j] = Math.max(-1, Math.min(1, xi[j].solutionValue()));
            }
            return new WorstCase(p.recourse(x, point), point, optimal);
        } finally {
            mip.delete();
        }
    }

    private static int[] freeProjects(boolean[] x) {
        int count = 0;
        for (boolean b : x) {
            count += b ? 0 : 1;
        }
        int[] free = new int[count];
        for (int i = 0, k = 0; i < x.length; i++) {
            if (!x[i]) {
                free[k++] = i;
            }
        }
        return free;
    }

    private static boolean[] late(boolean[] x, int[] free, long subset) {
        boolean[] y = new boolean[x.length];
        for (int b = 0; b < free.length; b++) {
            y[free[b]] = (subset >> b & 1) == 1;
        }
        return y;
    }

    /** The rows of one candidate recourse y (see the class comment). */
    private static void addCandidate(MPSolver mip, CapitalBudgeting p, boolean[] x, boolean[] y, MPVariable[] xi,
                                     MPVariable z, long tag) {
        int m = xi.length;
        double nominalLoad = 0;
        double loadSpread = 0;
        double nominalValue = 0;
        double valueSpread = 0;
        double[] loadSlope = new double[m];
        double[] valueSlope = new double[m];
        for (int i = 0; i < p.size(); i++) {
            double share = x[i] ? 1 : y[i] ? p.lateFraction() : 0;
            double used = x[i] || y[i] ? 1 : 0;
            nominalLoad += used * p.nominalCost(i);
            nominalValue -= share * p.nominalRevenue(i);
            for (int j = 0; j < m; j++) {
                loadSlope[j] += used * p.costSlope(i, j);
                valueSlope[j] -= share * p.revenueSlope(i, j);
            }
        }
        for (int j = 0; j < m; j++) {
            loadSpread += Math.abs(loadSlope[j]);
            valueSpread += Math.abs(valueSlope[j]);
        }
        double eps = INFEASIBILITY_MARGIN * Math.max(1, p.budget());
        if (nominalLoad - loadSpread > p.budget()) {
            return;
        }
        // z - valueSlope . xi <= nominalValue  (+ M delta when y can be infeasible)
        MPConstraint value = mip.makeConstraint(Double.NEGATIVE_INFINITY, nominalValue, "value" + tag);
        value.setCoefficient(z, 1);
        for (int j = 0; j < m; j++) {
            value.setCoefficient(xi[j], -valueSlope[j]);
        }
        if (nominalLoad + loadSpread <= p.budget()) {
            return;
        }
        MPVariable delta = mip.makeBoolVar("delta" + tag);
        value.setCoefficient(delta, -(valueSpread - nominalValue));
        // loadSlope . xi >= B + eps - nominalLoad - M (1 - delta)
        double bigM = p.budget() + eps - (nominalLoad - loadSpread);
        MPConstraint over = mip.makeConstraint(p.budget() + eps - nominalLoad - bigM, Double.POSITIVE_INFINITY,
                "infeasible" + tag);
        for (int j = 0; j < m; j++) {
            over.setCoefficient(xi[j], loadSlope[j]);
        }
        over.setCoefficient(delta, -bigM);
    }
}
