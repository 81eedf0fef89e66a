package org.saddlepoint.games.preference;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * R9: the unregularized exploitability of the regularized equilibrium, Expl(pi*_beta), shrinks
 * as beta -&gt; 0 towards the LP minimax winner's 0. Bound [derived]: J_beta(e_y, pi*) &lt;=
 * J_beta(pi*, pi*) = 1/2 gives (P pi*)_y - 1/2 &lt;= beta (KL(e_y || mu) - KL(pi* || mu)) &lt;= beta log K
 * for uniform mu.
 */
class RegularizationBiasTest {
    private static final double[] BETAS = {1, 0.1, 0.01, 0.001};

    @Test
    void r9BiasShrinksWithBetaWithinBetaLogK() {
        for (int k : new int[] {10, 100}) {
            PreferenceGame g = PreferenceGame.uniform(PreferenceMatrix.random(k, 0), 1);
            double[] winner = g.minimaxWinner().rowStrategy();
            assertTrue(g.exploitability(winner) < 1e-12);
            // the distance below is to "the" winner: it must be the only one
            assertTrue(g.minimaxWinners().isUnique(1e-9), "K " + k + ": spread " + g.minimaxWinners().spread());
            double previous = Double.POSITIVE_INFINITY;
            for (double beta : BETAS) {
                PreferenceGame gb = g.withBeta(beta);
                RegularizedEquilibrium eq = gb.equilibrium();
                assertTrue(eq.gap() < 1e-13, "beta " + beta + ": gap " + eq.gap());
                double bias = gb.exploitability(eq.policy());
                // measured K = 10: 1.05e-1, 6.66e-2, 5.11e-3, 4.10e-4; K = 100: 8.37e-2, 7.46e-2, 9.02e-3, 9.19e-4
                // (spec [computed] on numpy's instances: 1.13e-1, 6.64e-2, 4.74e-3, 4.54e-4; 6.31e-2, 4.79e-2, 8.32e-3, 6.60e-4)
                assertTrue(bias < previous, "K " + k + ", beta " + beta + ": " + bias + " after " + previous);
                assertTrue(bias <= beta * Math.log(k), "K " + k + ", beta " + beta + ": " + bias);
                previous = bias;
            }
            assertTrue(previous < 1e-3, "K " + k + " at beta = 0.001: " + previous);
            double distance = PreferenceFixtures.l1(g.withBeta(0.001).equilibrium().policy(), winner);
            assertTrue(distance < 0.1, "|pi*_0.001 - minimax winner|_1 = " + distance);
        }
    }
}
