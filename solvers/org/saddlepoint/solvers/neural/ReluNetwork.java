package org.saddlepoint.solvers.neural;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.saddlepoint.solvers.InvalidInputException;
import org.saddlepoint.solvers.kernels.DenseLayer;
import org.saddlepoint.solvers.kernels.DeviceVector;
import org.saddlepoint.solvers.kernels.KernelBackend;
import org.saddlepoint.solvers.kernels.Kernels;
import org.saddlepoint.solvers.kernels.Precision;

/**
 * A dense feed-forward network: affine layers W h + b with a ReLU after every layer but the last,
 * whose output is linear. Layers may be without bias (b fixed at 0), as the per-item embeddings of
 * Neur2RO's set-based network. Forward passes run on a {@link Kernels} backend
 * ({@link Kernels#forward}, batched). Immutable: {@link AdamTrainer} makes new networks.
 */
public final class ReluNetwork {
    private final int[] sizes;
    private final double[][] weights;
    private final double[][] biases;
    private final boolean biased;

    /**
     * @param sizes   layer widths, input first: {@code sizes.length - 1} layers
     * @param weights per layer the row-major {@code sizes[l+1] x sizes[l]} matrix
     * @param biases  per layer a vector of length {@code sizes[l+1]} (zeros when not biased)
     * @param biased  whether the biases are parameters (false: they stay 0)
     */
    public ReluNetwork(int[] sizes, double[][] weights, double[][] biases, boolean biased) {
        if (sizes.length < 2 || weights.length != sizes.length - 1 || biases.length != weights.length) {
            throw new InvalidInputException("a network needs at least one layer and one weight matrix and bias per layer");
        }
        this.sizes = sizes.clone();
        this.weights = new double[weights.length][];
        this.biases = new double[weights.length][];
        for (int l = 0; l < weights.length; l++) {
            if (sizes[l] < 1 || sizes[l + 1] < 1 || weights[l].length != sizes[l] * sizes[l + 1]
                    || biases[l].length != sizes[l + 1]) {
                throw new InvalidInputException("layer " + l + " does not match the sizes " + sizes[l] + " -> " + sizes[l + 1]);
            }
            this.weights[l] = finite("weights", weights[l].clone());
            this.biases[l] = finite("biases", biased ? biases[l].clone() : new double[sizes[l + 1]]);
        }
        this.biased = biased;
    }

    private static double[] finite(String what, double[] v) {
        for (double d : v) {
            if (!Double.isFinite(d)) {
                throw new InvalidInputException("network " + what + " must be finite, got " + d);
            }
        }
        return v;
    }

    /** PyTorch's default initialisation: every weight and bias U(-1/sqrt(fan in), 1/sqrt(fan in)). */
    public static ReluNetwork initialise(int[] sizes, boolean biased, SplittableRandom rng) {
        double[][] w = new double[sizes.length - 1][];
        double[][] b = new double[sizes.length - 1][];
        for (int l = 0; l < w.length; l++) {
            double bound = 1 / Math.sqrt(sizes[l]);
            w[l] = new double[sizes[l] * sizes[l + 1]];
            b[l] = new double[sizes[l + 1]];
            for (int k = 0; k < w[l].length; k++) {
                w[l][k] = rng.nextDouble(-bound, bound);
            }
            for (int k = 0; biased && k < b[l].length; k++) {
                b[l][k] = rng.nextDouble(-bound, bound);
            }
        }
        return new ReluNetwork(sizes, w, b, biased);
    }

    public int layers() {
        return weights.length;
    }

    /** Width of layer boundary {@code l}: 0 is the input, {@link #layers()} the output. */
    public int size(int l) {
        return sizes[l];
    }

    public int inputSize() {
        return sizes[0];
    }

    public int outputSize() {
        return sizes[sizes.length - 1];
    }

    public boolean biased() {
        return biased;
    }

    /** The row-major weights of layer l (a copy). */
    public double[] weights(int l) {
        return weights[l].clone();
    }

