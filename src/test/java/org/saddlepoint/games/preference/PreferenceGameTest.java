package org.saddlepoint.games.preference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.junit.jupiter.api.Test;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;
import org.saddlepoint.games.MatrixGameSolution;
import org.saddlepoint.solvers.InvalidInputException;
import org.saddlepoint.solvers.iteration.SolverStatus;

/** The preference game, its validation, generators and exact certificates (spec sections 0.2-0.6). */
class PreferenceGameTest {
    private static final Random RNG = new Random(7);

    // ---- validation ---------------------------------------------------------------------------

    @Test
    void rejectsMatricesThatAreNotPreferences() {
        assertMessage("P + P^T = 1", () -> PreferenceMatrix.of(new double[][] {{0.5, 0.7}, {0.4, 0.5}}));
        assertMessage("P[0][0] + P[0][0] = 0.8", () -> PreferenceMatrix.of(new double[][] {{0.4, 0.7}, {0.3, 0.5}}));
        assertMessage("square", () -> PreferenceMatrix.of(new double[][] {{0.5, 0.5, 0.5}, {0.5, 0.5}}));
        assertMessage("not a probability", () -> PreferenceMatrix.of(new double[][] {{0.5, Double.NaN}, {0.5, 0.5}}));
        assertMessage("not a probability", () -> PreferenceMatrix.of(new double[][] {{0.5, 1.2}, {-0.2, 0.5}}));
        assertMessage("at least one response", () -> PreferenceMatrix.of(new double[0][]));
    }

    @Test
    void rejectsBadReferenceBetaAndPolicies() {
        PreferenceMatrix p = PreferenceMatrix.cycle3(0.3, 0.1, 0.2);
        assertMessage("full support", () -> PreferenceGame.of(p, new double[] {0.5, 0.5, 0}, 0.1));
        assertMessage("sum to 1", () -> PreferenceGame.of(p, new double[] {0.5, 0.5, 0.5}, 0.1));
        assertMessage("length 2, expected 3", () -> PreferenceGame.of(p, new double[] {0.5, 0.5}, 0.1));
        assertMessage("beta must be finite and > 0", () -> PreferenceGame.uniform(p, 0));
        assertMessage("beta must be finite and > 0", () -> PreferenceGame.uniform(p, Double.NaN));
        PreferenceGame g = PreferenceGame.uniform(p, 0.1);
        assertMessage("3 responses", () -> g.dualityGap(new double[] {1, 0}));
    }

    private static void assertMessage(String fragment, org.junit.jupiter.api.function.Executable call) {
        InvalidInputException e = assertThrows(InvalidInputException.class, call);
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }

    // ---- generators -----------------------------------------------------------------------------

    @Test
    void generatorsGiveValidSeededPreferences() {
        PreferenceMatrix r = PreferenceMatrix.random(12, 3);
        assertArrayEquals(r.toArray()[4], PreferenceMatrix.random(12, 3).toArray()[4]);
        PreferenceMatrix t = PreferenceMatrix.tournament(9, 5);
        for (int i = 0; i < 9; i++) {
            assertEquals(0.5, r.get(i, i));
            for (int j = 0; j < 9; j++) {
                assertEquals(1.0, r.get(i, j) + r.get(j, i), 1e-15);
                assertTrue(i == j || t.get(i, j) == 0 || t.get(i, j) == 1);
            }
        }
        PreferenceMatrix bt = PreferenceMatrix.bradleyTerry(new double[] {0.2, -1, 3});
        assertEquals(1 / (1 + Math.exp(-1.2)), bt.get(0, 1), 1e-15);
        PreferenceMatrix c = PreferenceMatrix.cycle3(0.3, 0.1, 0.2);
        assertEquals(0.8, c.get(0, 1), 1e-15);  // 1 beats 2 by a
        assertEquals(0.7, c.get(1, 2), 1e-15);  // 2 beats 3 by c
        assertEquals(0.6, c.get(2, 0), 1e-15);  // 3 beats 1 by b
    }

    // ---- exact identities -------------------------------------------------------------------------

    @Test
    void everyPolicyTiesWithItself() {
        for (int k : new int[] {2, 10, 57}) {
            PreferenceMatrix p = PreferenceMatrix.random(k, k);
            for (int trial = 0; trial < 20; trial++) {
                double[] pi = PreferenceFixtures.randomPolicy(k, RNG);
                assertEquals(0.5, p.preference(pi, pi), 1e-14);
            }
        }
    }

