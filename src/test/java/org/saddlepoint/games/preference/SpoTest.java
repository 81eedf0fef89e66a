package org.saddlepoint.games.preference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.saddlepoint.solvers.iteration.Checkpoint;

/** SPO self-play with Hedge (Swamy et al., ICML 2024) (spec section 4, reproductions R7 and R8). */
class SpoTest {
    private static final double[] START = {0.6, 0.3, 0.1};

    /** The Hedge regret of the played sequence against the exact win-rate rewards r_t = 2 P pi_t - 1. */
    private static double regret(PreferenceGame g, double eta, double[] start, int t) {
        PreferenceLearner.Run run = Spo.exact(eta).start(g, start, new java.util.SplittableRandom(0));
        int k = g.responses();
        double[] cumulative = new double[k];
        double earned = 0;
        for (int s = 0; s < t; s++) {
            double[] pi = run.policy().clone();
            double[] pp = g.payoffs(pi);
            for (int y = 0; y < k; y++) {
                double r = 2 * pp[y] - 1;
                cumulative[y] += r;
                earned += pi[y] * r;
            }
            run.step();
        }
        double best = Double.NEGATIVE_INFINITY;
        for (double c : cumulative) {
            best = Math.max(best, c);
        }
        return best - earned;
    }

    @Test
    void r7AverageExploitabilityIsHalfTheAverageRegretAndWithinHedgesBound() {
        PreferenceGame cycle = PreferenceGame.uniform(PreferenceMatrix.cycle3(0.4, 0.4, 0.4), 0.1);
        double eta = 0.1;
        int t = 10_000;
        PreferenceResult r = Spo.exact(eta).solve(cycle, START, EgpoTest.rule(t, t), null);
        double regret = regret(cycle, eta, START, t);
        assertEquals(regret / (2 * t), r.averageExploitability(), 1e-12);
        // Hedge with prior pi_1, utilities of range 2: Reg_T <= ln(1 / min pi_1) / eta + eta T 4 / 8
        double bound = (Math.log(1 / 0.1) / eta + eta * t / 2) / (2 * t);
        assertTrue(r.averageExploitability() <= bound, r.averageExploitability() + " > " + bound);
        // measured 2.5e-3 (spec [computed] 2.2e-3); the minimax winner is uniform
        assertTrue(r.averageExploitability() < 3e-3);
        assertTrue(PreferenceFixtures.l1(r.averagePolicy(), new double[] {1.0 / 3, 1.0 / 3, 1.0 / 3}) < 0.02);
    }

    @Test
    void r7LastIterateDoesNotConvergeOnTheCycle() {
        PreferenceGame cycle = PreferenceGame.uniform(PreferenceMatrix.cycle3(0.4, 0.4, 0.4), 0.1);
        double[] last = new double[3];
        double[] average = new double[3];
        int i = 0;
        for (int t : new int[] {100, 1000, 10_000}) {
            PreferenceResult r = Spo.exact(0.1).solve(cycle, START, EgpoTest.rule(t, t), null);
            last[i] = r.exploitability();
            average[i++] = r.averageExploitability();
        }
        // measured last 0.124, 0.156, 0.230 (spec [computed] 0.098, 0.22, 0.365, not reproduced by the stated
        // update); the average 0.069, 0.0092, 0.0025
        assertTrue(last[0] < last[1] && last[1] < last[2] && last[2] > 0.2, java.util.Arrays.toString(last));
        assertTrue(average[2] < average[1] && average[1] < average[0], java.util.Arrays.toString(average));
        PreferenceResult fast = Spo.exact(0.5).solve(cycle, START, EgpoTest.rule(10_000, 10_000), null);
        assertTrue(fast.exploitability() > 0.39, "eta 0.5: the last iterate reaches the boundary, Expl -> 0.4");
    }

    private static void assertAverageConverges(int k, int t) {
        PreferenceGame g = PreferenceGame.uniform(PreferenceMatrix.random(k, 0), 0.1);
        double eta = Math.sqrt(8 * Math.log(k) / t) / 2;
        PreferenceResult r = Spo.exact(eta).solve(g, EgpoTest.rule(t, t / 10), null);
        double bound = Math.sqrt(Math.log(k) / (2.0 * t));
        assertTrue(r.averageExploitability() <= bound, "K " + k + ": " + r.averageExploitability() + " > " + bound);
        List<Checkpoint> h = r.history();
        assertTrue(h.get(h.size() - 1).certificate() < h.get(1).certificate() / 3);
        double[] winner = g.minimaxWinner().rowStrategy();
        assertTrue(g.exploitability(winner) < 1e-12);
    }

    @Test
    void r7AverageConvergesOnRandomGames() {
        assertAverageConverges(10, 10_000);
        assertAverageConverges(100, 10_000);
    }

    @Tag("reproduction")
    @Test
    void r7AverageConvergesOnARandomThousandResponseGame() {
        assertAverageConverges(1000, 10_000);
    }

    @Test
    void r8SampledWinRatesStillConvergeOnAverage() {
        PreferenceGame g = PreferenceGame.uniform(PreferenceMatrix.random(10, 0), 0.1);
        int t = 10_000;
        double eta = Math.sqrt(8 * Math.log(10) / t) / 2;
        double exact = Spo.exact(eta).solve(g, EgpoTest.rule(t, t), null).averageExploitability();
        for (int n : new int[] {2, 4, 16}) {
            PreferenceResult early = Spo.sampled(eta, n, n).solve(g, EgpoTest.rule(t / 10, t / 10), null);
            PreferenceResult r = Spo.sampled(eta, n, n).solve(g, EgpoTest.rule(t, t), null);
            // measured at T = 1e4: 4.8e-3 (N = 2), 5.0e-3 (4), 3.3e-3 (16) against 3.7e-3 exact
            assertTrue(r.averageExploitability() < early.averageExploitability(), "N " + n);
            assertTrue(r.averageExploitability() < 3 * exact + 0.005, "N " + n + ": " + r.averageExploitability());
        }
    }

    @Test
    void sampledWinRateIsUnbiased() {
        PreferenceGame g = PreferenceGame.uniform(PreferenceMatrix.random(4, 1), 0.1);
        double[] pi = {0.1, 0.2, 0.3, 0.4};
        // one step of Hedge from pi: log pi_1 - log pi = eta r, so the reward is read off the logits
        double eta = 1e-3;
        double[] mean = new double[4];
        int reps = 4000;
        for (int rep = 0; rep < reps; rep++) {
            PreferenceLearner.Run run = Spo.sampled(eta, 8, rep).start(g, pi, new java.util.SplittableRandom(rep));
            run.step();
            double[] next = run.policy();
            for (int y = 0; y < 4; y++) {
                mean[y] += (Math.log(next[y] / pi[y]) - Math.log(next[0] / pi[0])) / eta / reps;
            }
        }
        double[] pp = g.payoffs(pi);
        for (int y = 1; y < 4; y++) {
            assertEquals(2 * (pp[y] - pp[0]), mean[y], 0.03, "response " + y);
        }
    }
}
