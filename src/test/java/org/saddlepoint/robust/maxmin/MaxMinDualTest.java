package org.saddlepoint.robust.maxmin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.saddlepoint.solvers.InvalidInputException;
import org.saddlepoint.solvers.iteration.IterationListener;
import org.saddlepoint.solvers.iteration.SolverStatus;
import org.saddlepoint.solvers.iteration.StoppingRule;

class MaxMinDualTest {
    static final StoppingRule EXACT = StoppingRule.DEFAULT.withTolerance(1e-11).withMaxIterations(100_000)
            .withCheckInterval(1);

    /** U groups, P prompts, Y responses, Gaussian rewards, a random positive reference policy. */
    static MaxMinProblem random(int groups, int prompts, int responses, double beta, long seed) {
        Random r = new Random(seed);
        double[][][] rewards = new double[groups][prompts][responses];
        double[][] ref = new double[prompts][responses];
        double[] rho = new double[prompts];
        for (int x = 0; x < prompts; x++) {
            double s = 0;
            for (int y = 0; y < responses; y++) {
                ref[x][y] = 0.2 + r.nextDouble();
                s += ref[x][y];
                for (int u = 0; u < groups; u++) {
                    rewards[u][x][y] = r.nextGaussian();
                }
            }
            for (int y = 0; y < responses; y++) {
                ref[x][y] /= s;
            }
            rho[x] = 1.0 / prompts;
        }
        return new MaxMinProblem(rewards, ref, rho, beta);
    }

    /** The spec's two-group bandit: 8 responses on a 4 x 2 grid of (sentiment, brevity). */
    static MaxMinProblem twoGroupBandit(double beta) {
        double[] sentiment = new double[8];
        double[] brevity = new double[8];
        for (int y = 0; y < 8; y++) {
            sentiment[y] = y % 4;
            brevity[y] = 3 * (y / 4) - 0.5 * (y % 4);
        }
        return MaxMinProblem.singlePrompt(new double[][] {sentiment, brevity}, beta);
    }

    private static void assertSaddlePoint(MaxMinProblem p, MaxMinSolution s) {
        assertEquals(SolverStatus.CONVERGED, s.status());
        assertTrue(Math.abs(s.gap()) <= 1e-8, "gap " + s.gap());
        for (int u = 0; u < p.groups(); u++) {
            if (s.weights()[u] > 1e-6) {
                assertEquals(s.dualValue(), s.groupValues()[u], 1e-8, "tied group " + u);
            } else {
                assertTrue(s.groupValues()[u] >= s.dualValue() - 1e-8, "group " + u + " without weight");
            }
        }
    }

    @Test
    void dualOptimumIsASaddlePointWithTiedGroups() {
        for (long seed = 1; seed <= 10; seed++) {
            MaxMinProblem p = random(3, seed % 2 == 0 ? 1 : 4, 6, 0.5, seed);
            assertSaddlePoint(p, MaxMinDual.solve(p, EXACT, IterationListener.NONE));
        }
        MaxMinProblem bandit = twoGroupBandit(0.5);
        MaxMinSolution s = MaxMinDual.solve(bandit, EXACT, IterationListener.NONE);
        assertSaddlePoint(bandit, s);
        assertTrue(s.weights()[0] > 1e-3 && s.weights()[1] > 1e-3, "both groups are active on the bandit");
    }

    @Test
    void dualValueIsTheMinimumOverAFineGridOfWeights() {
        MaxMinProblem p = random(3, 2, 6, 0.5, 11);
        MaxMinSolution s = MaxMinDual.solve(p, EXACT, IterationListener.NONE);
        double gridMin = Double.POSITIVE_INFINITY;
        int n = 400;
        for (int i = 0; i <= n; i++) {
            for (int j = 0; i + j <= n; j++) {
                gridMin = Math.min(gridMin, p.dual(new double[] {i / (double) n, j / (double) n, (n - i - j) / (double) n}));
            }
        }
        assertTrue(s.dualValue() <= gridMin + 1e-12);
        assertTrue(s.dualValue() >= gridMin - 1e-3, "a grid of step 1/400 is within 1e-3 of the minimum");
    }

