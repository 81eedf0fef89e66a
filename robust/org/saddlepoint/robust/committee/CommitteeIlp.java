package org.saddlepoint.robust.committee;

import java.util.ArrayList;
import java.util.List;

import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.LinearExpr;

import org.saddlepoint.solvers.InvalidInputException;
import org.saddlepoint.solvers.OrTools;
import org.saddlepoint.solvers.SaddlepointException;
import org.saddlepoint.solvers.iteration.SolverStatus;

/**
 * Exact committee selection under group bounds as an integer program solved by OR-Tools CP-SAT
 * (Boehmer, Celis, Huang, Mehrotra and Vishnoi, "Subset Selection Based On Multiple Rankings in the
 * Presence of Bias", ICML 2023; the OWA committee-scoring ILP). Variables x_c (item c selected);
 * for a separable rule the objective is sum_c w_c x_c with w_c = sum_v s(pos_v(c)); for
 * Chamberlin-Courant y_vc (c represents voter v) with sum_c y_vc &lt;= 1 and y_vc &lt;= x_c, maximising
 * sum_v sum_c s(pos_v(c)) y_vc. Constraints: sum_c x_c = k and L_j &lt;= sum_{c in G_j} x_c &lt;= U_j.
 * CP-SAT runs on one worker, so the answer is reproducible.
 */
public final class CommitteeIlp {
    private CommitteeIlp() {
    }

    /**
     * @param bounds           group bounds, or null for none
     * @param timeLimitSeconds &gt; 0, or {@code Double.POSITIVE_INFINITY}
     * @throws InfeasibleBoundsException when no committee of size k meets the bounds
     */
    public static Committee solve(Rankings rankings, CommitteeRule rule, int k, GroupBounds bounds,
                                  double timeLimitSeconds) {
        if (rankings == null || rule == null) {
            throw new InvalidInputException("rankings and rule must not be null");
        }
        if (k < 1 || k > rankings.items()) {
            throw new InvalidInputException("k must be in 1.." + rankings.items() + ", got " + k);
        }
        if (!(timeLimitSeconds > 0)) {
            throw new InvalidInputException("time limit must be > 0 seconds, got " + timeLimitSeconds);
        }
        if (bounds != null) {
            bounds.requireFeasible(rankings.items(), k);
        }
        OrTools.requireNatives();
        long start = System.nanoTime();
        CpModel model = new CpModel();
        BoolVar[] x = new BoolVar[rankings.items()];
        for (int c = 0; c < x.length; c++) {
            x[c] = model.newBoolVar("x" + c);
        }
        model.addEquality(LinearExpr.sum(x), k);
        addGroupBounds(model, x, bounds);
        model.maximize(rule.separable() ? separableObjective(rankings, rule, k, x)
                : representationObjective(model, rankings, rule, k, x));
        CpSolver solver = new CpSolver();
        solver.getParameters().setNumWorkers(1);
        if (Double.isFinite(timeLimitSeconds)) {
            solver.getParameters().setMaxTimeInSeconds(timeLimitSeconds);
        }
        CpSolverStatus status = solver.solve(model);
        if (status == CpSolverStatus.INFEASIBLE) {
            throw new InfeasibleBoundsException("CP-SAT proved that no committee of size " + k + " meets them");
        }
        if (status != CpSolverStatus.OPTIMAL && status != CpSolverStatus.FEASIBLE) {
            throw new SaddlepointException("CP-SAT stopped with status " + status + " and no committee");
        }
        List<Integer> chosen = new ArrayList<>();
        for (int c = 0; c < x.length; c++) {
            if (solver.booleanValue(x[c])) {
                chosen.add(c);
            }
        }
        int[] members = chosen.stream().mapToInt(Integer::intValue).toArray();
        long score = rule.score(rankings, members);
        long bound = (long) Math.floor(solver.bestObjectiveBound() + 1e-6);
        return new Committee(rule, members, score, Math.max(bound, score),
                status == CpSolverStatus.OPTIMAL ? SolverStatus.OPTIMAL : SolverStatus.TIME_LIMIT,
                (System.nanoTime() - start) * 1e-9);
    }

    private static void addGroupBounds(CpModel model, BoolVar[] x, GroupBounds bounds) {
        if (bounds == null) {
            return;
        }
        for (int j = 0; j < bounds.count(); j++) {
            int[] members = bounds.members(j);
            BoolVar[] in = new BoolVar[members.length];
            for (int i = 0; i < members.length; i++) {
                in[i] = x[members[i]];
            }
            model.addLinearConstraint(LinearExpr.sum(in), bounds.lower(j), bounds.upper(j));
        }
    }

    private static LinearExpr separableObjective(Rankings r, CommitteeRule rule, int k, BoolVar[] x) {
        long[] w = new long[x.length];
        for (int v = 0; v < r.voters(); v++) {
            for (int c = 0; c < x.length; c++) {
                w[c] += rule.positionalScore(r.position(v, c), r.items(), k);
            }
        }
        return LinearExpr.weightedSum(x, w);
    }

    private static LinearExpr representationObjective(CpModel model, Rankings r, CommitteeRule rule, int k,
                                                      BoolVar[] x) {
        List<BoolVar> ys = new ArrayList<>();
        List<Long> ws = new ArrayList<>();
        for (int v = 0; v < r.voters(); v++) {
            List<BoolVar> voter = new ArrayList<>();
            for (int c = 0; c < x.length; c++) {
                long s = rule.positionalScore(r.position(v, c), r.items(), k);
                if (s > 0) {
                    BoolVar y = model.newBoolVar("y" + v + "_" + c);
                    model.addImplication(y, x[c]);
                    voter.add(y);
                    ys.add(y);
                    ws.add(s);
                }
            }
            model.addLessOrEqual(LinearExpr.sum(voter.toArray(new BoolVar[0])), 1);
        }
        return LinearExpr.weightedSum(ys.toArray(new BoolVar[0]), ws.stream().mapToLong(Long::longValue).toArray());
    }
}
