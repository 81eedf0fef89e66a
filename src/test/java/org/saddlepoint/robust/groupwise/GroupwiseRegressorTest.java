package org.saddlepoint.robust.groupwise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.saddlepoint.solvers.InvalidInputException;
import org.saddlepoint.solvers.online.OnlineRidge;

/** The reduction's invariants (spec 8.5-8.7) against independent online ridge runs per group. */
class GroupwiseRegressorTest {
    private static final int D = 6;
    private static final int T = 600;

    private static double[][] features(Random rng) {
        double[][] x = new double[T][D];
        for (double[] row : x) {
            for (int i = 0; i < D; i++) {
                row[i] = rng.nextDouble();
            }
        }
        return x;
    }

    private static double label(double[] x, Random rng) {
        return x[0] * x[1] + 0.3 * x[2] + 0.1 * rng.nextGaussian();
    }

    /**
     * Spec 8.7 and pitfall P2, intersecting groups: every awake oracle's prediction equals that of
     * a ridge trained on exactly its group's earlier rounds, and per group the expected loss minus
     * the oracle's loss equals the aggregator's sleeping regret R_g; the mixture never loses more
     * than the expected loss.
     */
    @Test
    void oraclesSeeExactlyTheirGroupAndRegretDecomposes() {
        Random rng = new Random(5);
        int groups = 4;
        double[][] x = features(rng);
        GroupwiseRegressor learner = new GroupwiseRegressor(groups, () -> new OnlineRidge(D, 1));
        OnlineRidge[] reference = IntStream.range(0, groups).mapToObj(g -> new OnlineRidge(D, 1))
                .toArray(OnlineRidge[]::new);
        double[] expectedLoss = new double[groups];
        double[] oracleLoss = new double[groups];
        for (int t = 0; t < T; t++) {
            int[] awake = IntStream.range(0, groups).filter(g -> g == groups - 1 || rng.nextDouble() < 0.4).toArray();
            double y = label(x[t], rng);
            GroupwiseRegressor.Advice advice = learner.advise(x[t], awake);
            for (int k = 0; k < awake.length; k++) {
                assertEquals(reference[awake[k]].predict(x[t]), advice.predictions()[k], 1e-12);
                oracleLoss[awake[k]] += Math.pow(advice.predictions()[k] - y, 2);
                reference[awake[k]].update(x[t], y);
            }
            double expected = learner.learn(x[t], advice, y);
            assertEquals(advice.expectedLoss(y), expected, 1e-15);
            assertTrue(Math.pow(advice.mixture() - y, 2) <= expected + 1e-15);
            for (int g : awake) {
                expectedLoss[g] += expected;
            }
        }
        for (int g = 0; g < groups; g++) {
            assertEquals(expectedLoss[g] - oracleLoss[g], learner.sleepingRegret(g), 1e-9, "group " + g);
        }
    }

    /** Spec 8.5: disjoint groups, no always-on group: the algorithm is a separate ridge per group. */
    @Test
    void disjointGroupsGiveSeparateRidgePerGroup() {
        Random rng = new Random(8);
        double[][] x = features(rng);
        GroupwiseRegressor learner = new GroupwiseRegressor(3, () -> new OnlineRidge(D, 1));
        OnlineRidge[] separate = {new OnlineRidge(D, 1), new OnlineRidge(D, 1), new OnlineRidge(D, 1)};
        for (int t = 0; t < T; t++) {
            int g = rng.nextInt(3);
            double y = label(x[t], rng);
            GroupwiseRegressor.Advice advice = learner.advise(x[t], new int[] {g});
            double own = separate[g].predict(x[t]);
            assertEquals(Math.pow(own - y, 2), learner.learn(x[t], advice, y), 1e-12);
            assertEquals(own, advice.mixture(), 1e-12);
            separate[g].update(x[t], y);
        }
    }

    /** Spec 8.6: the always-on group alone reproduces the baseline's loss sequence exactly. */
    @Test
    void singleGroupIsTheBaseline() {
        Random rng = new Random(9);
        double[][] x = features(rng);
        GroupwiseRegressor learner = new GroupwiseRegressor(1, () -> new OnlineRidge(D, 1));
        OnlineRidge baseline = new OnlineRidge(D, 1);
        for (int t = 0; t < T; t++) {
            double y = label(x[t], rng);
            double loss = Math.pow(baseline.predict(x[t]) - y, 2);
            baseline.update(x[t], y);
            assertEquals(loss, learner.learn(x[t], learner.advise(x[t], new int[] {0}), y), 0.0);
        }
    }

    @Test
    void sampledPlayDrawsEachGroupWithItsProbability() {
        GroupwiseRegressor.Advice advice = new GroupwiseRegressor.Advice(new int[] {0, 2, 5},
                new double[] {0.1, 0.4, 0.9}, new double[] {0.2, 0.5, 0.3});
        assertEquals(0.1, advice.sampled(0.0));
        assertEquals(0.1, advice.sampled(0.1999));
        assertEquals(0.4, advice.sampled(0.2001));
        assertEquals(0.9, advice.sampled(0.7001));
        assertEquals(0.9, advice.sampled(Math.nextDown(1.0)));
        assertEquals(0.2 * 0.01 + 0.5 * 0.04 + 0.3 * 0.49, advice.expectedLoss(0.2), 1e-15);
        assertEquals(0.2 * 0.1 + 0.5 * 0.4 + 0.3 * 0.9, advice.mixture(), 1e-15);
    }

    @Test
    void rejectsARoundWithoutAwakeGroup() {
        GroupwiseRegressor learner = new GroupwiseRegressor(2, () -> new OnlineRidge(D, 1));
        assertThrows(InvalidInputException.class, () -> learner.advise(new double[D], new int[0]));
        assertThrows(InvalidInputException.class, () -> learner.advise(new double[D], new int[] {2}));
        assertThrows(InvalidInputException.class, () -> new GroupwiseRegressor(0, () -> new OnlineRidge(D, 1)));
    }
}
