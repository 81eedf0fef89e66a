package org.saddlepoint.robust.committee;

import org.saddlepoint.solvers.InvalidInputException;

/**
 * Representational (group-fairness) constraints: groups of items with lower and upper bounds
 * L_j &lt;= |S cap G_j| &lt;= U_j on how many of each group the committee S holds (Boehmer et al.,
 * ICML 2023). Groups are disjoint; an item in no group is unconstrained. Immutable.
 */
public final class GroupBounds {
    private final int[][] groups;
    private final int[] lower;
    private final int[] upper;
    private final String[] names;

    public GroupBounds(String[] names, int[][] groups, int[] lower, int[] upper) {
        if (groups.length != lower.length || groups.length != upper.length || groups.length != names.length) {
            throw new InvalidInputException("group bounds need one name, lower and upper bound per group");
        }
        for (int j = 0; j < groups.length; j++) {
            if (lower[j] < 0 || upper[j] < lower[j]) {
                throw new InvalidInputException("group " + names[j] + ": bounds must satisfy 0 <= lower <= upper, got "
                        + lower[j] + ".." + upper[j]);
            }
        }
        this.names = names.clone();
        this.groups = new int[groups.length][];
        for (int j = 0; j < groups.length; j++) {
            this.groups[j] = groups[j].clone();
        }
        this.lower = lower.clone();
        this.upper = upper.clone();
    }

    /**
     * Proportional bounds floor(k |G_j| / m) &lt;= |S cap G_j| &lt;= ceil(k |G_j| / m) for a partition of
     * the m items given by {@code groupOf} (group index per item, 0-based, groups 0..g-1).
     */
    public static GroupBounds proportional(int[] groupOf, int k) {
        int m = groupOf.length;
        int g = java.util.Arrays.stream(groupOf).max().orElse(-1) + 1;
        int[] size = new int[g];
        for (int c : groupOf) {
            size[c]++;
        }
        int[][] groups = new int[g][];
        String[] names = new String[g];
        int[] lo = new int[g];
        int[] hi = new int[g];
        for (int j = 0; j < g; j++) {
            groups[j] = new int[size[j]];
            names[j] = "group " + (j + 1);
            lo[j] = (int) Math.floorDiv((long) k * size[j], m);
            hi[j] = (int) -Math.floorDiv(-(long) k * size[j], m);
        }
        int[] fill = new int[g];
        for (int c = 0; c < m; c++) {
            groups[groupOf[c]][fill[groupOf[c]]++] = c;
        }
        return new GroupBounds(names, groups, lo, hi);
    }

    public int count() {
        return groups.length;
    }

    public int[] members(int j) {
        return groups[j].clone();
    }

    public int lower(int j) {
        return lower[j];
    }

    public int upper(int j) {
        return upper[j];
    }

    public String name(int j) {
        return names[j];
    }

    /** Whether {@code committee} meets every bound. */
    public boolean admits(int[] committee) {
        java.util.Set<Integer> in = new java.util.HashSet<>();
        for (int c : committee) {
            in.add(c);
        }
        for (int j = 0; j < groups.length; j++) {
            long n = java.util.Arrays.stream(groups[j]).filter(in::contains).count();
            if (n < lower[j] || n > upper[j]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Checks that some committee of size k over m items meets the bounds and that the groups are
     * disjoint subsets of the items; otherwise an {@link InfeasibleBoundsException} (or an
     * {@link InvalidInputException} for a malformed group) naming the reason. For disjoint groups
     * the condition is exact: sum_j L_j &lt;= k &lt;= sum_j min(U_j, |G_j|) + (ungrouped items),
     * and L_j &lt;= |G_j| for every j.
     */
    void requireFeasible(int items, int k) {
        boolean[] seen = new boolean[items];
        long minimum = 0;
        long maximum = items;
        for (int j = 0; j < groups.length; j++) {
            for (int c : groups[j]) {
                if (c < 0 || c >= items) {
                    throw new InvalidInputException("group " + names[j] + " names item " + c + ", outside the "
                            + items + " items");
                }
                if (seen[c]) {
                    throw new InvalidInputException("item " + c + " is in more than one group");
                }
                seen[c] = true;
            }
            if (lower[j] > groups[j].length) {
                throw new InfeasibleBoundsException("group " + names[j] + " has " + groups[j].length
                        + " items but a lower bound of " + lower[j]);
            }
            minimum += lower[j];
            maximum -= groups[j].length - Math.min(upper[j], groups[j].length);
        }
        if (minimum > k) {
            throw new InfeasibleBoundsException("the lower bounds sum to " + minimum + ", more than k = " + k);
        }
        if (maximum < k) {
            throw new InfeasibleBoundsException("the upper bounds allow at most " + maximum
                    + " items, fewer than k = " + k);
        }
    }
}
