package org.saddlepoint.solvers.online;

/**
 * An external-regret learner for online linear regression with squared loss: each round it
 * predicts a label for the feature vector x_t, then is told the true label y_t. Its regret after
 * T rounds against a linear predictor u is sum_t (yhat_t - y_t)^2 - sum_t (u . x_t - y_t)^2.
 * These are the "oracles" of the groupwise reduction (Acharya et al., ICLR 2024). Mutable and
 * not thread-safe.
 */
public interface OnlineRegressor extends OnlineOracle<double[], Double> {
    /** The dimension d of the feature vectors. */
    int dimension();

    /** The prediction for {@code x} (length d) from the rounds seen so far; changes no state. */
    double predict(double[] x);

    /** Learns the round (x, y); x of length d, all finite. */
    void update(double[] x, double y);

    /** The squared loss (predict(x) - y)^2 of this round's prediction. */
    @Override
    default double loss(double[] x, Double y) {
        double e = predict(x) - y;
        return e * e;
    }

    @Override
    default void update(double[] x, Double y) {
        update(x, y.doubleValue());
    }
}
