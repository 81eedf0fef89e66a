package org.saddlepoint.robust.neur2ro;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;

import org.saddlepoint.solvers.kernels.KernelBackend;
import org.saddlepoint.solvers.kernels.Kernels;
import org.saddlepoint.solvers.mip.MipBackend;
import org.saddlepoint.solvers.mip.MipSolve;
import org.saddlepoint.solvers.neural.ReluMipEmbedding;
import org.saddlepoint.solvers.neural.ReluNetwork;
import org.saddlepoint.solvers.neural.SetEncoderNetwork;

/**
 * The pieces of Neur2RO's main and adversarial problems built from a {@link SetEncoderNetwork} (spec sections
 * 3.5 and 3.6): the x-representation h_x of a binary first stage, the sum aggregation of per-item
 * embeddings followed by a post network, and the "argmax" scenario selection over per-scenario copies of the
 * value network.
 */
final class SetEncoderMip {
    /** The relative MIP gap of the main and adversarial problems, as in the repository (Gurobi MIPGap 1e-3). */
    static final double MIP_GAP = 1e-3;

    private SetEncoderMip() {
    }

    /**
     * Builds a MIP of {@code backend} with {@code build}, solves it within {@code seconds} to {@link #MIP_GAP} and
     * returns what the reader that {@code build} returned reads from the solution; null when the time ran out.
     */
    static <T> T solve(MipBackend backend, double seconds, String what, Function<MPSolver, Supplier<T>> build) {
        if (seconds <= 0) {
            return null;
        }
        MPSolver mip = backend.newSolver();
        try {
            Supplier<T> read = build.apply(mip);
            return MipSolve.optimal(mip, seconds, what, MIP_GAP) ? read.get() : null;
        } finally {
            mip.delete();
        }
    }

    /** The adversarial objective: maximise V([h_x ; h_xi]) with h_x the constant {@code hx} (spec 3.7). */
    static void maximisePrediction(MPSolver mip, SetEncoderNetwork net, double[] hx, Block hxi) {
        Block joined = Block.constants(mip, hx, "hx").concat(hxi);
        ReluMipEmbedding.Embedded v = ReluMipEmbedding.embed(mip, net.value(), joined.vars(), joined.lo(), joined.hi(),
                "v");
        mip.objective().setCoefficient(v.outputs()[0], 1);
        mip.objective().setMaximization();
    }

    /** MIP variables with valid bounds (the big-M constants of the layers that read them). */
    record Block(MPVariable[] vars, double[] lo, double[] hi) {
        static Block of(ReluMipEmbedding.Embedded e) {
            int w = e.outputs().length;
            double[] lo = new double[w];
            double[] hi = new double[w];
            for (int u = 0; u < w; u++) {
                lo[u] = e.bounds().outputLower(u);
                hi[u] = e.bounds().outputUpper(u);
            }
            return new Block(e.outputs(), lo, hi);
        }

        static Block constants(MPSolver mip, double[] values, String tag) {
            MPVariable[] v = new MPVariable[values.length];
            for (int u = 0; u < values.length; u++) {
                v[u] = mip.makeNumVar(values[u], values[u], tag + u);
            }
            return new Block(v, values.clone(), values.clone());
        }

        /** This block followed by constants {@code values}. */
        Block append(MPSolver mip, double[] values, String tag) {
            return concat(constants(mip, values, tag));
        }

        Block concat(Block other) {
            int a = vars.length;
            int b = other.vars.length;
            MPVariable[] v = Arrays.copyOf(vars, a + b);
            double[] l = Arrays.copyOf(lo, a + b);
            double[] h = Arrays.copyOf(hi, a + b);
            System.arraycopy(other.vars, 0, v, a, b);
            System.arraycopy(other.lo, 0, l, a, b);
            System.arraycopy(other.hi, 0, h, a, b);
            return new Block(v, l, h);
        }
    }

    /**
     * The x-embedding sum of a binary first stage as MIP variables: item i's embedding is E0_i + x_i (E1_i - E0_i),
     * with E0 and E1 the forward passes of L_x on the feature rows at x = 0 ({@code rows0}) and x = 1
     * ({@code rows1}), so the sum is affine in x and needs no binaries. {@code lo} and {@code hi} bound each unit
     * of the sum over x in {0, 1}^n; e0 and e1 are the passes (row-major, n x width).
     */
    record AffineSum(MPVariable[] sum, double[] lo, double[] hi, double[] e0, double[] e1) {
        static AffineSum of(MPSolver mip, ReluNetwork embed, double[] rows0, double[] rows1, MPVariable[] x) {
            int n = x.length;
            double[] e0 = forward(embed, rows0, n);
            double[] e1 = forward(embed, rows1, n);
            int w = embed.outputSize();
            MPVariable[] sum = new MPVariable[w];
            double[] lo = new double[w];
            double[] hi = new double[w];
            for (int u = 0; u < w; u++) {
                double base = 0;
                for (int i = 0; i < n; i++) {
                    base += e0[i * w + u];
                    lo[u] += Math.min(e0[i * w + u], e1[i * w + u]);
                    hi[u] += Math.max(e0[i * w + u], e1[i * w + u]);
                }
                sum[u] = mip.makeNumVar(lo[u], hi[u], "ex" + u);
                MPConstraint row = mip.makeConstraint(base, base);
                row.setCoefficient(sum[u], 1);
                for (int i = 0; i < n; i++) {
                    row.setCoefficient(x[i], -(e1[i * w + u] - e0[i * w + u]));
                }
            }
            return new AffineSum(sum, lo, hi, e0, e1);
        }
    }

