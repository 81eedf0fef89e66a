package org.saddlepoint.robust.committee;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.saddlepoint.solvers.InvalidInputException;
import org.saddlepoint.solvers.iteration.SolverStatus;

class CommitteeIlpTest {
    private static final int M = 20;
    private static final int K = 6;

    /** Mallows rankings (phi = 0.5) around a random order: the spec's m = 20, two groups of 10. */
    static Rankings instance(int voters, long seed) {
        Random r = new Random(seed);
        int[] reference = new int[M];
        for (int i = 0; i < M; i++) {
            reference[i] = i;
        }
        for (int i = M - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = reference[i];
            reference[i] = reference[j];
            reference[j] = t;
        }
        int[][] orders = new int[voters][];
        for (int v = 0; v < voters; v++) {
            orders[v] = MallowsModel.sample(reference, 0.5, r);
        }
        return new Rankings(orders);
    }

    /** The OWA committee score by its definition: per voter, sort the members' scores, weigh by lambda. */
    static long owaScore(Rankings r, CommitteeRule rule, int[] committee) {
        long[] lambda = new long[committee.length];
        Arrays.fill(lambda, rule == CommitteeRule.CHAMBERLIN_COURANT ? 0 : 1);
        lambda[0] = 1;
        long total = 0;
        for (int v = 0; v < r.voters(); v++) {
            long[] s = new long[committee.length];
            for (int i = 0; i < committee.length; i++) {
                s[i] = rule.positionalScore(r.position(v, committee[i]), r.items(), committee.length);
            }
            Arrays.sort(s);
            for (int l = 0; l < s.length; l++) {
                total += lambda[l] * s[s.length - 1 - l];
            }
        }
        return total;
    }

    /** The best score over all C(20, 6) = 38,760 committees that meet the bounds (null: all). */
    static long bruteForce(Rankings r, CommitteeRule rule, GroupBounds bounds) {
        long[] best = {Long.MIN_VALUE};
        int[] count = {0};
        enumerate(new int[K], 0, 0, c -> {
            count[0]++;
            if (bounds == null || bounds.admits(c)) {
                best[0] = Math.max(best[0], owaScore(r, rule, c));
            }
        });
        assertEquals(38_760, count[0]);
        return best[0];
    }

    private static void enumerate(int[] chosen, int depth, int from, java.util.function.Consumer<int[]> visit) {
        if (depth == chosen.length) {
            visit.accept(chosen);
            return;
        }
        for (int c = from; c <= M - (chosen.length - depth); c++) {
            chosen[depth] = c;
            enumerate(chosen, depth + 1, c + 1, visit);
        }
    }

    private static int[] twoGroups() {
        int[] groupOf = new int[M];
        for (int c = 0; c < M; c++) {
            groupOf[c] = c < 10 ? 0 : 1;
        }
        return groupOf;
    }

    @Test
    void ilpOptimumEqualsBruteForceForEveryRuleWithAndWithoutBounds() {
        GroupBounds proportional = GroupBounds.proportional(twoGroups(), K);
        assertEquals(3, proportional.lower(0));
        assertEquals(3, proportional.upper(1));
        GroupBounds skewed = new GroupBounds(new String[] {"a", "b"},
                new int[][] {{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {10, 11, 12, 13, 14}}, new int[] {1, 2}, new int[] {2, 5});
        GroupBounds[] settings = {null, proportional, skewed};
        for (long seed = 1; seed <= 2; seed++) {
            Rankings rankings = instance(seed == 1 ? 25 : 5, seed);
            for (CommitteeRule rule : CommitteeRule.values()) {
                for (GroupBounds bounds : settings) {
                    Committee c = CommitteeIlp.solve(rankings, rule, K, bounds, Double.POSITIVE_INFINITY);
                    long exact = bruteForce(rankings, rule, bounds);
                    String what = rule + " seed " + seed + " bounds " + (bounds == null ? "none" : bounds.name(0));
                    assertEquals(SolverStatus.OPTIMAL, c.status(), what);
                    assertEquals(exact, c.score(), what);
                    assertEquals(exact, owaScore(rankings, rule, c.members()), what);
                    assertEquals(0, c.gap(), what);
                    assertEquals(K, c.members().length);
                    assertTrue(bounds == null || bounds.admits(c.members()), what);
                }
            }
        }
    }

    @Test
    void infeasibleBoundsAreATypedErrorNamingTheReason() {
        int[][] all = {{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {10, 11, 12, 13, 14, 15, 16, 17, 18, 19}};
        Rankings rankings = instance(3, 4);
        InfeasibleBoundsException tooMany = assertThrows(InfeasibleBoundsException.class, () -> CommitteeIlp.solve(
                rankings, CommitteeRule.K_BORDA, K, new GroupBounds(new String[] {"a", "b"}, all,
                        new int[] {4, 3}, new int[] {10, 10}), 10));
        assertTrue(tooMany.getMessage().contains("lower bounds sum to 7"), tooMany.getMessage());
        InfeasibleBoundsException tooFew = assertThrows(InfeasibleBoundsException.class, () -> CommitteeIlp.solve(
                rankings, CommitteeRule.SNTV, K, new GroupBounds(new String[] {"a", "b"}, all,
                        new int[] {0, 0}, new int[] {2, 3}), 10));
        assertTrue(tooFew.getMessage().contains("at most 5"), tooFew.getMessage());
        assertThrows(InfeasibleBoundsException.class, () -> CommitteeIlp.solve(rankings, CommitteeRule.BLOC, K,
                new GroupBounds(new String[] {"a"}, new int[][] {{0, 1}}, new int[] {3}, new int[] {3}), 10));
        assertThrows(InvalidInputException.class, () -> new GroupBounds(new String[] {"a"}, new int[][] {{0}},
                new int[] {2}, new int[] {1}));
        assertThrows(InvalidInputException.class, () -> CommitteeIlp.solve(rankings, CommitteeRule.BLOC, 21, null, 1));
    }

    @Test
    void rankingsMustBePermutations() {
        assertThrows(InvalidInputException.class, () -> new Rankings(new int[][] {{0, 1, 1}}));
        assertThrows(InvalidInputException.class, () -> new Rankings(new int[][] {{0, 1, 2}, {0, 1}}));
        assertThrows(InvalidInputException.class, () -> new Rankings(new int[0][]));
    }

    @Test
    void mallowsWithPhiZeroIsTheReferenceAndPhiOneIsUniform() {
        int[] ref = {3, 1, 0, 2};
        assertArrayEquals(ref, MallowsModel.sample(ref, 0, new Random(1)));
        Random r = new Random(2);
        int firstIsThree = 0;
        int n = 40_000;
        for (int i = 0; i < n; i++) {
            firstIsThree += MallowsModel.sample(ref, 1, r)[0] == 3 ? 1 : 0;
        }
        assertEquals(0.25, firstIsThree / (double) n, 0.01);
        // phi = 0.5, m = 2: P(reference order) = 1 / (1 + phi)
        int same = 0;
        for (int i = 0; i < n; i++) {
            same += MallowsModel.sample(new int[] {0, 1}, 0.5, r)[0] == 0 ? 1 : 0;
        }
        assertEquals(1 / 1.5, same / (double) n, 0.01);
    }
}
