package org.saddlepoint.robust.groupwise;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleBinaryOperator;
import java.util.function.Predicate;
import java.util.stream.IntStream;

/**
 * The synthetic data of Acharya et al. (ICLR 2024, [R] synth_datagen.py; spec 5.2) at any size:
 * x ~ U[0,1]^20; each row has one shape (circle, square, triangle with probabilities 0.5, 0.3,
 * 0.2) and one colour (green, red with 0.6, 0.4); group g has weights w_g ~ U[0,1]^20 and the
 * label y_g = x . w_g + N(0, 0.16^2); the observed label combines the labels of the row's two
 * groups by a {@link Rule} and is min-max scaled to [0, 1]. Features: x and the 5 group indicators;
 * the groups are predicates on them.
 */
final class SyntheticGroups {
    static final List<String> GROUPS = List.of("circle", "square", "triangle", "green", "red");
    static final int D = 20;

    /** How the two group labels of a row make its label. */
    enum Rule { MEAN, MIN, MAX, DPERM }

    private SyntheticGroups() {
    }

    static GroupedData generate(int n, Rule rule, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] w = new double[GROUPS.size()][D];
        for (double[] wg : w) {
            for (int i = 0; i < D; i++) {
                wg[i] = rng.nextDouble();
            }
        }
        int[] dominance = shuffled(rng, GROUPS.size());
        List<String> names = new ArrayList<>();
        for (int i = 0; i < D; i++) {
            names.add("x" + i);
        }
        GROUPS.forEach(g -> names.add("group " + g));
        double[][] x = new double[n][D + GROUPS.size()];
        double[] y = new double[n];
        for (int t = 0; t < n; t++) {
            for (int i = 0; i < D; i++) {
                x[t][i] = rng.nextDouble();
            }
            double u = rng.nextDouble();
            int shape = u < 0.5 ? 0 : u < 0.8 ? 1 : 2;
            int colour = rng.nextDouble() < 0.6 ? 3 : 4;
            x[t][D + shape] = 1;
            x[t][D + colour] = 1;
            double yShape = groupLabel(x[t], w[shape], rng);
            double yColour = groupLabel(x[t], w[colour], rng);
            y[t] = switch (rule) {
                case MEAN -> (yShape + yColour) / 2;
                case MIN -> Math.min(yShape, yColour);
                case MAX -> Math.max(yShape, yColour);
                case DPERM -> dominance[shape] < dominance[colour] ? yShape : yColour;
            };
        }
        scale(y, Math::min, Math::max);
        List<Predicate<double[]>> groups = IntStream.range(0, GROUPS.size())
                .mapToObj(g -> (Predicate<double[]>) row -> row[D + g] == 1).toList();
        return GroupedData.ofPredicates(names, x, y, GROUPS, groups, true);
    }

    private static double groupLabel(double[] x, double[] w, SplittableRandom rng) {
        double s = 0;
        for (int i = 0; i < w.length; i++) {
            s += x[i] * w[i];
        }
        return s + 0.16 * gaussian(rng);
    }

    /** A standard normal draw by Box-Muller (SplittableRandom has no nextGaussian before Java 17's RandomGenerator). */
    private static double gaussian(SplittableRandom rng) {
        return Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
    }

    /** rank[g] = position of group g in a uniformly random order (lower dominates). */
    private static int[] shuffled(SplittableRandom rng, int n) {
        int[] rank = new int[n];
        for (int i = 0; i < n; i++) {
            rank[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int swap = rank[i];
            rank[i] = rank[j];
            rank[j] = swap;
        }
        return rank;
    }

    private static void scale(double[] y, DoubleBinaryOperator min, DoubleBinaryOperator max) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : y) {
            lo = min.applyAsDouble(lo, v);
            hi = max.applyAsDouble(hi, v);
        }
        for (int t = 0; t < y.length; t++) {
            y[t] = (y[t] - lo) / (hi - lo);
        }
    }
}
