package org.saddlepoint.robust.groupwise;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.saddlepoint.solvers.online.Dag;
import org.saddlepoint.solvers.online.OnlineShortestPathFtpl;

/**
 * Spec 4.4: groupwise online shortest paths, one FTPL per group aggregated by sleeping
 * AdaNormalHedge on the normalised path losses. Two kinds of rounds prefer different paths; on
 * each group the groupwise learner's expected regret to the group's best fixed path stays within
 * the sum of the aggregator's and FTPL's bounds, while one group-agnostic FTPL pays linearly.
 */
class GroupwiseShortestPathsTest {
    /** 0 -> 1 -> 3, 0 -> 2 -> 3, 0 -> 3, 1 -> 2. */
    static final Dag DAG = new Dag(4, new int[] {0, 0, 0, 1, 1, 2}, new int[] {1, 2, 3, 3, 2, 3});
    static final int ROUNDS = 3000;
    static final int SEEDS = 10;
    /** group 0: rounds of kind 0, group 1: kind 1, group 2: always on. */
    static final int GROUPS = 3;

    /** Kind 0 rounds make the direct edge 0 -> 3 cheap, kind 1 rounds the path 0 -> 2 -> 3. */
    private static double[] costs(int kind, Random rng) {
        double[] c = rng.doubles(6, 0.5, 1).toArray();
        if (kind == 0) {
            c[2] = 0.3 * rng.nextDouble();
        } else {
            c[1] = 0.15 * rng.nextDouble();
            c[5] = 0.15 * rng.nextDouble();
        }
        return c;
    }

    @Test
    void groupwiseRegretSmallOnEveryGroup() {
        double n = DAG.longestPath();
        double epsilon = Math.sqrt(2 * n / (n * DAG.edges() * ROUNDS));
        double[] groupwiseRegret = new double[GROUPS];
        double[] agnosticRegret = new double[GROUPS];
        int[] size = new int[GROUPS];
        for (int seed = 0; seed < SEEDS; seed++) {
            Random rng = new Random(seed);
            int s = seed;
            GroupwiseLearner<Object, double[], OnlineShortestPathFtpl> learner = new GroupwiseLearner<>(GROUPS,
                    () -> new OnlineShortestPathFtpl(DAG, epsilon, 1000L * s + rng.nextInt(1000)));
            OnlineShortestPathFtpl agnostic = new OnlineShortestPathFtpl(DAG, epsilon, seed);
            double[][] total = new double[GROUPS][6];
            double[] learnerLoss = new double[GROUPS];
            double[] agnosticLoss = new double[GROUPS];
            Arrays.fill(size, 0);
            for (int t = 0; t < ROUNDS; t++) {
                int kind = rng.nextDouble() < 0.4 ? 0 : 1;
                int[] awake = {kind, 2};
                double[] c = costs(kind, rng);
                double expected = learner.play(null, awake, c);
                double agnosticRound = agnostic.loss(null, c);
                agnostic.update(null, c);
                for (int g : awake) {
                    learnerLoss[g] += expected;
                    agnosticLoss[g] += agnosticRound;
                    size[g]++;
                    for (int e = 0; e < 6; e++) {
                        total[g][e] += c[e];
                    }
                }
            }
            for (int g = 0; g < GROUPS; g++) {
                double best = DAG.shortestPath(total[g], new boolean[6]) / n;
                groupwiseRegret[g] += (learnerLoss[g] - best) / SEEDS;
                agnosticRegret[g] += (agnosticLoss[g] - best) / SEEDS;
            }
        }
        for (int g = 0; g < GROUPS; g++) {
            double tg = size[g];
            double sleeping = Math.sqrt(3 * tg * (Math.log(GROUPS) + Math.log(3 + 2 * Math.log(1 + tg)))) + 1;
            double ftpl = (2 * n / epsilon + epsilon * n * DAG.edges() * tg) / n;
            assertTrue(groupwiseRegret[g] <= sleeping + ftpl,
                    "group " + g + ": " + groupwiseRegret[g] + " > " + (sleeping + ftpl));
        }
        // Over all rounds the direct edge is best (kind 0 rounds make 0 -> 2 -> 3 cost about 1.5), so
        // one FTPL learns it and pays linearly on group 1, whose best path is 0 -> 2 -> 3.
        assertTrue(agnosticRegret[1] > 0.05 * size[1], "group-agnostic FTPL on group 1: " + agnosticRegret[1]);
        assertTrue(groupwiseRegret[1] < agnosticRegret[1] / 4, "group 1: " + groupwiseRegret[1]
                + " vs agnostic " + agnosticRegret[1]);
    }
}