    /** The bias of layer l (a copy). */
    public double[] bias(int l) {
        return biases[l].clone();
    }

    double weight(int l, int out, int in) {
        return weights[l][out * sizes[l] + in];
    }

    double biasEntry(int l, int out) {
        return biases[l][out];
    }

    /** The output for one input, in plain Java. */
    public double[] forward(double[] input) {
        try (Kernels k = Kernels.open(KernelBackend.JAVA)) {
            return forward(k, input, 1);
        }
    }

    /**
     * The outputs for {@code batch} inputs stored one after another in {@code inputs}, through
     * {@link Kernels#forward} on {@code kernels} (in double).
     */
    public double[] forward(Kernels kernels, double[] inputs, int batch) {
        return run(kernels, 0, layers(), inputs, batch);
    }

    /** Layers [from, to) on a batch; the last of them linear. */
    double[] run(Kernels kernels, int from, int to, double[] inputs, int batch) {
        if (inputs.length != batch * sizes[from]) {
            throw new InvalidInputException("a batch of " + batch + " inputs of width " + sizes[from] + " needs "
                    + batch * sizes[from] + " numbers, got " + inputs.length);
        }
        List<DenseLayer> layers = new ArrayList<>();
        for (int l = from; l < to; l++) {
            layers.add(new DenseLayer(kernels.matrix(weights[l], sizes[l + 1], sizes[l]), kernels.vector(biases[l])));
        }
        double[] out = new double[batch * sizes[to]];
        try (DeviceVector in = kernels.vector(inputs); DeviceVector result = kernels.zeros(Precision.DOUBLE, out.length)) {
            kernels.forward(layers, in, batch, result);
            kernels.read(result, out);
        } finally {
            for (DenseLayer layer : layers) {
                layer.weights().close();
                layer.bias().close();
            }
        }
        return out;
    }

    /** This network as JSON: sizes, biased, per layer weights and bias. */
    public ObjectNode toJson(ObjectMapper mapper) {
        ObjectNode node = mapper.createObjectNode();
        ArrayNode s = node.putArray("sizes");
        for (int v : sizes) {
            s.add(v);
        }
        node.put("biased", biased);
        ArrayNode layers = node.putArray("layers");
        for (int l = 0; l < weights.length; l++) {
            ObjectNode layer = layers.addObject();
            ArrayNode w = layer.putArray("weights");
            for (double v : weights[l]) {
                w.add(v);
            }
            ArrayNode b = layer.putArray("bias");
            for (double v : biases[l]) {
                b.add(v);
            }
        }
        return node;
    }

    /** Reads {@link #toJson}'s form; malformed JSON is an {@link InvalidInputException}. */
    public static ReluNetwork fromJson(JsonNode node) {
        JsonNode s = node.path("sizes");
        JsonNode layers = node.path("layers");
        if (!s.isArray() || !layers.isArray() || !node.path("biased").isBoolean()) {
            throw new InvalidInputException("a network needs 'sizes', 'biased' and 'layers'");
        }
        int[] sizes = new int[s.size()];
        for (int k = 0; k < sizes.length; k++) {
            sizes[k] = s.get(k).asInt();
        }
        double[][] w = new double[layers.size()][];
        double[][] b = new double[layers.size()][];
        for (int l = 0; l < w.length; l++) {
            w[l] = numbers(layers.get(l).path("weights"));
            b[l] = numbers(layers.get(l).path("bias"));
        }
        return new ReluNetwork(sizes, w, b, node.get("biased").asBoolean());
    }

    private static double[] numbers(JsonNode array) {
        if (!array.isArray()) {
            throw new InvalidInputException("a layer needs 'weights' and 'bias' arrays");
        }
        double[] v = new double[array.size()];
        for (int k = 0; k < v.length; k++) {
            if (!array.get(k).isNumber()) {
                throw new InvalidInputException("a network parameter is not a number: " + array.get(k));
            }
            v[k] = array.get(k).asDouble();
        }
        return v;
    }
}
