package org.saddlepoint.solvers.neural;

import org.saddlepoint.solvers.InvalidInputException;

/**
 * Bounds on every pre-activation of a {@link ReluNetwork} over an input box, by interval arithmetic
 * layer by layer: for a = W h + b with h in [lo, hi], U = b + sum_j max(w_j lo_j, w_j hi_j) and
 * L = b + sum_j min(w_j lo_j, w_j hi_j); after a ReLU the box is [max(L, 0), max(U, 0)]. Valid (no input
 * of the box leaves them), not tight. They are the big-M constants of {@link ReluMipEmbedding}.
 */
public final class IntervalBounds {
    private final double[][] lower;
    private final double[][] upper;

    private IntervalBounds(double[][] lower, double[][] upper) {
        this.lower = lower;
        this.upper = upper;
    }

    /** Propagates the box [lo, hi] through {@code network}. */
    public static IntervalBounds of(ReluNetwork network, double[] lo, double[] hi) {
        if (lo.length != network.inputSize() || hi.length != network.inputSize()) {
            throw new InvalidInputException("the input box must have " + network.inputSize() + " entries");
        }
        int layers = network.layers();
        double[][] lower = new double[layers][];
        double[][] upper = new double[layers][];
        double[] inLo = lo.clone();
        double[] inHi = hi.clone();
        for (int l = 0; l < layers; l++) {
            int out = network.size(l + 1);
            lower[l] = new double[out];
            upper[l] = new double[out];
            for (int u = 0; u < out; u++) {
                double a = network.biasEntry(l, u);
                double b = a;
                for (int j = 0; j < inLo.length; j++) {
                    double w = network.weight(l, u, j);
                    a += Math.min(w * inLo[j], w * inHi[j]);
                    b += Math.max(w * inLo[j], w * inHi[j]);
                }
                lower[l][u] = a;
                upper[l][u] = b;
            }
            inLo = new double[out];
            inHi = new double[out];
            for (int u = 0; u < out; u++) {
                inLo[u] = Math.max(lower[l][u], 0);
                inHi[u] = Math.max(upper[l][u], 0);
            }
        }
        return new IntervalBounds(lower, upper);
    }

    /** The lower bound of pre-activation {@code unit} of layer {@code layer}. */
    public double lower(int layer, int unit) {
        return lower[layer][unit];
    }

    public double upper(int layer, int unit) {
        return upper[layer][unit];
    }

    /** Bounds of the network's (linear) output {@code unit}. */
    public double outputLower(int unit) {
        return lower[lower.length - 1][unit];
    }

    public double outputUpper(int unit) {
        return upper[upper.length - 1][unit];
    }
}
