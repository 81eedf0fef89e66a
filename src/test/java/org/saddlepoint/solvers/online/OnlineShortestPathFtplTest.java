package org.saddlepoint.solvers.online;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.saddlepoint.solvers.InvalidInputException;

/** Spec 8.8: FTPL for online shortest paths against path enumeration and the Kalai-Vempala bound. */
class OnlineShortestPathFtplTest {
    /** 0 -> 1 -> 3, 0 -> 2 -> 3, 0 -> 3, 1 -> 2: four paths, six edges. */
    static final Dag DIAMOND = new Dag(4, new int[] {0, 0, 0, 1, 1, 2}, new int[] {1, 2, 3, 3, 2, 3});

    /** Every source-sink path of a DAG, by depth-first enumeration. */
    static List<boolean[]> allPaths(int nodes, int[] from, int[] to) {
        List<boolean[]> paths = new ArrayList<>();
        extend(0, new boolean[from.length], nodes, from, to, paths);
        return paths;
    }

    private static void extend(int node, boolean[] used, int nodes, int[] from, int[] to, List<boolean[]> out) {
        if (node == nodes - 1) {
            out.add(used.clone());
            return;
        }
        for (int e = 0; e < from.length; e++) {
            if (from[e] == node) {
                used[e] = true;
                extend(to[e], used, nodes, from, to, out);
                used[e] = false;
            }
        }
    }

    static double cost(boolean[] path, double[] c) {
        double s = 0;
        for (int e = 0; e < c.length; e++) {
            s += path[e] ? c[e] : 0;
        }
        return s;
    }

    private static final int[] FROM = {0, 0, 0, 1, 1, 2};
    private static final int[] TO = {1, 2, 3, 3, 2, 3};

    @Test
    void withoutPerturbationPlaysTheBestPathSoFar() {
        List<boolean[]> paths = allPaths(4, FROM, TO);
        assertEquals(4, paths.size());
        assertEquals(3, DIAMOND.longestPath());
        OnlineShortestPathFtpl leader = new OnlineShortestPathFtpl(DIAMOND, Double.POSITIVE_INFINITY, 1);
        Random rng = new Random(4);
        double[] cumulative = new double[FROM.length];
        for (int t = 0; t < 100; t++) {
            double best = paths.stream().mapToDouble(p -> cost(p, cumulative)).min().orElseThrow();
            assertEquals(best, cost(leader.path(), cumulative), 1e-12, "round " + t);
            double[] c = rng.doubles(FROM.length).toArray();
            for (int e = 0; e < c.length; e++) {
                cumulative[e] += c[e];
            }
            leader.update(null, c);
        }
    }

    /**
     * An oblivious adversary against follow the leader: the direct edge 0 -> 3 and the path
     * 0 -> 2 -> 3 take turns being cheap (after a half-cost first round), so the leader always
     * switches to the path about to be expensive.
     */
    private static double[] switching(int t) {
        double[] c = new double[FROM.length];
        Arrays.fill(c, 1);
        double direct = t == 0 ? 0.5 : t % 2 == 1 ? 1 : 0;
        c[2] = direct;
        c[1] = 1 - direct;
        c[5] = 0;
        return c;
    }

    @Test
    void expectedRegretWithinKalaiVempalaBound() {
        int rounds = 200;
        List<boolean[]> paths = allPaths(4, FROM, TO);
        double d = 2 * 3;
        double r = 3;
        double a = FROM.length;
        double epsilon = Math.sqrt(d / (r * a * rounds));
        double bound = 2 * Math.sqrt(d * r * a * rounds);
        double[] total = new double[FROM.length];
        for (int t = 0; t < rounds; t++) {
            double[] c = switching(t);
            for (int e = 0; e < c.length; e++) {
                total[e] += c[e];
            }
        }
        double best = paths.stream().mapToDouble(p -> cost(p, total)).min().orElseThrow();
        int runs = 50;
        double meanRegret = 0;
        for (int seed = 0; seed < runs; seed++) {
            meanRegret += (play(new OnlineShortestPathFtpl(DIAMOND, epsilon, seed), rounds) - best) / runs;
        }
        assertTrue(meanRegret <= bound, "FTPL regret " + meanRegret + " > " + bound);
        double leaderRegret = play(new OnlineShortestPathFtpl(DIAMOND, Double.POSITIVE_INFINITY, 0), rounds) - best;
        assertTrue(leaderRegret > 0.4 * rounds, "the adversary defeats follow the leader: " + leaderRegret);
    }

    private static double play(OnlineShortestPathFtpl learner, int rounds) {
        double loss = 0;
        for (int t = 0; t < rounds; t++) {
            double[] c = switching(t);
            loss += learner.pathCost(c);
            assertEquals(learner.pathCost(c) / 3, learner.loss(null, c), 1e-15);
            learner.update(null, c);
        }
        return loss;
    }

    @Test
    void rejectsBadInput() {
        assertThrows(InvalidInputException.class, () -> new Dag(3, new int[] {0}, new int[] {1}));
        assertThrows(InvalidInputException.class, () -> new Dag(3, new int[] {1}, new int[] {0}));
        assertThrows(InvalidInputException.class, () -> new OnlineShortestPathFtpl(DIAMOND, 0, 1));
        OnlineShortestPathFtpl ftpl = new OnlineShortestPathFtpl(DIAMOND, 1, 1);
        assertThrows(InvalidInputException.class, () -> ftpl.update(null, new double[] {0, 0, 2, 0, 0, 0}));
        assertThrows(InvalidInputException.class, () -> ftpl.update(null, new double[3]));
    }
}