    @Test
    void twoGroupsAgreeWithBisectionOnTheSignOfF1MinusF2() {
        for (long seed = 20; seed < 25; seed++) {
            MaxMinProblem p = random(2, 3, 5, 0.3, seed);
            double lo = 0;
            double hi = 1;
            for (int it = 0; it < 200; it++) {
                double mid = (lo + hi) / 2;
                double[][] pi = p.gibbsPolicy(new double[] {mid, 1 - mid});
                if (p.objective(0, pi) < p.objective(1, pi)) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            double w1 = (lo + hi) / 2;
            double reference = p.worstObjective(p.gibbsPolicy(new double[] {w1, 1 - w1}));
            MaxMinSolution s = MaxMinDual.solve(p, EXACT, IterationListener.NONE);
            assertEquals(reference, s.value(), 1e-9);
        }
    }

    @Test
    void valueConvergesToTheLinearProgramAsBetaGoesToZero() {
        MaxMinProblem base = random(3, 3, 6, 1, 30);
        MaxMinLp.Result lp = MaxMinLp.solve(base);
        double kl = MaxMinLp.largestKl(base);
        double previous = Double.NEGATIVE_INFINITY;
        for (double beta : new double[] {1, 1e-1, 1e-2, 1e-3}) {
            MaxMinSolution s = MaxMinDual.solve(base.withBeta(beta), EXACT, IterationListener.NONE);
            assertTrue(s.dualValue() <= lp.value() + 1e-9, "beta " + beta);
            assertTrue(s.value() >= lp.value() - beta * kl - 1e-9, "beta " + beta);
            assertTrue(s.value() >= previous - 1e-9, "the value grows as beta shrinks");
            previous = s.value();
        }
        // the LP's own policy is feasible: its worst group gets the LP value
        double worst = Double.POSITIVE_INFINITY;
        for (int u = 0; u < 3; u++) {
            double v = 0;
            for (int x = 0; x < 3; x++) {
                for (int y = 0; y < 6; y++) {
                    v += base.promptWeight(x) * lp.policy()[x][y] * base.reward(u, x, y);
                }
            }
            worst = Math.min(worst, v);
        }
        assertEquals(lp.value(), worst, 1e-9);
    }

    @Test
    void worstGroupIterationReachesTheExactValueWithinOneThousandth() {
        for (long seed = 40; seed < 43; seed++) {
            MaxMinProblem p = random(3, 2, 6, 0.5, seed);
            MaxMinSolution exact = MaxMinDual.solve(p, EXACT, IterationListener.NONE);
            MaxMinSolution paper = WorstGroupIteration.solve(p,
                    StoppingRule.DEFAULT.withTolerance(1e-3).withMaxIterations(10_000).withCheckInterval(10),
                    IterationListener.NONE);
            assertTrue(paper.iterations() <= 10_000);
            assertEquals(exact.value(), paper.value(), 1e-3, "seed " + seed + " after " + paper.iterations());
            assertTrue(paper.value() <= exact.dualValue() + 1e-12 && paper.dualValue() >= exact.value() - 1e-12);
        }
    }

    @Test
    void badProblemsAreTypedErrors() {
        assertThrows(InvalidInputException.class, () -> MaxMinProblem.singlePrompt(new double[][] {{1, 2}}, 0));
        assertThrows(InvalidInputException.class, () -> MaxMinProblem.singlePrompt(new double[][] {{1, Double.NaN}}, 1));
        assertThrows(InvalidInputException.class, () -> new MaxMinProblem(new double[][][] {{{1, 2}}},
                new double[][] {{0.5, 0.6}}, new double[] {1}, 1));
        assertThrows(InvalidInputException.class, () -> new MaxMinProblem(new double[][][] {{{1, 2}}},
                new double[][] {{0.5, 0.5}}, new double[] {1}, 1).withBeta(-1));
    }
}
