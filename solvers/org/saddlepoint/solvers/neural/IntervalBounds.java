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
        return propagate(network, 0, new double[network.layers()][], new double[network.layers()][], lo.clone(),
                hi.clone());
    }

    /**
     * These bounds with the first layer's pre-activations intersected with [lower, upper], bounds the caller
     * proves under constraints the input box does not express (a budget over the inputs, say); the later
     * layers are propagated again from them. Valid wherever both are.
     */
    public IntervalBounds tightenFirstLayer(ReluNetwork network, double[] lower, double[] upper) {
        if (lower.length != network.size(1) || upper.length != network.size(1)) {
            throw new InvalidInputException("first-layer bounds must have " + network.size(1) + " entries");
        }
        int layers = network.layers();
        double[][] lo = new double[layers][];
        double[][] hi = new double[layers][];
        lo[0] = new double[lower.length];
        hi[0] = new double[upper.length];
        for (int u = 0; u < lower.length; u++) {
            lo[0][u] = Math.max(this.lower[0][u], lower[u]);
            hi[0][u] = Math.max(lo[0][u], Math.min(this.upper[0][u], upper[u]));
        }
        double[] inLo = new double[lower.length];
        double[] inHi = new double[upper.length];
        for (int u = 0; u < lower.length; u++) {
            inLo[u] = Math.max(lo[0][u], 0);
            inHi[u] = Math.max(hi[0][u], 0);
        }
        return propagate(network, 1, lo, hi, inLo, inHi);
    }

    /** Interval arithmetic from layer {@code first} on, with [inLo, inHi] the box of its input. */
    private static IntervalBounds propagate(ReluNetwork network, int first, double[][] lower, double[][] upper,
                                            double[] inLo, double[] inHi) {
        int layers = network.layers();
        for (int l = first; l < layers; l++) {
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
