package org.saddlepoint.robust.groupwise;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.IntStream;

import org.saddlepoint.solvers.Checks;
import org.saddlepoint.solvers.InvalidInputException;

/**
 * A table for online regression with groups: n rows, each a feature vector x_t in R^d and a label
 * y_t, and a family of (possibly intersecting) groups, given by the rows each contains. Every row
 * must lie in at least one group (the always-on group, containing every row, ensures it). This is
 * the input of the groupwise experiments of Acharya et al. (ICLR 2024); the order of the rows is
 * not the order of play, which an experiment draws by a permutation. Immutable.
 */
public final class GroupedData {
    /** The name of the group that contains every row. */
    public static final String ALWAYS_ON = "always_on";

    private final List<String> featureNames;
    private final double[][] features;
    private final double[] labels;
    private final List<String> groupNames;
    private final int[][] awake;
    private final int[][] members;

    private GroupedData(List<String> featureNames, double[][] features, double[] labels, List<String> groupNames,
            boolean[][] membership) {
        this.featureNames = featureNames;
        this.features = features;
        this.labels = labels;
        this.groupNames = groupNames;
        this.awake = new int[features.length][];
        List<List<Integer>> rowsOf = new ArrayList<>();
        for (int g = 0; g < groupNames.size(); g++) {
            rowsOf.add(new ArrayList<>());
        }
        for (int t = 0; t < features.length; t++) {
            int row = t;
            awake[t] = IntStream.range(0, groupNames.size()).filter(g -> membership[row][g]).toArray();
            if (awake[t].length == 0) {
                throw new InvalidInputException("row " + (t + 1) + " is in no group; add the always-on group");
            }
            for (int g : awake[t]) {
                rowsOf.get(g).add(t);
            }
        }
        this.members = new int[groupNames.size()][];
        for (int g = 0; g < members.length; g++) {
            members[g] = rowsOf.get(g).stream().mapToInt(Integer::intValue).toArray();
            if (members[g].length == 0) {
                throw new InvalidInputException("group '" + groupNames.get(g) + "' contains no row");
            }
        }
    }

    /**
     * Checks and copies a table. {@code membership[t][g]} says whether row t lies in group g;
     * with {@code alwaysOn} the group {@value #ALWAYS_ON} is appended as the last group.
     */
    public static GroupedData of(List<String> featureNames, double[][] features, double[] labels,
            List<String> groupNames, boolean[][] membership, boolean alwaysOn) {
        int n = features.length;
        if (n == 0) {
            throw new InvalidInputException("the data have no row");
        }
        int d = featureNames.size();
        Checks.positive("number of features", d);
        Checks.length("labels", labels, n);
        Checks.finite("labels", labels);
        if (membership.length != n) {
            throw new InvalidInputException("group membership has " + membership.length + " rows, expected " + n);
        }
        List<String> names = new ArrayList<>(groupNames);
        if (alwaysOn) {
            names.add(ALWAYS_ON);
        }
        Set<String> distinct = new HashSet<>(names);
        if (distinct.size() != names.size()) {
            throw new InvalidInputException("group names must be distinct: " + names);
        }
        double[][] x = new double[n][];
        boolean[][] in = new boolean[n][];
        for (int t = 0; t < n; t++) {
            x[t] = Checks.finite("row " + (t + 1), Checks.length("row " + (t + 1), features[t].clone(), d));
            if (membership[t].length != groupNames.size()) {
                throw new InvalidInputException("group membership of row " + (t + 1) + " has "
                        + membership[t].length + " entries, expected " + groupNames.size());
            }
            in[t] = Arrays.copyOf(membership[t], names.size());
            if (alwaysOn) {
                in[t][names.size() - 1] = true;
            }
        }
        return new GroupedData(List.copyOf(featureNames), x, labels.clone(), List.copyOf(names), in);
    }

    /**
     * A table whose groups are predicates on the feature vectors: row t lies in group g when
     * {@code groups.get(g)} holds for its features. With {@code alwaysOn} the group
     * {@value #ALWAYS_ON} is appended.
     */
    public static GroupedData ofPredicates(List<String> featureNames, double[][] features, double[] labels,
            List<String> groupNames, List<Predicate<double[]>> groups, boolean alwaysOn) {
        if (groups.size() != groupNames.size()) {
            throw new InvalidInputException(groups.size() + " group predicates for " + groupNames.size() + " names");
        }
        boolean[][] membership = new boolean[features.length][groups.size()];
        for (int t = 0; t < features.length; t++) {
            for (int g = 0; g < groups.size(); g++) {
                membership[t][g] = groups.get(g).test(features[t].clone());
            }
        }
        return of(featureNames, features, labels, groupNames, membership, alwaysOn);
    }

    /** The number of rows n. */
    public int rows() {
        return features.length;
    }

    /** The dimension d of the feature vectors. */
    public int dimension() {
        return featureNames.size();
    }

    public List<String> featureNames() {
        return featureNames;
    }

    public List<String> groupNames() {
        return groupNames;
    }

    public int groups() {
        return groupNames.size();
    }

    /** Row t's feature vector (a shared array: read it, do not modify it). */
    double[] features(int row) {
        return features[row];
    }

    public double label(int row) {
        return labels[row];
    }

    /** The groups that contain row t, in increasing order (a shared array: do not modify it). */
    int[] groupsOf(int row) {
        return awake[row];
    }

    /** T_g: the number of rows in group g. */
    public int groupSize(int group) {
        return members[group].length;
    }

    /** The rows of group g, in increasing order (a copy). */
    public int[] rowsOf(int group) {
        return members[group].clone();
    }

    /** The feature vectors of the rows of group g (copies), for a fit in hindsight. */
    public double[][] featuresOf(int group) {
        return Arrays.stream(members[group]).mapToObj(t -> features[t].clone()).toArray(double[][]::new);
    }

    /** The labels of the rows of group g. */
    public double[] labelsOf(int group) {
        return Arrays.stream(members[group]).mapToDouble(t -> labels[t]).toArray();
    }
}
