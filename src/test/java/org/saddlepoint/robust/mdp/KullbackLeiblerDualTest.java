package org.saddlepoint.robust.mdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** The KL worst case by its dual against a brute-force search of a grid of the simplex (spec 7.4). */
class KullbackLeiblerDualTest {
    private static double kl(double[] mu, double[] m) {
        double s = 0;
        for (int k = 0; k < mu.length; k++) {
            if (mu[k] > 0) {
                s += mu[k] * Math.log(mu[k] / m[k]);
            }
        }
        return s;
    }

    @Test
    void dualMatchesBruteForceOnThreeStates() {
        Random random = new Random(8);
        int grid = 1000;
        for (int trial = 0; trial < 6; trial++) {
            double[] m = {0.2 + random.nextDouble(), 0.2 + random.nextDouble(), 0.2 + random.nextDouble()};
            double total = m[0] + m[1] + m[2];
            for (int k = 0; k < 3; k++) {
                m[k] /= total;
            }
            double[] v = {3 * random.nextDouble(), 3 * random.nextDouble(), 3 * random.nextDouble()};
            double rho = 0.02 + 0.5 * random.nextDouble();
            double best = Double.POSITIVE_INFINITY;
            for (int i = 0; i <= grid; i++) {
                for (int j = 0; i + j <= grid; j++) {
                    double[] mu = {i / (double) grid, j / (double) grid, (grid - i - j) / (double) grid};
                    if (kl(mu, m) <= rho) {
                        best = Math.min(best, mu[0] * v[0] + mu[1] * v[1] + mu[2] * v[2]);
                    }
                }
            }
            double dual = KullbackLeiblerDual.infimum(m, v, rho);
            assertTrue(dual <= best + 1e-9, "the grid is feasible, so its minimum is an upper bound: trial " + trial);
            assertEquals(best, dual, 1e-2, "trial " + trial);
        }
    }

    @Test
    void limits() {
        double[] m = {0.5, 0.5, 0};
        double[] v = {1, 3, -5};
        assertEquals(2, KullbackLeiblerDual.infimum(m, v, 0), 1e-15);
        assertEquals(1, KullbackLeiblerDual.infimum(m, v, 50), 1e-6); // KL cannot move mass outside the support
    }

    @Test
    void robustDpAcceptsAKlSet() {
        FiniteLinearMdp mdp = SimulatedLinearMdp.nominal(0.3, 0.1);
        double kl = RobustDynamicProgramming.of(mdp,
                UncertaintySet.single(Divergence.KULLBACK_LEIBLER, 3, 4, 0, 3, 0.5), 0).optimal().value(0, 0);
        double nominal = RobustDynamicProgramming.of(mdp, UncertaintySet.none(3, 4), 0).optimal().value(0, 0);
        assertEquals(nominal, kl, 1e-12, "mu_{1,4} is a point mass: a KL ball around it holds only itself");
    }
}
