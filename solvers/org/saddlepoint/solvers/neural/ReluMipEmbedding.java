package org.saddlepoint.solvers.neural;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;

/**
 * A trained {@link ReluNetwork} as constraints of an OR-Tools MIP (the big-M formulation of a ReLU,
 * e.g. Fischetti and Jo, "Deep neural networks and mixed integer linear optimization", Constraints
 * 23, 2018; Neur2RO spec section 3.5). Per hidden unit, with a = w^T h + b and interval bounds
 * [L, U] over the input box ({@link IntervalBounds}):
 * <pre>
 *   U &lt;= 0:  out = 0 (no variable row);      L &gt;= 0:  out = a (no binary);
 *   else:    out &gt;= a,  out &gt;= 0,  out &lt;= a - L (1 - s),  out &lt;= U s,   s binary.
 * </pre>
 * The last layer is linear: out = a, bounded by [L, U].
 */
public final class ReluMipEmbedding {
    private ReluMipEmbedding() {
    }

    /**
     * The embedded network.
     *
     * @param outputs  the output variables
     * @param bounds   the interval bounds used as big-M
     * @param binaries how many unstable units needed a binary
     */
    public record Embedded(MPVariable[] outputs, IntervalBounds bounds, int binaries) {
    }

    /**
     * Adds {@code network} with inputs {@code inputs}, which must stay within [lo, hi] (the caller's
     * model guarantees it; the bounds are big-M constants), naming variables with {@code tag}.
     */
    public static Embedded embed(MPSolver solver, ReluNetwork network, MPVariable[] inputs, double[] lo, double[] hi,
                                 String tag) {
        return embed(solver, network, inputs, IntervalBounds.of(network, lo, hi), tag);
    }

    /** As {@link #embed(MPSolver, ReluNetwork, MPVariable[], double[], double[], String)}, with given valid bounds. */
    public static Embedded embed(MPSolver solver, ReluNetwork network, MPVariable[] inputs, IntervalBounds bounds,
                                 String tag) {
        MPVariable[] h = inputs.clone();
        int binaries = 0;
        for (int l = 0; l < network.layers(); l++) {
            boolean last = l == network.layers() - 1;
            MPVariable[] next = new MPVariable[network.size(l + 1)];
            for (int u = 0; u < next.length; u++) {
                double lower = bounds.lower(l, u);
                double upper = bounds.upper(l, u);
                String name = tag + "_" + l + "_" + u;
                if (last || lower >= 0) {
                    next[u] = solver.makeNumVar(last ? lower : Math.max(lower, 0), upper, "a" + name);
                    double b = network.biasEntry(l, u);
                    affine(solver, network, l, u, h, next[u], b, b);
                } else if (upper <= 0) {
                    next[u] = solver.makeNumVar(0, 0, "zero" + name);
                } else {
                    next[u] = solver.makeNumVar(0, upper, "relu" + name);
                    MPVariable active = solver.makeBoolVar("s" + name);
                    binaries++;
                    double b = network.biasEntry(l, u);
                    affine(solver, network, l, u, h, next[u], b, Double.POSITIVE_INFINITY);
                    affine(solver, network, l, u, h, next[u], Double.NEGATIVE_INFINITY, b - lower)
                            .setCoefficient(active, -lower);
                    MPConstraint off = solver.makeConstraint(Double.NEGATIVE_INFINITY, 0, "off" + name);
                    off.setCoefficient(next[u], 1);
                    off.setCoefficient(active, -upper);
                }
            }
            h = next;
        }
        return new Embedded(h, bounds, binaries);
    }

    /** The row from &lt;= out - w^T h &lt;= to for unit u of layer l. */
    private static MPConstraint affine(MPSolver solver, ReluNetwork network, int l, int u, MPVariable[] h,
                                       MPVariable out, double from, double to) {
        MPConstraint row = solver.makeConstraint(from, to);
        row.setCoefficient(out, 1);
        for (int j = 0; j < h.length; j++) {
            double w = network.weight(l, u, j);
            if (w != 0) {
                row.setCoefficient(h[j], -w);
            }
        }
        return row;
    }
}
