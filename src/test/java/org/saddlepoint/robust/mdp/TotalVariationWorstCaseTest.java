package org.saddlepoint.robust.mdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.saddlepoint.robust.mdp.TotalVariationWorstCase.Solver;
import org.saddlepoint.solvers.InvalidInputException;

/** The TV inner worst case (spec 7.2): sorting = dual = LP on random instances, closed forms on two points. */
class TotalVariationWorstCaseTest {
    private static double[] randomDistribution(Random random, int n, boolean zeroAtMinimum, double[] v) {
        double[] m = new double[n];
        double sum = 0;
        for (int s = 0; s < n; s++) {
            m[s] = random.nextDouble() < 0.3 ? 0 : random.nextDouble();
            sum += m[s];
        }
        if (sum == 0) {
            m[0] = sum = 1;
        }
        for (int s = 0; s < n; s++) {
            m[s] /= sum;
        }
        if (zeroAtMinimum) {
            int arg = 0;
            for (int s = 1; s < n; s++) {
                arg = v[s] < v[arg] ? s : arg;
            }
            double moved = m[arg];
            m[arg] = 0;
            m[(arg + 1) % n] += moved;
        }
        return m;
    }

    @Test
    void threeSolversAgreeOnRandomInstances() {
        Random random = new Random(7);
        for (int trial = 0; trial < 300; trial++) {
            int n = 2 + random.nextInt(19);
            double[] v = new double[n];
            for (int s = 0; s < n; s++) {
                v[s] = random.nextInt(4) == 0 ? Math.floor(3 * random.nextDouble()) : 3 * random.nextDouble();
            }
            double[] m = randomDistribution(random, n, trial % 3 == 0, v);
            double rho = trial % 10 == 0 ? 0 : trial % 10 == 1 ? 1 : random.nextDouble();
            double sorting = TotalVariationWorstCase.infimum(Solver.SORTING, m, v, rho);
            double dual = TotalVariationWorstCase.infimum(Solver.DUAL, m, v, rho);
            double lp = TotalVariationWorstCase.infimum(Solver.LP, m, v, rho);
            assertEquals(sorting, dual, 1e-9, "dual, trial " + trial);
            assertEquals(sorting, lp, 1e-9, "LP, trial " + trial);
        }
    }

    /** Two states, V = (lo, hi), m = (1 - p, p): the adversary moves min(rho, p) to lo. */
    @Test
    void twoPointClosedForm() {
        double lo = 0.5;
        double hi = 2.0;
        for (double p : new double[] {0, 0.2, 0.7, 1}) {
            for (double rho : new double[] {0, 0.1, 0.5, 1}) {
                double expected = (1 - p) * lo + p * hi - Math.min(rho, p) * (hi - lo);
                double[] m = {1 - p, p};
                double[] v = {lo, hi};
                for (Solver solver : Solver.values()) {
                    assertEquals(expected, TotalVariationWorstCase.infimum(solver, m, v, rho), 1e-9, solver + " p=" + p + " rho=" + rho);
                }
            }
        }
    }

    /** All nominal mass on the best state; the minimizing state has no nominal mass (spec pitfall 1). */
    @Test
    void massMovesToAStateOutsideTheSupport() {
        double[] m = {0, 0, 1};
        double[] v = {0, 1, 2};
        for (Solver solver : Solver.values()) {
            assertEquals(2 - 0.3 * 2, TotalVariationWorstCase.infimum(solver, m, v, 0.3), 1e-9, solver.name());
        }
    }

    /**
     * The sample dual with weights of both signs (ridge coefficients) is maximized exactly: the result equals
     * g at one of the candidates and no point of a fine grid does better.
     */
    @Test
    void sampleDualIsTheGlobalMaximumOfANonConcaveObjective() {
        Random random = new Random(3);
        for (int trial = 0; trial < 50; trial++) {
            int n = 1 + random.nextInt(30);
            double[] w = new double[n];
            double[] v = new double[n];
            for (int t = 0; t < n; t++) {
                w[t] = random.nextGaussian();
                v[t] = 3 * random.nextDouble();
            }
            double rho = random.nextDouble();
            double nu = TotalVariationDual.maximize(w, v, rho, 0);
            double gridBest = Double.NEGATIVE_INFINITY;
            for (int k = 0; k <= 30_000; k++) {
                gridBest = Math.max(gridBest, g(w, v, rho, 3.0 * k / 30_000));
            }
            double candidateBest = g(w, v, rho, 0);
            for (double alpha : v) {
                candidateBest = Math.max(candidateBest, g(w, v, rho, alpha));
            }
            assertEquals(candidateBest, nu, 1e-9, "trial " + trial);
            assertTrue(nu >= gridBest - 1e-12, "trial " + trial + ": grid found " + gridBest + " > " + nu);
        }
    }

    @Test
    void zeroRadiusIsThePlainRegression() {
        double[] w = {0.5, -0.2, 0.9};
        double[] v = {1, 2, 0.5};
        assertEquals(0.5 - 0.4 + 0.45, TotalVariationDual.maximize(w, v, 0, 0), 1e-15);
    }

    private static double g(double[] w, double[] v, double rho, double alpha) {
        double s = 0;
        for (int t = 0; t < w.length; t++) {
            s += w[t] * Math.min(v[t], alpha);
        }
        return s - rho * alpha;
    }

    @Test
    void badInputIsRejected() {
        assertThrows(InvalidInputException.class,
                () -> TotalVariationWorstCase.infimum(Solver.SORTING, new double[] {0.5, 0.6}, new double[] {1, 2}, 0.1));
        assertThrows(InvalidInputException.class,
                () -> TotalVariationWorstCase.infimum(Solver.DUAL, new double[] {0.5, 0.5}, new double[] {1, 2}, 1.5));
        assertThrows(InvalidInputException.class,
                () -> TotalVariationWorstCase.infimum(Solver.LP, new double[] {0.5, 0.5}, new double[] {1, Double.NaN}, 0.1));
    }
}
