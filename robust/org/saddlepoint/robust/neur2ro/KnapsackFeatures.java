package org.saddlepoint.robust.neur2ro;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.saddlepoint.robust.twostage.RobustKnapsack;
import org.saddlepoint.solvers.InvalidInputException;

/**
 * Neur2RO's per-item features of the knapsack (repository {@code ro/data_preprocessor/kp.py}, spec
 * section 3.2), min-max scaled: row i = [d_i, c_i, pbar_i, phat_i, f_i, t_i, C] with d_i = x_i for the
 * x-set and d_i = xi_i for the xi-set; the decision column keeps its range [0, 1]. Labels (the recourse
 * value Q) are divided by sum_i f_i: Q lies in [-sum_i f_i, 0], so scaled labels lie in [-1, 0] for every
 * instance size (in place of the repository's min-max per size n).
 */
public final class KnapsackFeatures {
    /** Features per item. */
    public static final int WIDTH = 7;

    private final double[] min;
    private final double[] max;

    public KnapsackFeatures(double[] min, double[] max) {
        if (min.length != WIDTH || max.length != WIDTH) {
            throw new InvalidInputException("a knapsack feature scaler has " + WIDTH + " columns");
        }
        this.min = min.clone();
        this.max = max.clone();
        this.min[0] = 0;
        this.max[0] = 1;
    }

    /** The scaler spanning the item data of {@code instances}. */
    public static KnapsackFeatures fit(Iterable<RobustKnapsack> instances) {
        double[] lo = new double[WIDTH];
        double[] hi = new double[WIDTH];
        java.util.Arrays.fill(lo, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(hi, Double.NEGATIVE_INFINITY);
        for (RobustKnapsack p : instances) {
            for (int i = 0; i < p.size(); i++) {
                double[] raw = raw(p, i, 0);
                for (int j = 1; j < WIDTH; j++) {
                    lo[j] = Math.min(lo[j], raw[j]);
                    hi[j] = Math.max(hi[j], raw[j]);
                }
            }
        }
        return new KnapsackFeatures(lo, hi);
    }

    private static double[] raw(RobustKnapsack p, int i, double decision) {
        return new double[] {decision, p.weight(i), p.nominalProfit(i), p.degradation(i), p.outsourcingCost(i),
            p.repairWeight(i), p.capacity()};
    }

    /** The n scaled rows (row-major) for decisions d (x or xi). */
    public double[] rows(RobustKnapsack p, double[] d) {
        double[] rows = new double[p.size() * WIDTH];
        for (int i = 0; i < p.size(); i++) {
            double[] raw = raw(p, i, d[i]);
            for (int j = 0; j < WIDTH; j++) {
                rows[i * WIDTH + j] = scale(j, raw[j]);
            }
        }
        return rows;
    }

    private double scale(int column, double value) {
        double range = max[column] - min[column];
        return range > 0 ? (value - min[column]) / range : 0;
    }

    /** The label scale of {@code p}: sum_i |f_i|. */
    public static double labelScale(RobustKnapsack p) {
        double sum = 0;
        for (int i = 0; i < p.size(); i++) {
            sum += Math.abs(p.outsourcingCost(i));
        }
        return Math.max(sum, 1e-12);
    }

    public ObjectNode toJson(ObjectMapper mapper) {
        ObjectNode node = mapper.createObjectNode();
        ArrayNode lo = node.putArray("min");
        ArrayNode hi = node.putArray("max");
        for (int j = 0; j < WIDTH; j++) {
            lo.add(min[j]);
            hi.add(max[j]);
        }
        return node;
    }

    public static KnapsackFeatures fromJson(JsonNode node) {
        JsonNode lo = node.path("min");
        JsonNode hi = node.path("max");
        if (lo.size() != WIDTH || hi.size() != WIDTH) {
            throw new InvalidInputException("a knapsack feature scaler needs 'min' and 'max' of " + WIDTH + " numbers");
        }
        double[] a = new double[WIDTH];
        double[] b = new double[WIDTH];
        for (int j = 0; j < WIDTH; j++) {
            a[j] = lo.get(j).asDouble();
            b[j] = hi.get(j).asDouble();
        }
        return new KnapsackFeatures(a, b);
    }
}