    /** The closed form of spec 0.4.1, written literally: 2 beta LSE_mu(P pi / beta) + 2 beta KL(pi || mu) - 1. */
    private static double closedFormGap(PreferenceGame g, double[] pi1, double[] pi2) {
        return half(g, pi1) + half(g, pi2) - 1;
    }

    private static double half(PreferenceGame g, double[] pi) {
        double[] v = new double[g.responses()];
        g.preferences().multiply(pi, v);
        double[] mu = g.reference();
        double[] shifted = new double[v.length];
        for (int y = 0; y < v.length; y++) {
            shifted[y] = Math.log(mu[y]) + v[y] / g.beta();
        }
        double kl = 0;
        for (int y = 0; y < pi.length; y++) {
            kl += pi[y] * Math.log(pi[y] / mu[y]);
        }
        return g.beta() * Softmax.logSumExp(shifted) + g.beta() * kl;
    }

    @Test
    void gapEqualsClosedFormAndTwoEvaluationForm() {
        for (PreferenceGame g : PreferenceFixtures.egpoInstances(10, 10, 0.1)) {
            for (double beta : new double[] {1, 0.1, 0.01}) {
                PreferenceGame gb = g.withBeta(beta);
                double[] pi = PreferenceFixtures.randomPolicy(10, RNG);
                double[] nu = PreferenceFixtures.randomPolicy(10, RNG);
                // the EGPO repository's dual_gap: J(BR(pi), pi) - J(pi, BR(pi))
                double[] br = gb.bestResponse(pi);
                double twoEvaluations = gb.value(br, pi) - gb.value(pi, br);
                double gap = gb.dualityGap(pi);
                assertEquals(closedFormGap(gb, pi, pi), gap, 1e-13);
                assertEquals(twoEvaluations, gap, 1e-13);
                assertTrue(gap > 0);
                // the pair form: max_pi1 J(pi1, nu) - min_pi2 J(pi, pi2)
                double pairTwoEvaluations = gb.value(gb.bestResponse(nu), nu) - gb.value(pi, gb.bestResponse(pi));
                assertEquals(closedFormGap(gb, pi, nu), gb.dualityGap(pi, nu), 1e-13);
                assertEquals(pairTwoEvaluations, gb.dualityGap(pi, nu), 1e-13);
            }
        }
    }

    @Test
    void bestResponseBeatsEveryOtherPolicy() {
        PreferenceGame g = PreferenceFixtures.egpoInstances(1, 8, 0.05).get(0);
        double[] pi = PreferenceFixtures.randomPolicy(8, RNG);
        double best = g.value(g.bestResponse(pi), pi);
        for (int trial = 0; trial < 200; trial++) {
            assertTrue(g.value(PreferenceFixtures.randomPolicy(8, RNG), pi) <= best + 1e-15);
        }
    }

    @Test
    void equilibriumHasZeroGapInTheLiteralClosedForm() {
        for (double beta : new double[] {1, 0.1, 0.01, 0.001}) {
            for (PreferenceGame g : PreferenceFixtures.egpoInstances(5, 10, beta)) {
                RegularizedEquilibrium eq = g.equilibrium();
                double[] star = eq.policy();
                assertTrue(eq.gap() <= 1e-14, "beta " + beta + ": gap " + eq.gap());
                assertEquals(eq.gap(), g.dualityGap(star));
                // Gap_beta = 0 only at pi*_beta (uniqueness), and KL(pi || pi*) <= Gap_beta(pi) / (2 beta)
                assertEquals(0.0, closedFormGap(g, star, star), 1e-13);
                assertTrue(eq.span() < 1e-9 / beta, "fixed-point residual span " + eq.span());
            }
        }
    }

    @Test
    void equilibriumMatchesTheDampedFixedPointIteration() {
        for (double beta : new double[] {2, 0.5, 0.2}) {
            for (PreferenceGame g : PreferenceFixtures.egpoInstances(5, 10, beta)) {
                double[] star = g.equilibrium().policy();
                double[] fixedPoint = dampedFixedPoint(g);
                assertTrue(g.dualityGap(fixedPoint) < 1e-14, "damped fixed point gap " + g.dualityGap(fixedPoint));
                assertTrue(PreferenceFixtures.l1(star, fixedPoint) < 1e-12,
                        "beta " + beta + ": |Newton - fixed point|_1 = " + PreferenceFixtures.l1(star, fixedPoint));
                assertTrue(g.klFromEquilibrium(fixedPoint) < 1e-14);
            }
        }
    }

