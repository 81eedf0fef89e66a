package org.saddlepoint.solvers.neural;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.saddlepoint.solvers.InvalidInputException;
import org.saddlepoint.solvers.kernels.KernelBackend;
import org.saddlepoint.solvers.kernels.Kernels;

/**
 * The set-based (DeepSets-like) value network of Neur2RO (Dumouchelle, Julien, Kurtz and Khalil, ICLR
 * 2024; repository {@code ro/models/set_encoder.py}, spec section 3.2), for a first stage x and a
 * scenario xi each given as n rows of per-item features:
 * <pre>
 *   h_x  = P_x( sum_i L_x(row_x_i) ),     h_xi = P_xi( sum_i L_xi(row_xi_i) ),
 *   out  = V( [h_x ; h_xi] ),
 * </pre>
 * each of L_x, P_x, L_xi, P_xi, V a {@link ReluNetwork} with one hidden ReLU layer; the four
 * encoders have no bias (so zero padding rows add nothing), V has one. Immutable; saved as versioned
 * JSON ({@link #FORMAT}, {@link #VERSION}).
 */
public final class SetEncoderNetwork {
    public static final String FORMAT = "saddlepoint.set-encoder";
    public static final int VERSION = 1;

    private final ReluNetwork xEmbed;
    private final ReluNetwork xPost;
    private final ReluNetwork xiEmbed;
    private final ReluNetwork xiPost;
    private final ReluNetwork value;

    public SetEncoderNetwork(ReluNetwork xEmbed, ReluNetwork xPost, ReluNetwork xiEmbed, ReluNetwork xiPost,
                             ReluNetwork value) {
        if (xEmbed.outputSize() != xPost.inputSize() || xiEmbed.outputSize() != xiPost.inputSize()
                || xPost.outputSize() + xiPost.outputSize() != value.inputSize() || value.outputSize() != 1) {
            throw new InvalidInputException("the set-encoder blocks do not fit together");
        }
        this.xEmbed = xEmbed;
        this.xPost = xPost;
        this.xiEmbed = xiEmbed;
        this.xiPost = xiPost;
        this.value = value;
    }

    /**
     * A freshly initialised network (PyTorch's initialisation, from {@code seed}).
     *
     * @param embed  {hidden, out} widths of L_x and L_xi
     * @param post   {hidden, out} widths of P_x and P_xi
     * @param hidden the hidden width of V
     */
    public static SetEncoderNetwork initialise(int xFeatures, int xiFeatures, int[] embed, int[] post, int hidden,
                                               long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        return new SetEncoderNetwork(
                ReluNetwork.initialise(new int[] {xFeatures, embed[0], embed[1]}, false, rng),
                ReluNetwork.initialise(new int[] {embed[1], post[0], post[1]}, false, rng),
                ReluNetwork.initialise(new int[] {xiFeatures, embed[0], embed[1]}, false, rng),
                ReluNetwork.initialise(new int[] {embed[1], post[0], post[1]}, false, rng),
                ReluNetwork.initialise(new int[] {2 * post[1], hidden, 1}, true, rng));
    }

    public ReluNetwork xEmbed() {
        return xEmbed;
    }

    public ReluNetwork xPost() {
        return xPost;
    }

    public ReluNetwork xiEmbed() {
        return xiEmbed;
    }

    public ReluNetwork xiPost() {
        return xiPost;
    }

    public ReluNetwork value() {
        return value;
    }

    /** h_x for the n rows of {@code rows} (row-major, n x xFeatures). */
    public double[] xRepresentation(double[] rows, int n) {
        return encode(xEmbed, xPost, rows, n);
    }

    /** h_xi for the n rows of {@code rows}. */
    public double[] xiRepresentation(double[] rows, int n) {
        return encode(xiEmbed, xiPost, rows, n);
    }

    /** V([hx ; hxi]). */
    public double value(double[] hx, double[] hxi) {
        double[] joined = new double[hx.length + hxi.length];
        System.arraycopy(hx, 0, joined, 0, hx.length);
        System.arraycopy(hxi, 0, joined, hx.length, hxi.length);
        return value.forward(joined)[0];
    }

    /** The prediction for x rows and xi rows of n items each. */
    public double predict(double[] xRows, double[] xiRows, int n) {
        return value(xRepresentation(xRows, n), xiRepresentation(xiRows, n));
    }

    private static double[] encode(ReluNetwork embed, ReluNetwork post, double[] rows, int n) {
        try (Kernels k = Kernels.open(KernelBackend.JAVA)) {
            double[] sum = sumRows(embed.forward(k, rows, n), n, embed.outputSize());
            return post.forward(k, sum, 1);
        }
    }

    static double[] sumRows(double[] rows, int n, int width) {
        double[] sum = new double[width];
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < width; j++) {
                sum[j] += rows[r * width + j];
            }
        }
        return sum;
    }

    public ObjectNode toJson(ObjectMapper mapper) {
        ObjectNode node = mapper.createObjectNode();
        node.put("format", FORMAT);
        node.put("version", VERSION);
        node.set("x_embed", xEmbed.toJson(mapper));
        node.set("x_post", xPost.toJson(mapper));
        node.set("xi_embed", xiEmbed.toJson(mapper));
        node.set("xi_post", xiPost.toJson(mapper));
        node.set("value", value.toJson(mapper));
        return node;
    }

    /** Reads {@link #toJson}'s form; another format or version is an {@link InvalidInputException}. */
    public static SetEncoderNetwork fromJson(JsonNode node) {
        if (!FORMAT.equals(node.path("format").asText()) || node.path("version").asInt() != VERSION) {
            throw new InvalidInputException("not a " + FORMAT + " version " + VERSION + " network");
        }
        return new SetEncoderNetwork(ReluNetwork.fromJson(node.path("x_embed")), ReluNetwork.fromJson(node.path("x_post")),
                ReluNetwork.fromJson(node.path("xi_embed")), ReluNetwork.fromJson(node.path("xi_post")),
                ReluNetwork.fromJson(node.path("value")));
    }

    public void save(Path file) {
        ObjectMapper mapper = new ObjectMapper();
        try {
            Files.writeString(file, mapper.writeValueAsString(toJson(mapper)));
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("cannot write the network as JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new InvalidInputException(file + ": cannot be written: " + e.getMessage(), e);
        }
    }

    public static SetEncoderNetwork load(Path file) {
        try {
            return fromJson(new ObjectMapper().readTree(Files.readString(file)));
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(file + ": not JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new InvalidInputException(file + ": cannot be read: " + e.getMessage(), e);
        }
    }
}
