package org.saddlepoint.robust.maxmin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.saddlepoint.solvers.iteration.IterationListener;
import org.saddlepoint.solvers.iteration.StoppingRule;

class LogLinearMaxMinTest {
    private static double[][][] rewardFeatures(MaxMinProblem p, int groups) {
        double[][][] f = new double[p.prompts()][][];
        for (int x = 0; x < p.prompts(); x++) {
            f[x] = new double[p.responses(x)][groups];
            for (int y = 0; y < p.responses(x); y++) {
                for (int u = 0; u < groups; u++) {
                    f[x][y][u] = p.reward(u, x, y);
                }
            }
        }
        return f;
    }

    @Test
    void classHoldingTheGibbsPoliciesReachesTheExactValue() {
        MaxMinProblem p = MaxMinDualTest.random(3, 2, 6, 0.5, 50);
        MaxMinSolution exact = MaxMinDual.solve(p, MaxMinDualTest.EXACT, IterationListener.NONE);
        LogLinearMaxMin.Result r = LogLinearMaxMin.solve(p, rewardFeatures(p, 3),
                StoppingRule.DEFAULT.withTolerance(1e-6).withMaxIterations(20_000).withCheckInterval(1),
                IterationListener.NONE);
        assertTrue(r.solution().gap() <= 1e-6 + 1e-12, "gap " + r.solution().gap());
        assertEquals(exact.value(), r.solution().value(), 1e-6);
        // theta = w* / beta up to a shift along directions that do not change the policy
        double[][] pi = r.solution().policy();
        for (int x = 0; x < p.prompts(); x++) {
            for (int y = 0; y < p.responses(x); y++) {
                assertEquals(exact.policy()[x][y], pi[x][y], 1e-3);
            }
        }
    }

    @Test
    void restrictedClassCannotBeatTheExactValue() {
        MaxMinProblem p = MaxMinDualTest.random(3, 2, 6, 0.5, 51);
        MaxMinSolution exact = MaxMinDual.solve(p, MaxMinDualTest.EXACT, IterationListener.NONE);
        LogLinearMaxMin.Result r = LogLinearMaxMin.solve(p, rewardFeatures(p, 1),
                StoppingRule.DEFAULT.withTolerance(1e-9).withMaxIterations(300), IterationListener.NONE);
        assertTrue(r.solution().value() <= exact.value() + 1e-12);
        assertTrue(r.solution().dualValue() >= exact.dualValue() - 1e-12);
    }
}
