package org.saddlepoint.solvers.neural;

import org.saddlepoint.solvers.kernels.Kernels;

/**
 * A {@link ReluNetwork} being trained: its parameters, their gradients and Adam's moment estimates
 * (Kingma and Ba, "Adam: a method for stochastic optimization", ICLR 2015, Algorithm 1). Forward
 * passes go through {@link ReluNetwork#forward} on the kernels, one layer at a time so the
 * pre-activations can be kept for backpropagation. Mutable, single-threaded.
 */
final class TrainableNetwork {
    static final double BETA1 = 0.9;
    static final double BETA2 = 0.999;
    static final double EPSILON = 1e-8;

    private final int[] sizes;
    private final boolean biased;
    private final double[][][] parameters;
    private final double[][][] gradients;
    private final double[][][] first;
    private final double[][][] second;

    /** Inputs of every layer (post-ReLU of the previous one) and its pre-activations, for one batch. */
    record Trace(double[][] inputs, double[][] pre, int batch) {
        double[] output() {
            return pre[pre.length - 1];
        }
    }

    TrainableNetwork(ReluNetwork network) {
        int layers = network.layers();
        sizes = new int[layers + 1];
        for (int l = 0; l <= layers; l++) {
            sizes[l] = network.size(l);
        }
        biased = network.biased();
        parameters = new double[layers][][];
        for (int l = 0; l < layers; l++) {
            parameters[l] = new double[][] {network.weights(l), network.bias(l)};
        }
        gradients = zerosLike(parameters);
        first = zerosLike(parameters);
        second = zerosLike(parameters);
    }

    private static double[][][] zerosLike(double[][][] p) {
        double[][][] z = new double[p.length][][];
        for (int l = 0; l < p.length; l++) {
            z[l] = new double[][] {new double[p[l][0].length], new double[p[l][1].length]};
        }
        return z;
    }

    ReluNetwork snapshot() {
        double[][] w = new double[parameters.length][];
        double[][] b = new double[parameters.length][];
        for (int l = 0; l < parameters.length; l++) {
            w[l] = parameters[l][0];
            b[l] = parameters[l][1];
        }
        return new ReluNetwork(sizes, w, b, biased);
    }

    Trace forward(Kernels kernels, double[] input, int batch) {
        ReluNetwork net = snapshot();
        int layers = parameters.length;
        double[][] inputs = new double[layers][];
        double[][] pre = new double[layers][];
        double[] h = input;
        for (int l = 0; l < layers; l++) {
            inputs[l] = h;
            pre[l] = net.run(kernels, l, l + 1, h, batch);
            h = new double[pre[l].length];
            for (int k = 0; k < h.length; k++) {
                h[k] = Math.max(pre[l][k], 0);
            }
        }
        return new Trace(inputs, pre, batch);
    }

    /**
     * Adds the gradients for d(loss)/d(output) = {@code outputGradient} (batch x outputs) to the
     * accumulated ones; returns d(loss)/d(input).
     */
    double[] backward(Trace trace, double[] outputGradient) {
        double[] delta = outputGradient;
        int batch = trace.batch();
        for (int l = parameters.length - 1; l >= 0; l--) {
            int in = sizes[l];
            int out = sizes[l + 1];
            double[] w = parameters[l][0];
            double[] gw = gradients[l][0];
            double[] gb = gradients[l][1];
            double[] x = trace.inputs()[l];
            double[] previous = new double[batch * in];
            for (int s = 0; s < batch; s++) {
                for (int u = 0; u < out; u++) {
                    double d = delta[s * out + u];
                    if (d == 0) {
                        continue;
                    }
                    gb[u] += d;
                    for (int j = 0; j < in; j++) {
                        gw[u * in + j] += d * x[s * in + j];
                        previous[s * in + j] += d * w[u * in + j];
                    }
                }
            }
            if (l > 0) {
                double[] pre = trace.pre()[l - 1];
                for (int k = 0; k < previous.length; k++) {
                    previous[k] = pre[k] > 0 ? previous[k] : 0;
                }
            }
            delta = previous;
        }
        return delta;
    }

    /** One Adam step (step count {@code t} from 1) with learning rate {@code rate}; clears the gradients. */
    void adamStep(double rate, int t) {
        double c1 = 1 - Math.pow(BETA1, t);
        double c2 = 1 - Math.pow(BETA2, t);
        for (int l = 0; l < parameters.length; l++) {
            for (int kind = 0; kind < (biased ? 2 : 1); kind++) {
                double[] p = parameters[l][kind];
                double[] g = gradients[l][kind];
                double[] m = first[l][kind];
                double[] v = second[l][kind];
                for (int k = 0; k < p.length; k++) {
                    m[k] = BETA1 * m[k] + (1 - BETA1) * g[k];
                    v[k] = BETA2 * v[k] + (1 - BETA2) * g[k] * g[k];
                    p[k] -= rate * (m[k] / c1) / (Math.sqrt(v[k] / c2) + EPSILON);
                }
            }
            java.util.Arrays.fill(gradients[l][0], 0);
            java.util.Arrays.fill(gradients[l][1], 0);
        }
    }
}
