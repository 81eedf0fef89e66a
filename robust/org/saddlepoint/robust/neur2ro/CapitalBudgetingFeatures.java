package org.saddlepoint.robust.neur2ro;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.saddlepoint.robust.twostage.CapitalBudgeting;
import org.saddlepoint.solvers.InvalidInputException;

/**
 * Neur2RO's per-project features of capital budgeting (repository {@code ro/data_preprocessor/cb.py}, spec
 * section 3.2), min-max scaled: x-set row i = [x_i, cbar_i, rbar_i]; xi-set row i =
 * [(1 + phi_i^T xi / 2) / 1.5, (1 + psi_i^T xi / 2) / 1.5, cbar_i, rbar_i]. cbar and rbar are scaled to the
 * range of the training instances; the multipliers, whose minimum the repository forces to 0, are divided
 * by their largest value over U = [-1, 1]^m, 1.5 (the repository: 1.4964, the largest in its data).
 * Labels (the total objective -r(xi)^T (x + k y)) are divided by sum_i max_xi r_i(xi), so scaled labels lie
 * in [-1, 0] for every instance size (in place of the repository's min-max per size n).
 */
public final class CapitalBudgetingFeatures {
    /** Features per project in the x-set. */
    public static final int X_WIDTH = 3;
    /** Features per project in the xi-set. */
    public static final int XI_WIDTH = 4;
    /** The largest multiplier 1 + phi^T xi / 2 over xi in [-1, 1]^m, phi in the unit simplex. */
    static final double MULTIPLIER_MAX = 1.5;

    private final double costMin;
    private final double costMax;
    private final double revenueMin;
    private final double revenueMax;

    public CapitalBudgetingFeatures(double costMin, double costMax, double revenueMin, double revenueMax) {
        if (!(costMin <= costMax && revenueMin <= revenueMax) || !Double.isFinite(costMax - costMin)
                || !Double.isFinite(revenueMax - revenueMin)) {
            throw new InvalidInputException("a capital-budgeting feature scaler needs finite ranges min <= max");
        }
        this.costMin = costMin;
        this.costMax = costMax;
        this.revenueMin = revenueMin;
        this.revenueMax = revenueMax;
    }

    /** The scaler spanning the project data of {@code instances}. */
    public static CapitalBudgetingFeatures fit(Iterable<CapitalBudgeting> instances) {
        double[] range = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY};
        for (CapitalBudgeting p : instances) {
            for (int i = 0; i < p.size(); i++) {
                range[0] = Math.min(range[0], p.nominalCost(i));
                range[1] = Math.max(range[1], p.nominalCost(i));
                range[2] = Math.min(range[2], p.nominalRevenue(i));
                range[3] = Math.max(range[3], p.nominalRevenue(i));
            }
        }
        return new CapitalBudgetingFeatures(range[0], range[1], range[2], range[3]);
    }

    /** The n scaled x-set rows (row-major) for the first stage x (0/1 entries). */
    public double[] xRows(CapitalBudgeting p, double[] x) {
        double[] rows = new double[p.size() * X_WIDTH];
        for (int i = 0; i < p.size(); i++) {
            rows[i * X_WIDTH] = x[i];
            rows[i * X_WIDTH + 1] = scaledCost(p, i);
            rows[i * X_WIDTH + 2] = scaledRevenue(p, i);
        }
        return rows;
    }

    /** The n scaled xi-set rows for the scenario xi. */
    public double[] xiRows(CapitalBudgeting p, double[] xi) {
        double[] rows = new double[p.size() * XI_WIDTH];
        for (int i = 0; i < p.size(); i++) {
            rows[i * XI_WIDTH] = p.costMultiplier(i, xi) / MULTIPLIER_MAX;
            rows[i * XI_WIDTH + 1] = p.revenueMultiplier(i, xi) / MULTIPLIER_MAX;
            rows[i * XI_WIDTH + 2] = scaledCost(p, i);
            rows[i * XI_WIDTH + 3] = scaledRevenue(p, i);
        }
        return rows;
    }

    double scaledCost(CapitalBudgeting p, int i) {
        return scale(p.nominalCost(i), costMin, costMax);
    }

    double scaledRevenue(CapitalBudgeting p, int i) {
        return scale(p.nominalRevenue(i), revenueMin, revenueMax);
    }

    private static double scale(double value, double min, double max) {
        return max > min ? (value - min) / (max - min) : 0;
    }

    /** The label scale of {@code p}: sum_i max_xi r_i(xi) = -(the smallest possible objective). */
    public static double labelScale(CapitalBudgeting p) {
        return Math.max(-p.recourseLowerBound(), 1e-12);
    }

    public ObjectNode toJson(ObjectMapper mapper) {
        ObjectNode node = mapper.createObjectNode();
        node.putArray("cost").add(costMin).add(costMax);
        node.putArray("revenue").add(revenueMin).add(revenueMax);
        return node;
    }

    public static CapitalBudgetingFeatures fromJson(JsonNode node) {
        JsonNode cost = node.path("cost");
        JsonNode revenue = node.path("revenue");
        if (cost.size() != 2 || revenue.size() != 2) {
            throw new InvalidInputException("a capital-budgeting feature scaler needs 'cost' and 'revenue' ranges [min, max]");
        }
        return new CapitalBudgetingFeatures(cost.get(0).asDouble(), cost.get(1).asDouble(), revenue.get(0).asDouble(),
                revenue.get(1).asDouble());
    }
}