    /**
     * The independent reference of spec 0.4.2: pi &lt;- (1 - alpha) pi + alpha softmax(log mu + P pi / beta),
     * in probabilities. The best response is (1/beta)-Lipschitz in l1, so the damped map need not
     * converge for small beta; the test checks its own gap, and the small-beta equilibria are
     * checked by the literal closed-form gap instead.
     */
    private static double[] dampedFixedPoint(PreferenceGame g) {
        double alpha = 0.5;
        double[] pi = g.reference();
        for (int it = 0; it < 100_000; it++) {
            double[] br = g.bestResponse(pi);
            double change = 0;
            for (int y = 0; y < pi.length; y++) {
                double next = (1 - alpha) * pi[y] + alpha * br[y];
                change += Math.abs(next - pi[y]);
                pi[y] = next;
            }
            if (change < 1e-17) {
                break;
            }
        }
        return pi;
    }

    @Test
    void distancesToTheEquilibriumVanishThereAndBoundTheGap() {
        PreferenceGame g = PreferenceFixtures.egpoInstances(1, 8, 0.1).get(0);
        double[] star = g.equilibrium().policy();
        assertEquals(0.0, g.klToEquilibrium(star), 1e-15);
        assertEquals(0.0, g.logRatioSpan(star), 1e-12);
        double[] pi = PreferenceFixtures.randomPolicy(8, RNG);
        double l1 = PreferenceFixtures.l1(pi, star);
        // Pinsker both ways; the span bounds each |log(pi/pi*)| after the best shift, so max_y |pi/pi* - 1| <= e^span - 1
        assertTrue(g.klToEquilibrium(pi) >= l1 * l1 / 2 && g.klFromEquilibrium(pi) >= l1 * l1 / 2);
        double worstRatio = 0;
        for (int y = 0; y < 8; y++) {
            worstRatio = Math.max(worstRatio, Math.abs(pi[y] / star[y] - 1));
        }
        assertTrue(worstRatio <= Math.exp(g.logRatioSpan(pi)) - 1);
        // the gap is 2 beta KL(pi || BR(pi)) and KL(pi || pi*) <= Gap / (2 beta): a gap certificate bounds the distance
        assertTrue(g.klToEquilibrium(pi) <= g.dualityGap(pi) / (2 * g.beta()));
        assertTrue(Double.isInfinite(g.logRatioSpan(new double[] {1, 0, 0, 0, 0, 0, 0, 0})));
    }

    @Test
    void symmetricCycleWithUniformReferenceHasUniformEquilibrium() {
        PreferenceMatrix cycle = PreferenceMatrix.cycle3(0.4, 0.4, 0.4);
        for (double beta : new double[] {10, 1, 0.1, 0.01, 0.001}) {
            double[] star = PreferenceGame.uniform(cycle, beta).equilibrium().policy();
            assertArrayEquals(new double[] {1.0 / 3, 1.0 / 3, 1.0 / 3}, star, 1e-15);
        }
    }

    @Test
    void cycleMinimaxWinnerIsTheClosedForm() {
        double[][] margins = {{0.3, 0.1, 0.2}, {0.4, 0.4, 0.4}, {0.05, 0.5, 0.25}};
        for (double[] m : margins) {
            PreferenceGame g = PreferenceGame.uniform(PreferenceMatrix.cycle3(m[0], m[1], m[2]), 0.1);
            MatrixGameSolution lp = g.minimaxWinner();
            double s = m[0] + m[1] + m[2];
            assertEquals(SolverStatus.OPTIMAL, lp.status());
            assertArrayEquals(new double[] {m[2] / s, m[1] / s, m[0] / s}, lp.rowStrategy(), 1e-12);
            assertEquals(0.5, lp.value(), 1e-12);
        }
    }

    @Test
    void bradleyTerryMinimaxWinnerIsTheBestRewardAndTheGameIsNotRewardMaximisation() {
        double[] r = {0.3, -0.5, 1.7, 0.9, 1.1};
        PreferenceGame g = PreferenceGame.uniform(PreferenceMatrix.bradleyTerry(r), 0.5);
        assertArrayEquals(new double[] {0, 0, 1, 0, 0}, g.minimaxWinner().rowStrategy(), 1e-12);
        assertTrue(g.minimaxWinners().isUnique(1e-9), "the argmax of distinct rewards is the only winner");
        assertEquals(0.0, g.exploitability(new double[] {0, 0, 1, 0, 0}), 1e-15);
        double[] star = g.equilibrium().policy();
        double[] rewardOptimal = new double[r.length];
        double[] logits = new double[r.length];
        for (int y = 0; y < r.length; y++) {
            logits[y] = Math.log(0.2) + r[y] / g.beta();
        }
        Softmax.normalise(logits, rewardOptimal);
        assertTrue(PreferenceFixtures.l1(star, rewardOptimal) > 0.1,
                "pi*_beta must not be softmax(log mu + r / beta): " + Arrays.toString(star));
    }

