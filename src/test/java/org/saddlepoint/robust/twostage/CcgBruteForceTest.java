package org.saddlepoint.robust.twostage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.saddlepoint.robust.twostage.RobustKnapsackGenerator.Correlation;
import org.saddlepoint.solvers.iteration.SolverStatus;
import org.saddlepoint.solvers.mip.MipBackend;

/**
 * Spec 6.1 R1 and R2: exact CCG against brute force on tiny instances. The knapsack reference
 * enumerates every x and, for each, solves the full worst-case LP with one row per feasible recourse
 * (y, r) (no cut generation, no dynamic program); the capital-budgeting reference enumerates every
 * robustly feasible x with the disjunctive adversary, which is itself checked against dense sampling.
 */
public class CcgBruteForceTest {
    @ParameterizedTest
    @CsvSource({"1, 6, UN", "2, 6, SC", "3, 7, WC", "4, 7, ASC", "5, 8, UN"})
    void knapsackEqualsBruteForce(long seed, int n, Correlation correlation) {
        RobustKnapsack p = RobustKnapsackGenerator.generate(seed, n, correlation, 40, 0.2 + 0.05 * seed % 2, 0.5);
        double best = Double.POSITIVE_INFINITY;
        for (int mask = 0; mask < 1 << n; mask++) {
            boolean[] x = bits(mask, n);
            double worst = fullWorstCaseLp(p, x);
            if (n <= 7) {
                WorstCase cut = KnapsackCuttingPlaneAdversary.solve(p, x, 60);
                assertEquals(worst, cut.value(), 1e-6 * Math.max(1, Math.abs(worst)), "cut generation vs full LP");
            }
            best = Math.min(best, p.firstStageCost(x) + worst);
        }
        CcgResult r = ColumnAndConstraintGeneration.solve(p, CcgOptions.DEFAULT);
        assertEquals(SolverStatus.CONVERGED, r.status());
        assertEquals(best, r.upperBound(), 1e-6 * Math.abs(best));
        assertTrue(r.lowerBound() <= r.upperBound() + 1e-6 * Math.abs(best));
    }

    @ParameterizedTest
    @CsvSource({"1, 5", "2, 5", "3, 6", "4, 6"})
    void capitalBudgetingEqualsBruteForce(long seed, int n) {
        CapitalBudgeting p = CapitalBudgetingGenerator.generate(seed, n);
        double best = Double.POSITIVE_INFINITY;
        for (int mask = 0; mask < 1 << n; mask++) {
            boolean[] x = bits(mask, n);
            if (p.feasible(x)) {
                best = Math.min(best, p.worstCase(x, p.defaultBackend(), 60).value());
            }
        }
        CcgResult r = ColumnAndConstraintGeneration.solve(p, CcgOptions.DEFAULT);
        assertEquals(SolverStatus.CONVERGED, r.status());
        assertEquals(best, r.upperBound(), 1e-6 * Math.abs(best));
    }

    /**
     * R2's check of the disjunctive MILP: 5,000 uniform scenarios and the 11^4 points of the grid of step 0.2
     * on the box (its 16 vertices among them) never exceed its value, and its value is attained: Q at its
     * scenario, recomputed by the dynamic program, equals it. The spec's second check, "sampled within ~1%
     * of the MILP", does not hold and is left out: sampling fell 1.6% to 3% short on these instances,
     * because the worst case sits where a better recourse has just turned infeasible, a sliver of the
     * box cut off by a budget hyperplane, which neither uniform nor grid points hit.
     */
    @ParameterizedTest
    @CsvSource({"7, 6", "8, 6"})
    void disjunctiveAdversaryDominatesDenseSampling(long seed, int n) {
        CapitalBudgeting p = CapitalBudgetingGenerator.generate(seed, n);
        SplittableRandom rng = new SplittableRandom(seed);
        for (int mask = 0; mask < 1 << n; mask += 3) {
            boolean[] x = bits(mask, n);
            if (!p.feasible(x)) {
                continue;
            }
            WorstCase worst = p.worstCase(x, p.defaultBackend(), 60);
            double exact = worst.value();
            assertTrue(worst.exact());
            assertEquals(exact, p.recourse(x, worst.scenario()), 1e-12);
            double sampled = Double.NEGATIVE_INFINITY;
            int grid = 11 * 11 * 11 * 11;
            for (int s = 0; s < grid + 5_000; s++) {
                double[] xi = new double[4];
                for (int j = 0, code = s; j < 4; j++, code /= 11) {
                    xi[j] = s < grid ? -1 + 0.2 * (code % 11) : rng.nextDouble(-1, 1);
                }
                sampled = Math.max(sampled, p.recourse(x, xi));
            }
            assertTrue(sampled <= exact + 1e-9 * Math.abs(exact), "sampled " + sampled + " > exact " + exact);
        }
    }

    static boolean[] bits(int mask, int n) {
        boolean[] x = new boolean[n];
        for (int i = 0; i < n; i++) {
            x[i] = (mask >> i & 1) == 1;
        }
        return x;
    }

    /** max z s.t. z &lt;= g(y, r, xi) for every feasible (y, r) &lt;= x, xi in U: the whole LP at once (GLOP). */
    public static double fullWorstCaseLp(RobustKnapsack p, boolean[] x) {
        int n = p.size();
        MPSolver lp = MipBackend.newLpSolver();
        MPVariable[] xi = new MPVariable[n];
        MPConstraint budget = lp.makeConstraint(Double.NEGATIVE_INFINITY, p.budget());
        for (int i = 0; i < n; i++) {
            xi[i] = lp.makeNumVar(0, 1, "xi" + i);
            budget.setCoefficient(xi[i], 1);
        }
        MPVariable z = lp.makeNumVar(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, "z");
        lp.objective().setCoefficient(z, 1);
        lp.objective().setMaximization();
        int[] state = new int[n];
        int combos = (int) Math.pow(3, n);
        for (int code = 0; code < combos; code++) {
            int rest = code;
            double weight = 0;
            double constant = 0;
            boolean allowed = true;
            for (int i = 0; i < n; i++) {
                state[i] = rest % 3;
                rest /= 3;
                allowed &= state[i] == 0 || x[i];
                weight += state[i] >= 1 ? p.weight(i) : 0;
                weight += state[i] == 2 ? p.repairWeight(i) : 0;
                constant -= state[i] >= 1 ? p.outsourcingCost(i) : 0;
            }
            if (!allowed || weight > p.capacity()) {
                continue;
            }
            MPConstraint row = lp.makeConstraint(Double.NEGATIVE_INFINITY, constant);
            row.setCoefficient(z, 1);
            for (int i = 0; i < n; i++) {
                row.setCoefficient(xi[i], state[i] == 1 ? -p.degradation(i) : 0);
            }
        }
        assertEquals(MPSolver.ResultStatus.OPTIMAL, lp.solve());
        double value = lp.objective().value();
        lp.delete();
        return value;
    }
}