    /** h_x for the binaries {@code x}: the {@link AffineSum}, then the post network P_x embedded on its box. */
    static Block xRepresentation(MPSolver mip, SetEncoderNetwork net, double[] rows0, double[] rows1, MPVariable[] x) {
        AffineSum s = AffineSum.of(mip, net.xEmbed(), rows0, rows1, x);
        return Block.of(ReluMipEmbedding.embed(mip, net.xPost(), s.sum(), s.lo(), s.hi(), "px"));
    }

    /** The per-item forward pass of {@code embed} over n rows. */
    static double[] forward(ReluNetwork embed, double[] rows, int n) {
        try (Kernels k = Kernels.open(KernelBackend.JAVA)) {
            return embed.forward(k, rows, n);
        }
    }

    /** post(base + sum of {@code parts}): the sum aggregation of embedded items, then the post network. */
    static Block sumThenPost(MPSolver mip, ReluNetwork post, List<Block> parts, double[] base, String tag) {
        int w = base.length;
        double[] lo = base.clone();
        double[] hi = base.clone();
        MPVariable[] sum = new MPVariable[w];
        for (int u = 0; u < w; u++) {
            for (Block part : parts) {
                lo[u] += part.lo()[u];
                hi[u] += part.hi()[u];
            }
            sum[u] = mip.makeNumVar(lo[u], hi[u], "sum" + tag + u);
            MPConstraint row = mip.makeConstraint(base[u], base[u]);
            row.setCoefficient(sum[u], 1);
            for (Block part : parts) {
                row.setCoefficient(part.vars()[u], -1);
            }
        }
        return Block.of(ReluMipEmbedding.embed(mip, post, sum, lo, hi, "post" + tag));
    }

    /**
     * The "argmax" selection of the main problem (spec 3.6): a copy of the value network per scenario j, on
     * [h_x ; h_xi^j] with h_xi^j the constant {@code hxi.get(j)}, binaries s_j with sum_j s_j = 1,
     * A &gt;= pred_j and A &lt;= pred_j + M (1 - s_j), M the spread of the predictions' interval bounds.
     *
     * @return s, the one-hot choice of the worst scenario
     */
    static MPVariable[] selectWorst(MPSolver mip, SetEncoderNetwork net, Block hx, List<double[]> hxi) {
        int k = hxi.size();
        MPVariable[] pred = new MPVariable[k];
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < k; j++) {
            Block joined = hx.concat(Block.constants(mip, hxi.get(j), "hxi" + j));
            ReluMipEmbedding.Embedded v = ReluMipEmbedding.embed(mip, net.value(), joined.vars(), joined.lo(),
                    joined.hi(), "v" + j);
            pred[j] = v.outputs()[0];
            low = Math.min(low, v.bounds().outputLower(0));
            high = Math.max(high, v.bounds().outputUpper(0));
        }
        return selection(mip, pred, low, high);
    }

    /**
     * The "argmax" selection over predictions in [low, high]: s one-hot, A &gt;= pred_j and
     * A &lt;= pred_j + M (1 - s_j) with M = high - low, so A is the largest prediction and s picks it.
     */
    static MPVariable[] selection(MPSolver mip, MPVariable[] pred, double low, double high) {
        double bigM = high - low;
        MPVariable a = mip.makeNumVar(low, high, "A");
        MPVariable[] s = new MPVariable[pred.length];
        MPConstraint one = mip.makeConstraint(1, 1, "one");
        for (int j = 0; j < pred.length; j++) {
            s[j] = mip.makeBoolVar("s" + j);
            one.setCoefficient(s[j], 1);
            MPConstraint above = mip.makeConstraint(0, Double.POSITIVE_INFINITY);
            above.setCoefficient(a, 1);
            above.setCoefficient(pred[j], -1);
            MPConstraint below = mip.makeConstraint(Double.NEGATIVE_INFINITY, bigM);
            below.setCoefficient(a, 1);
            below.setCoefficient(pred[j], -1);
            below.setCoefficient(s[j], bigM);
        }
        return s;
    }

    /** Binaries x_0 .. x_{n-1}. */
    static MPVariable[] binaries(MPSolver mip, int n, String tag) {
        MPVariable[] x = new MPVariable[n];
        for (int i = 0; i < n; i++) {
            x[i] = mip.makeBoolVar(tag + i);
        }
        return x;
    }

    /** The 0/1 values of {@code x} in a solved MIP, rounded (spec pitfall 6). */
    static boolean[] rounded(MPVariable[] x) {
        boolean[] b = new boolean[x.length];
        for (int i = 0; i < x.length; i++) {
            b[i] = x[i].solutionValue() > 0.5;
        }
        return b;
    }

    /** x as 0/1 numbers. */
    /** n copies of {@code value}. */
    static double[] filled(int n, double value) {
        double[] a = new double[n];
        Arrays.fill(a, value);
        return a;
    }

    static double[] asDouble(boolean[] x) {
        double[] d = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            d[i] = x[i] ? 1 : 0;
        }
        return d;
    }
}
