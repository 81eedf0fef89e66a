package org.saddlepoint.robust.mdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.saddlepoint.robust.mdp.TotalVariationWorstCase.Solver;

/**
 * Spec 6.1: exact robust values of the simulated linear MDP (delta = 0.3, xi_norm = 0.1, TV radius rho on
 * coordinate 4 at step 1), the switch of the robust action at rho*, and the target-return rows, to 1e-4, from
 * the exact DP with the sorting and LP inner solvers.
 */
class SimulatedLinearMdpTest {
    private static final FiniteLinearMdp NOMINAL = SimulatedLinearMdp.nominal(0.3, 0.1);
    private static final int PLUS = SimulatedLinearMdp.constantAction(+1);
    private static final int MINUS = SimulatedLinearMdp.constantAction(-1);
    private static final double[] Q_LEVELS = {0, 0.2, 0.4, 0.5, 0.6, 0.8, 1.0};

    private static RobustValues optimal(double rho, double tau, Solver solver) {
        return new RobustDynamicProgramming(NOMINAL, SimulatedLinearMdp.uncertaintySet(rho), tau,
                TabularPolicy.uniform(3, 5, 16), solver).optimal();
    }

    @Test
    void robustOptimalValues() {
        double[] rho = {0, 0.3, 0.5, 0.7};
        double[] spec = {1.4232, 1.1832, 1.0310, 0.9510};
        for (int k = 0; k < rho.length; k++) {
            for (Solver solver : Solver.values()) {
                assertEquals(spec[k], optimal(rho[k], 0, solver).value(0, SimulatedLinearMdp.X1), 1e-4,
                        "rho = " + rho[k] + ", " + solver);
            }
        }
    }

    /** The robust greedy action at x1 switches from (+1)^4 to (-1)^4 at rho* = 1 - 0.999 V_2(x2) / 2 = 0.4806. */
    @Test
    void robustActionSwitchesAtTheThreshold() {
        double v2 = 0.4 + 0.999 * 0.6 * 0.4 + 0.4;
        double threshold = 1 - 0.999 * v2 / 2;
        assertEquals(0.4806, threshold, 1e-4);
        assertEquals(v2, optimal(0.7, 0, Solver.SORTING).value(1, 1), 1e-12);
        for (double rho : new double[] {0, 0.3, threshold - 1e-6}) {
            assertEquals(1.0, optimal(rho, 0, Solver.SORTING).policy().probabilities(0, 0)[PLUS], "rho = " + rho);
        }
        for (double rho : new double[] {threshold + 1e-6, 0.5, 0.7, 1}) {
            assertEquals(1.0, optimal(rho, 0, Solver.SORTING).policy().probabilities(0, 0)[MINUS], "rho = " + rho);
        }
        for (double rho : new double[] {0, 0.7}) {
            for (int h = 1; h < 3; h++) {
                assertEquals(1.0, optimal(rho, 0, Solver.SORTING).policy().probabilities(h, h)[PLUS], "step " + (h + 1));
            }
        }
    }

    /** The two rows of the spec's table: closed forms 0.6232 + 0.8 (1 - q) and 0.8310 + 0.4 (1 - q). */
    @Test
    void targetReturnRows() {
        TabularPolicy nominalOptimal = optimal(0, 0, Solver.SORTING).policy();
        TabularPolicy robustOptimal = optimal(0.7, 0, Solver.SORTING).policy();
        double[] nominalRow = {1.4232, 1.2632, 1.1032, 1.0232, 0.9432, 0.7832, 0.6232};
        double[] robustRow = {1.2310, 1.1510, 1.0710, 1.0310, 0.9910, 0.9110, 0.8310};
        for (int k = 0; k < Q_LEVELS.length; k++) {
            FiniteLinearMdp target = SimulatedLinearMdp.target(NOMINAL, Q_LEVELS[k]);
            assertEquals(nominalRow[k], RobustDynamicProgramming.expectedReturn(target, nominalOptimal), 1e-4, "q = " + Q_LEVELS[k]);
            assertEquals(robustRow[k], RobustDynamicProgramming.expectedReturn(target, robustOptimal), 1e-4, "q = " + Q_LEVELS[k]);
        }
    }

    /**
     * The public code's target drops the 0.001 leak of the first factor as well, which adds
     * 0.001 (1 - p) V_2(x2) to every entry: 0.000624 (nominal-optimal, p = 0.4) and 0.000832 (robust, p = 0.2).
     */
    @Test
    void publicCodeTargetDiffersByTheLeak() {
        double v2 = 0.4 + 0.999 * 0.6 * 0.4 + 0.4;
        TabularPolicy nominalOptimal = optimal(0, 0, Solver.SORTING).policy();
        TabularPolicy robustOptimal = optimal(0.7, 0, Solver.SORTING).policy();
        for (double q : Q_LEVELS) {
            assertEquals(0.6 * v2 + 0.8 * (1 - q),
                    RobustDynamicProgramming.expectedReturn(SimulatedLinearMdp.publicCodeTarget(NOMINAL, q), nominalOptimal), 1e-12);
            assertEquals(0.8 * v2 + 0.4 * (1 - q),
                    RobustDynamicProgramming.expectedReturn(SimulatedLinearMdp.publicCodeTarget(NOMINAL, q), robustOptimal), 1e-12);
        }
    }

    /** Regularized values of spec 6.1 (uniform pi_ref). */
    @Test
    void regularizedValues() {
        RobustValues t001 = optimal(0.7, 0.001, Solver.SORTING);
        assertEquals(0.9447, t001.value(0, 0), 1e-4);
        double[] robustRow = {1.2310, 1.1510, 1.0710, 1.0310, 0.9910, 0.9110, 0.8310};
        for (int k = 0; k < Q_LEVELS.length; k++) {
            assertEquals(robustRow[k], RobustDynamicProgramming.expectedReturn(
                    SimulatedLinearMdp.target(NOMINAL, Q_LEVELS[k]), t001.policy()), 1e-4, "tau 0.001, q = " + Q_LEVELS[k]);
        }
        RobustValues t01 = optimal(0.7, 0.01, Solver.SORTING);
        assertEquals(0.8932, t01.value(0, 0), 1e-4);
        assertEquals(0.594, t01.policy().probabilities(0, 0)[MINUS], 1e-3);
        assertEquals(1.2538, RobustDynamicProgramming.expectedReturn(SimulatedLinearMdp.target(NOMINAL, 0), t01.policy()), 1e-4);
        assertEquals(0.8049, RobustDynamicProgramming.expectedReturn(SimulatedLinearMdp.target(NOMINAL, 1), t01.policy()), 1e-4);
        RobustValues t1 = optimal(0.7, 0.1, Solver.SORTING);
        assertEquals(0.080, t1.policy().probabilities(0, 0)[MINUS], 1e-3);
        assertEquals(0.6306, RobustDynamicProgramming.expectedReturn(SimulatedLinearMdp.target(NOMINAL, 1), t1.policy()), 1e-4);
        RobustValues nominal01 = optimal(0, 0.01, Solver.SORTING);
        assertEquals(1.3693, nominal01.value(0, 0), 1e-4);
        assertEquals(0.6240, RobustDynamicProgramming.expectedReturn(SimulatedLinearMdp.target(NOMINAL, 1), nominal01.policy()), 1e-4);
        assertTrue(t01.value(0, 0) < optimal(0.7, 0, Solver.SORTING).value(0, 0));
    }
}
