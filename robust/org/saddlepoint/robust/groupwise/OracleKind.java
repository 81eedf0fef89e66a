package org.saddlepoint.robust.groupwise;

import java.util.Locale;
import java.util.function.Supplier;

import org.saddlepoint.solvers.linalg.Vectors;
import org.saddlepoint.solvers.online.OnlineGradientDescent;
import org.saddlepoint.solvers.online.OnlineRegressor;
import org.saddlepoint.solvers.online.OnlineRidge;
import org.saddlepoint.solvers.online.VovkAzouryWarmuth;

/** The external-regret oracles the groupwise algorithm (and the baseline) can run on a data set. */
public enum OracleKind {
    /** Online ridge regression, lambda = 1: the oracle of every experiment of the paper. */
    RIDGE,
    /** The Vovk-Azoury-Warmuth forecaster, lambda = 1. */
    VAW,
    /**
     * Online gradient descent over the ball of radius D = sqrt(d) (the box [-1, 1]^d inscribed),
     * with the gradient bound G = 2 (D X + Y) X from the largest feature norm X and label |y| Y of
     * the data (a proposal: the paper runs no OGD experiment).
     */
    OGD;

    /** The ridge penalty of the paper's experiments. */
    public static final double LAMBDA = 1.0;

    /** The command-line name: the constant's name in lower case. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A factory of fresh oracles for the features of {@code data}. */
    public Supplier<OnlineRegressor> factory(GroupedData data) {
        int d = data.dimension();
        return switch (this) {
            case RIDGE -> () -> new OnlineRidge(d, LAMBDA);
            case VAW -> () -> new VovkAzouryWarmuth(d, LAMBDA);
            case OGD -> {
                double radius = Math.sqrt(d);
                double x = 0;
                double y = 0;
                for (int t = 0; t < data.rows(); t++) {
                    double[] row = data.features(t);
                    x = Math.max(x, Math.sqrt(Vectors.dot(row, row)));
                    y = Math.max(y, Math.abs(data.label(t)));
                }
                double gradientBound = Math.max(2 * (radius * x + y) * x, Double.MIN_NORMAL);
                yield () -> new OnlineGradientDescent(d, radius, gradientBound);
            }
        };
    }
}
