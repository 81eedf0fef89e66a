package org.saddlepoint.robust.neur2ro;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.saddlepoint.robust.twostage.RobustKnapsack;
import org.saddlepoint.solvers.InvalidInputException;
import org.saddlepoint.solvers.neural.SetEncoderNetwork;
import org.saddlepoint.solvers.neural.SetEncoderTrainer;

/**
 * A trained Neur2RO value model of the knapsack: the set-based network and its feature scaling.
 * It predicts Q(x, xi) / sum_i f_i. Saved as versioned JSON ({@link #FORMAT}, {@link #VERSION}).
 */
public record KnapsackValueModel(SetEncoderNetwork network, KnapsackFeatures features) {
    public static final String FORMAT = "saddlepoint.neur2ro.knapsack";
    public static final int VERSION = 1;

    /** Neur2RO's knapsack widths (spec section 3.2): embeddings 7-32-16, post 16-64-8, value 16-8-1. */
    public static final int[] EMBED = {32, 16};
    public static final int[] POST = {64, 8};
    public static final int VALUE_HIDDEN = 8;

    /** Fits the scaler to {@code data}, initialises the network from {@code options.seed()} and trains it. */
    public static KnapsackValueModel train(KnapsackTrainingData data, SetEncoderTrainer.Options options) {
        KnapsackFeatures features = KnapsackFeatures.fit(data.instances());
        SetEncoderNetwork start = SetEncoderNetwork.initialise(KnapsackFeatures.WIDTH, KnapsackFeatures.WIDTH, EMBED,
                POST, VALUE_HIDDEN, options.seed());
        return new KnapsackValueModel(SetEncoderTrainer.train(start, data.samples(features), options).network(),
                features);
    }

    /** The scaled prediction of Q(x, xi). */
    public double predict(RobustKnapsack p, double[] x, double[] xi) {
        return network.predict(features.rows(p, x), features.rows(p, xi), p.size());
    }

    public void save(Path file) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode node = mapper.createObjectNode();
        node.put("format", FORMAT);
        node.put("version", VERSION);
        node.set("features", features.toJson(mapper));
        node.set("network", network.toJson(mapper));
        try {
            Files.writeString(file, mapper.writeValueAsString(node));
        } catch (IOException e) {
            throw new InvalidInputException(file + ": cannot be written: " + e.getMessage(), e);
        }
    }

    public static KnapsackValueModel load(Path file) {
        JsonNode node;
        try {
            node = new ObjectMapper().readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(file + ": not JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new InvalidInputException(file + ": cannot be read: " + e.getMessage(), e);
        }
        if (!FORMAT.equals(node.path("format").asText()) || node.path("version").asInt() != VERSION) {
            throw new InvalidInputException(file + ": not a " + FORMAT + " version " + VERSION + " model");
        }
        return new KnapsackValueModel(SetEncoderNetwork.fromJson(node.path("network")),
                KnapsackFeatures.fromJson(node.path("features")));
    }
}
