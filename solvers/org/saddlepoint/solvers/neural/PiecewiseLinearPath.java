package org.saddlepoint.solvers.neural;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;

import org.saddlepoint.solvers.InvalidInputException;

/**
 * A network with one hidden ReLU layer restricted to a segment of its input space, t -&gt; f(from + t (to -
 * from)) for t in [0, 1]: a continuous piecewise-linear map whose breakpoints are the t where a hidden
 * pre-activation changes sign, stored exactly by its values at the breakpoints.
 * <p>
 * In a MIP it is the incremental ("delta") formulation of a univariate piecewise-linear function
 * (Markowitz and Manne, Econometrica 25(1), 1957; Vielma, Ahmed and Nemhauser, Oper. Res. 58(2), 2010):
 * t = sum_k d_k, d_k in [0, len_k], binaries z_k with d_{k-1} &gt;= len_{k-1} z_k and d_k &lt;= len_k z_k, and
 * f(t) = f(0) + sum_k slope_k d_k. It needs one binary per breakpoint inside (0, 1), as the big-M form
 * of {@link ReluMipEmbedding} needs one per unstable unit, but its LP relaxation is the convex hull of the
 * graph of f, where the big-M form relaxes every unit on its own.
 */
public final class PiecewiseLinearPath {
    private final double[] points;
    private final double[][] values;

    private PiecewiseLinearPath(double[] points, double[][] values) {
        this.points = points;
        this.values = values;
    }

    /** {@code network} (one hidden ReLU layer, then linear) along the segment from {@code from} to {@code to}. */
    public static PiecewiseLinearPath of(ReluNetwork network, double[] from, double[] to) {
        if (network.layers() != 2) {
            throw new InvalidInputException("a piecewise-linear path needs a network with one hidden layer, got "
                    + (network.layers() - 1));
        }
        if (from.length != network.inputSize() || to.length != network.inputSize()) {
            throw new InvalidInputException("the segment's ends must have " + network.inputSize() + " entries");
        }
        TreeSet<Double> breaks = new TreeSet<>(List.of(0.0, 1.0));
        for (int u = 0; u < network.size(1); u++) {
            double start = network.biasEntry(0, u);
            double slope = 0;
            for (int j = 0; j < from.length; j++) {
                start += network.weight(0, u, j) * from[j];
                slope += network.weight(0, u, j) * (to[j] - from[j]);
            }
            double t = -start / slope;
            if (slope != 0 && t > 0 && t < 1 && farFrom(breaks, t)) {
                breaks.add(t);
            }
        }
        double[] points = breaks.stream().mapToDouble(Double::doubleValue).toArray();
        double[][] values = new double[points.length][];
        double[] input = new double[from.length];
        for (int k = 0; k < points.length; k++) {
            for (int j = 0; j < input.length; j++) {
                input[j] = from[j] + points[k] * (to[j] - from[j]);
            }
            values[k] = network.forward(input);
        }
        return new PiecewiseLinearPath(points, values);
    }

    /**
     * Whether t lies more than 1e-9 from every stored breakpoint: closer ones are merged, which moves f by at
     * most 1e-9 times a slope change and keeps every piece long enough for the MIP's numerics.
     */
    private static boolean farFrom(TreeSet<Double> breaks, double t) {
        Double below = breaks.floor(t);
        Double above = breaks.ceiling(t);
        return (below == null || t - below > 1e-9) && (above == null || above - t > 1e-9);
    }

    /** The number of linear pieces. */
    public int pieces() {
        return points.length - 1;
    }

    /** f(0). */
    public double[] start() {
        return values[0].clone();
    }

    /** f(t) by linear interpolation between the breakpoints, t in [0, 1]. */
    public double[] at(double t) {
        int k = 0;
        while (k < pieces() - 1 && t > points[k + 1]) {
            k++;
        }
        double w = (t - points[k]) / (points[k + 1] - points[k]);
        double[] out = new double[values[k].length];
        for (int u = 0; u < out.length; u++) {
            out[u] = values[k][u] + w * (values[k + 1][u] - values[k][u]);
        }
        return out;
    }

    /** The slope of output {@code unit} on piece k. */
    public double slope(int piece, int unit) {
        return (values[piece + 1][unit] - values[piece][unit]) / (points[piece + 1] - points[piece]);
    }

    /**
     * Adds the incremental formulation with position {@code t} (a variable in [0, 1]) and returns the
     * piece variables d_k: f(t) = {@link #start()} + sum_k {@link #slope}(k, .) d_k.
     */
    public MPVariable[] embed(MPSolver solver, MPVariable t, String tag) {
        MPVariable[] d = new MPVariable[pieces()];
        MPConstraint sum = solver.makeConstraint(0, 0, "t" + tag);
        sum.setCoefficient(t, -1);
        for (int k = 0; k < d.length; k++) {
            double length = points[k + 1] - points[k];
            d[k] = solver.makeNumVar(0, length, "d" + tag + "_" + k);
            sum.setCoefficient(d[k], 1);
            if (k > 0) {
                MPVariable z = solver.makeBoolVar("z" + tag + "_" + k);
                double before = points[k] - points[k - 1];
                MPConstraint filled = solver.makeConstraint(0, Double.POSITIVE_INFINITY);
                filled.setCoefficient(d[k - 1], 1);
                filled.setCoefficient(z, -before);
                MPConstraint open = solver.makeConstraint(Double.NEGATIVE_INFINITY, 0);
                open.setCoefficient(d[k], 1);
                open.setCoefficient(z, -length);
            }
        }
        return d;
    }

    /**
     * The pieces (length, slope) of the least concave majorant of t -&gt; w^T (f(t) - f(0)) on [0, 1], slopes
     * decreasing: an upper bound of the gain w^T f can make by moving t away from 0.
     */
    public List<double[]> concaveGains(double[] w) {
        List<double[]> hull = new ArrayList<>();
        for (int k = 0; k < points.length; k++) {
            double[] p = {points[k], dot(w, values[k]) - dot(w, values[0])};
            while (hull.size() >= 2 && !turnsRight(hull.get(hull.size() - 2), hull.get(hull.size() - 1), p)) {
                hull.remove(hull.size() - 1);
            }
            hull.add(p);
        }
        List<double[]> gains = new ArrayList<>();
        for (int k = 1; k < hull.size(); k++) {
            double length = hull.get(k)[0] - hull.get(k - 1)[0];
            gains.add(new double[] {length, (hull.get(k)[1] - hull.get(k - 1)[1]) / length});
        }
        return gains;
    }

    /**
     * An upper bound of max sum_i w^T (f_i(t_i) - f_i(0)) over t in [0, 1]^n with sum_i t_i &lt;= budget: the
     * fractional knapsack over the pieces of the concave majorants (greedy by slope, exact for the majorants).
     */
    public static double budgetedGain(List<PiecewiseLinearPath> paths, double[] w, double budget) {
        List<double[]> all = new ArrayList<>();
        for (PiecewiseLinearPath p : paths) {
            all.addAll(p.concaveGains(w));
        }
        all.sort((a, b) -> Double.compare(b[1], a[1]));
        double left = budget;
        double gain = 0;
        for (double[] piece : all) {
            if (piece[1] <= 0 || left <= 0) {
                break;
            }
            double take = Math.min(piece[0], left);
            gain += take * piece[1];
            left -= take;
        }
        return gain;
    }

    private static boolean turnsRight(double[] a, double[] b, double[] c) {
        return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]) < 0;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