    @Test
    void tiedBestRewardsOrClonesMakeTheMinimaxWinnerNonUnique() {
        // unique: distinct Bradley-Terry rewards (the argmax), a random game
        assertTrue(PreferenceGame.uniform(PreferenceMatrix.bradleyTerry(new double[] {0.3, -0.5, 1.7, 0.9}), 1)
                .minimaxWinners().isUnique(1e-9));
        // two tied best rewards: every mixture of the two wins, each coordinate ranges over [0, 1]
        MinimaxWinners tied = PreferenceGame.uniform(PreferenceMatrix.bradleyTerry(new double[] {1.7, -0.5, 1.7, 0.9}), 1)
                .minimaxWinners();
        assertArrayEquals(new double[] {0, 0, 0, 0}, tied.lower(), 1e-9);
        assertArrayEquals(new double[] {1, 0, 1, 0}, tied.upper(), 1e-9);
        assertFalse(tied.isUnique(1e-9));
        // the all-ties matrix: every policy is a winner
        double[][] half = {{0.5, 0.5, 0.5}, {0.5, 0.5, 0.5}, {0.5, 0.5, 0.5}};
        assertEquals(1.0, PreferenceGame.uniform(PreferenceMatrix.of(half), 1).minimaxWinners().spread(), 1e-9);
        // cycle3(a, b, c) with a clone of response 3: the closed form's weight a/(a+b+c) splits freely between the two
        double a = 0.3;
        double b = 0.1;
        double c = 0.2;
        double[][] cycle = PreferenceMatrix.cycle3(a, b, c).toArray();
        double[][] cloned = new double[4][4];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                cloned[i][j] = cycle[Math.min(i, 2)][Math.min(j, 2)];
            }
        }
        MinimaxWinners clones = PreferenceGame.uniform(PreferenceMatrix.of(cloned), 1).minimaxWinners();
        double s = a + b + c;
        assertArrayEquals(new double[] {c / s, b / s, 0, 0}, clones.lower(), 1e-8);
        assertArrayEquals(new double[] {c / s, b / s, a / s, a / s}, clones.upper(), 1e-8);
    }

    @Test
    void tournamentsHaveAUniqueWinnerWithOddSupport() {
        // Laffond, Laslier and Le Breton (1993), Fisher and Ryan (1992): the bipartisan set (spec 0.6)
        for (int k = 5; k <= 12; k++) {
            for (long seed = 0; seed < 5; seed++) {
                PreferenceGame g = PreferenceGame.uniform(PreferenceMatrix.tournament(k, seed), 1);
                assertTrue(g.minimaxWinners().isUnique(1e-9), "K " + k + ", seed " + seed);
                long support = Arrays.stream(g.minimaxWinner().rowStrategy()).filter(v -> v > 1e-9).count();
                assertEquals(1, support % 2, "K " + k + ", seed " + seed + ": support " + support);
            }
        }
    }

    @Test
    void condorcetWinnerIsTheMinimaxWinner() {
        double[][] p = PreferenceMatrix.random(6, 11).toArray();
        for (int j = 0; j < 6; j++) {
            if (j != 4) {
                p[4][j] = 0.5 + 0.4 * RNG.nextDouble() + 0.01;
                p[j][4] = 1 - p[4][j];
            }
        }
        PreferenceGame g = PreferenceGame.uniform(PreferenceMatrix.of(p), 0.1);
        assertArrayEquals(new double[] {0, 0, 0, 0, 1, 0}, g.minimaxWinner().rowStrategy(), 1e-12);
    }

    @Test
    void lpMinimaxWinnerAgreesWithAnIndependentSimplex() {
        for (int k : new int[] {10, 40}) {
            for (int seed = 0; seed < 3; seed++) {
                PreferenceGame g = PreferenceGame.uniform(PreferenceMatrix.random(k, seed), 0.1);
                MatrixGameSolution lp = g.minimaxWinner();
                double[] winner = lp.rowStrategy();
                double[] reference = commonsMathWinner(g.preferences().toArray());
                assertArrayEquals(reference, ojAlgoWinner(g.preferences().toArray()), 1e-8);
                assertEquals(0.5, lp.value(), 1e-12);
                assertTrue(g.exploitability(winner) <= 1e-12, "Expl " + g.exploitability(winner));
                assertTrue(g.exploitability(reference) <= 1e-9);
                // random symmetric games have a unique minimax winner (with probability 1): checked, then compared
                assertTrue(g.minimaxWinners().isUnique(1e-9), "spread " + g.minimaxWinners().spread());
                assertArrayEquals(reference, winner, 1e-8);
            }
        }
    }

    /** The same LP by ojAlgo (spec 0.5: GLOP and ojAlgo cross-checked). */
    static double[] ojAlgoWinner(double[][] p) {
        int k = p.length;
        ExpressionsBasedModel model = new ExpressionsBasedModel();
        Variable[] pi = new Variable[k];
        for (int i = 0; i < k; i++) {
            pi[i] = model.addVariable("pi" + i).lower(0);
        }
        Variable v = model.addVariable("v").weight(1);
        for (int j = 0; j < k; j++) {
            Expression column = model.addExpression("column" + j).lower(0);
            for (int i = 0; i < k; i++) {
                column.set(pi[i], p[i][j]);
            }
            column.set(v, -1);
        }
        Expression simplex = model.addExpression("simplex").level(1);
        for (int i = 0; i < k; i++) {
            simplex.set(pi[i], 1);
        }
        Optimisation.Result result = model.maximise();
        assertTrue(result.getState().isOptimal(), "ojAlgo: " + result.getState());
        double[] winner = new double[k];
        for (int i = 0; i < k; i++) {
            winner[i] = result.doubleValue(i);
        }
        return winner;
    }

    /** max v s.t. sum_i pi_i P[i][j] &gt;= v, pi in the simplex, by commons-math's simplex. */
    static double[] commonsMathWinner(double[][] p) {
        int k = p.length;
        double[] objective = new double[k + 1];
        objective[k] = 1;
        List<LinearConstraint> constraints = new ArrayList<>();
        for (int j = 0; j < k; j++) {
            double[] row = new double[k + 1];
            for (int i = 0; i < k; i++) {
                row[i] = p[i][j];
            }
            row[k] = -1;
            constraints.add(new LinearConstraint(row, Relationship.GEQ, 0));
        }
        double[] sum = new double[k + 1];
        Arrays.fill(sum, 0, k, 1.0);
        constraints.add(new LinearConstraint(sum, Relationship.EQ, 1));
        PointValuePair s = new SimplexSolver(1e-10, 10, 1e-14).optimize(new MaxIter(1_000_000),
                new LinearObjectiveFunction(objective, 0), new LinearConstraintSet(constraints), GoalType.MAXIMIZE,
                new NonNegativeConstraint(true));
        return Arrays.copyOf(s.getPoint(), k);
    }

    @Test
    void randomGamesHaveWinnersOfAboutHalfTheResponses() {
        // Jonasson (2004): the support of a random symmetric zero-sum game is about K/2 (spec: 535 of 1000).
        PreferenceGame g = PreferenceGame.uniform(PreferenceMatrix.random(300, 0), 0.1);
        long support = Arrays.stream(g.minimaxWinner().rowStrategy()).filter(v -> v > 1e-12).count();
        assertTrue(support > 0.35 * 300 && support < 0.65 * 300, "support " + support);
    }

    @Test
    void multiPromptCertificatesAreWeightedSums() {
        List<PreferenceGame> prompts = PreferenceFixtures.egpoInstances(3, 4, 0.2);
        double[] rho = {0.5, 0.3, 0.2};
        MultiPromptGame game = MultiPromptGame.of(prompts, rho);
        double[][] pis = {PreferenceFixtures.randomPolicy(4, RNG), PreferenceFixtures.randomPolicy(4, RNG),
            PreferenceFixtures.randomPolicy(4, RNG)};
        double gap = 0;
        double expl = 0;
        for (int x = 0; x < 3; x++) {
            gap += rho[x] * prompts.get(x).dualityGap(pis[x]);
            expl += rho[x] * prompts.get(x).exploitability(pis[x]);
        }
        assertEquals(gap, game.dualityGap(pis), 1e-15);
        assertEquals(expl, game.exploitability(pis), 1e-15);
        assertMessage("share beta", () -> MultiPromptGame.of(List.of(prompts.get(0), prompts.get(1).withBeta(1)),
                new double[] {0.5, 0.5}));
    }
}
