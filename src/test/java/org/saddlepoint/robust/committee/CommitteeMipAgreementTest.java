package org.saddlepoint.robust.committee;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;

import org.junit.jupiter.api.Test;
import org.saddlepoint.solvers.mip.MipBackend;

/**
 * Spec 5.3: on instances too large for brute force (30 items, k = 8), the CP-SAT committee agrees
 * with the textbook OWA mixed-integer program (x binary, y_vcl continuous in [0, 1], one slot per
 * OWA weight) solved by SCIP through OR-Tools' linear-solver wrapper.
 */
class CommitteeMipAgreementTest {
    private static long scipOptimum(Rankings r, CommitteeRule rule, int k, GroupBounds bounds) {
        MPSolver solver = MipBackend.SCIP.newSolver();
        try {
            int m = r.items();
            int slots = rule.separable() ? k : 1;
            MPVariable[] x = new MPVariable[m];
            MPConstraint size = solver.makeConstraint(k, k);
            for (int c = 0; c < m; c++) {
                x[c] = solver.makeBoolVar("x" + c);
                size.setCoefficient(x[c], 1);
            }
            for (int j = 0; j < bounds.count(); j++) {
                MPConstraint g = solver.makeConstraint(bounds.lower(j), bounds.upper(j));
                for (int c : bounds.members(j)) {
                    g.setCoefficient(x[c], 1);
                }
            }
            MPObjective objective = solver.objective();
            for (int v = 0; v < r.voters(); v++) {
                MPConstraint[] slot = new MPConstraint[slots];
                for (int l = 0; l < slots; l++) {
                    slot[l] = solver.makeConstraint(0, 1);
                }
                for (int c = 0; c < m; c++) {
                    MPConstraint link = solver.makeConstraint(-MPSolver.infinity(), 0);
                    link.setCoefficient(x[c], -1);
                    for (int l = 0; l < slots; l++) {
                        MPVariable y = solver.makeNumVar(0, 1, "y");
                        link.setCoefficient(y, 1);
                        slot[l].setCoefficient(y, 1);
                        objective.setCoefficient(y, rule.positionalScore(r.position(v, c), m, k));
                    }
                }
            }
            objective.setMaximization();
            assertEquals(MPSolver.ResultStatus.OPTIMAL, solver.solve());
            return Math.round(objective.value());
        } finally {
            solver.delete();
        }
    }

    @Test
    void cpSatAgreesWithScipOnLargerInstances() {
        Random random = new Random(5);
        int m = 30;
        int[] reference = new int[m];
        int[] groupOf = new int[m];
        for (int c = 0; c < m; c++) {
            reference[c] = c;
            groupOf[c] = c % 3;
        }
        int[][] orders = new int[15][];
        for (int v = 0; v < orders.length; v++) {
            orders[v] = MallowsModel.sample(reference, 0.7, random);
        }
        Rankings rankings = new Rankings(orders);
        GroupBounds bounds = GroupBounds.proportional(groupOf, 8);
        for (CommitteeRule rule : CommitteeRule.values()) {
            Committee c = CommitteeIlp.solve(rankings, rule, 8, bounds, 60);
            assertEquals(scipOptimum(rankings, rule, 8, bounds), c.score(), rule.toString());
            assertEquals(0, c.gap());
        }
    }
}
