package org.saddlepoint.solvers.regret;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.saddlepoint.solvers.InvalidInputException;

/** Sleeping AdaNormalHedge against a from-scratch recomputation, its invariants and its regret bound. */
class SleepingAdaNormalHedgeTest {
    /** One past round: who was awake and their losses. */
    private record Round(int[] awake, double[] losses) {
    }

    /**
     * The brute-force reference: replays the whole history with the plain (not log-space)
     * formula of Luo and Schapire and returns p over {@code awake}.
     */
    private static double[] bruteForce(List<Round> history, int n, int[] awake) {
        double[] r = new double[n];
        double[] c = new double[n];
        for (Round past : history) {
            double[] p = plainDistribution(r, c, past.awake);
            double expected = 0;
            for (int k = 0; k < past.awake.length; k++) {
                expected += p[k] * past.losses[k];
            }
            for (int k = 0; k < past.awake.length; k++) {
                r[past.awake[k]] += expected - past.losses[k];
                c[past.awake[k]] += Math.abs(expected - past.losses[k]);
            }
        }
        return plainDistribution(r, c, awake);
    }

    private static double[] plainDistribution(double[] r, double[] c, int[] awake) {
        double[] w = new double[awake.length];
        double sum = 0;
        for (int k = 0; k < awake.length; k++) {
            int i = awake[k];
            double up = Math.max(r[i] + 1, 0);
            double down = Math.max(r[i] - 1, 0);
            w[k] = 0.5 * (Math.exp(up * up / (3 * (c[i] + 1))) - Math.exp(down * down / (3 * (c[i] + 1))));
            sum += w[k];
        }
        for (int k = 0; k < awake.length; k++) {
            w[k] = sum > 0 ? w[k] / sum : 1.0 / awake.length;
        }
        return w;
    }

    private static int[] randomAwake(Random rng, int n) {
        int[] awake = IntStream.range(0, n).filter(i -> rng.nextBoolean()).toArray();
        return awake.length == 0 ? new int[] {rng.nextInt(n)} : awake;
    }

    @Test
    void matchesBruteForceOnThreeExperts() {
        for (int rounds : new int[] {10, 50}) {
            for (long seed = 1; seed <= 20; seed++) {
                Random rng = new Random(seed);
                SleepingAdaNormalHedge learner = new SleepingAdaNormalHedge(3);
                List<Round> history = new ArrayList<>();
                for (int t = 0; t < rounds; t++) {
                    int[] awake = randomAwake(rng, 3);
                    double[] p = learner.distribution(awake);
                    assertArrayEquals(bruteForce(history, 3, awake), p, 1e-12, "seed " + seed + ", round " + t);
                    double[] losses = rng.doubles(awake.length).toArray();
                    learner.update(awake, p, losses);
                    history.add(new Round(awake, losses));
                }
            }
        }
    }

    @Test
    void uniformAtFirstRoundAndSleepersUntouched() {
        SleepingAdaNormalHedge learner = new SleepingAdaNormalHedge(4);
        int[] awake = {0, 2, 3};
        double[] p = learner.distribution(awake);
        assertArrayEquals(new double[] {1 / 3.0, 1 / 3.0, 1 / 3.0}, p, 1e-15);
        double expected = learner.update(awake, p, new double[] {0.2, 0.5, 0.8});
        assertEquals(0.5, expected, 1e-15);
        assertEquals(0.0, learner.regret(1));
        assertEquals(0.0, learner.absoluteRegret(1));
        assertEquals(0.3, learner.regret(0), 1e-15);
        assertEquals(-0.3, learner.regret(3), 1e-15);
        assertEquals(0.3, learner.absoluteRegret(3), 1e-15);
    }

    @Test
    void allZeroWeightsFallBackToUniform() {
        SleepingAdaNormalHedge learner = new SleepingAdaNormalHedge(3);
        int[] all = {0, 1, 2};
        // Expert 2 is far better: experts 0 and 1 end with R <= -1, so their weights are 0.
        for (int t = 0; t < 5; t++) {
            learner.update(all, learner.distribution(all), new double[] {1, 1, 0});
        }
        assertTrue(learner.regret(0) <= -1 && learner.regret(1) <= -1);
        assertArrayEquals(new double[] {0.5, 0.5}, learner.distribution(new int[] {0, 1}), 0.0);
        assertEquals(0, learner.distribution(new int[0]).length);
    }

    @Test
    void hugeRegretsNeitherOverflowNorLoseTheDistribution() {
        SleepingAdaNormalHedge learner = new SleepingAdaNormalHedge(2);
        int[] both = {0, 1};
        for (int t = 0; t < 20_000; t++) {
            learner.update(both, learner.distribution(both), new double[] {0, 1000});
        }
        double[] p = learner.distribution(both);
        assertTrue(Arrays.stream(p).allMatch(Double::isFinite));
        assertEquals(1.0, p[0], 1e-12);
        assertEquals(1.0, p[0] + p[1], 1e-15);
    }

    /**
     * Spec 8.4: losses in [0, 1], expert 0 has loss 0 whenever awake, the others 1, random awake
     * sets; SReg_i &lt;= sqrt(3 C_i (ln N + ln(3 + 2 ln(1 + C_i)))) + 1 for every expert.
     */
    @Test
    void sleepingRegretWithinLuoSchapireBound() {
        int n = 8;
        Random rng = new Random(7);
        SleepingAdaNormalHedge learner = new SleepingAdaNormalHedge(n);
        int[] awakeRounds = new int[n];
        for (int t = 0; t < 20_000; t++) {
            int[] awake = randomAwake(rng, n);
            double[] losses = Arrays.stream(awake).mapToDouble(i -> i == 0 ? 0 : rng.nextDouble() < 0.5 ? 1 : 0.3)
                    .toArray();
            learner.update(awake, learner.distribution(awake), losses);
            for (int i : awake) {
                awakeRounds[i]++;
            }
        }
        for (int i = 0; i < n; i++) {
            double c = learner.absoluteRegret(i);
            double bound = Math.sqrt(3 * c * (Math.log(n) + Math.log(3 + 2 * Math.log(1 + c)))) + 1;
            assertTrue(learner.regret(i) <= bound, "expert " + i + ": " + learner.regret(i) + " > " + bound);
        }
        assertTrue(learner.regret(0) <= 3 * Math.sqrt(awakeRounds[0] * Math.log(n)), "SReg_0 = " + learner.regret(0));
    }

    @Test
    void rejectsBadInput() {
        assertThrows(InvalidInputException.class, () -> new SleepingAdaNormalHedge(0));
        SleepingAdaNormalHedge learner = new SleepingAdaNormalHedge(2);
        assertThrows(InvalidInputException.class, () -> learner.distribution(new int[] {2}));
        int[] one = {0};
        double[] p = learner.distribution(one);
        assertThrows(InvalidInputException.class, () -> learner.update(one, p, new double[] {Double.NaN}));
        assertThrows(InvalidInputException.class, () -> learner.update(one, p, new double[] {1, 2}));
    }
}
