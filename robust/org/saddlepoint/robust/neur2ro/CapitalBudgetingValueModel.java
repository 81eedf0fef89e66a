package org.saddlepoint.robust.neur2ro;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.saddlepoint.robust.twostage.CapitalBudgeting;
import org.saddlepoint.solvers.neural.SetEncoderNetwork;
import org.saddlepoint.solvers.neural.SetEncoderTrainer;

/**
 * A trained Neur2RO value model of capital budgeting: the set-based network and its feature scaling. It
 * predicts the total objective -r(xi)^T (x + k y*) divided by {@link CapitalBudgetingFeatures#labelScale}.
 * Saved as versioned JSON ({@link #FORMAT}, {@link #VERSION}).
 */
public record CapitalBudgetingValueModel(SetEncoderNetwork network, CapitalBudgetingFeatures features) {
    public static final String FORMAT = "saddlepoint.neur2ro.capital-budgeting";
    public static final int VERSION = 1;

    /** Neur2RO's capital-budgeting widths (spec section 3.2): embeddings 3/4-16-4, post 4-32-8, value 16-8-1. */
    public static final int[] EMBED = {16, 4};
    public static final int[] POST = {32, 8};
    public static final int VALUE_HIDDEN = 8;

    /** Fits the scaler to {@code data}, initialises the network from {@code options.seed()} and trains it. */
    public static CapitalBudgetingValueModel train(CapitalBudgetingTrainingData data, SetEncoderTrainer.Options options) {
        CapitalBudgetingFeatures features = CapitalBudgetingFeatures.fit(data.instances());
        SetEncoderNetwork start = SetEncoderNetwork.initialise(CapitalBudgetingFeatures.X_WIDTH,
                CapitalBudgetingFeatures.XI_WIDTH, EMBED, POST, VALUE_HIDDEN, options.seed());
        return new CapitalBudgetingValueModel(SetEncoderTrainer.train(start, data.samples(features), options).network(),
                features);
    }

    /** The scaled prediction of the objective at (x, xi). */
    public double predict(CapitalBudgeting p, double[] x, double[] xi) {
        return network.predict(features.xRows(p, x), features.xiRows(p, xi), p.size());
    }

    /** The predicted objective -r(xi)^T (x + k y*) in the instance's units. */
    public double predictObjective(CapitalBudgeting p, double[] x, double[] xi) {
        return predict(p, x, xi) * CapitalBudgetingFeatures.labelScale(p);
    }

    public void save(Path file) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode node = ModelFile.header(mapper, FORMAT, VERSION);
        node.set("features", features.toJson(mapper));
        node.set("network", network.toJson(mapper));
        ModelFile.write(file, mapper, node);
    }

    public static CapitalBudgetingValueModel load(Path file) {
        JsonNode node = ModelFile.read(file, FORMAT, VERSION);
        return new CapitalBudgetingValueModel(SetEncoderNetwork.fromJson(node.path("network")),
                CapitalBudgetingFeatures.fromJson(node.path("features")));
    }
}
