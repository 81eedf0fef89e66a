package org.saddlepoint.solvers.online;

import org.saddlepoint.solvers.linalg.Vectors;

/**
 * The Vovk-Azoury-Warmuth forecaster (Vovk 2001; Azoury and Warmuth 2001; Cesa-Bianchi and
 * Lugosi, "Prediction, Learning, and Games", 2006, Section 11.8): the current x_t enters the Gram
 * matrix before predicting,
 * yhat_t = x_t^T (lambda I + sum_{s&lt;=t} x_s x_s^T)^{-1} sum_{s&lt;t} y_s x_s, which by
 * Sherman-Morrison is theta . x_t / (1 + x_t^T A_{t-1}^{-1} x_t), theta the online ridge solution.
 * Regret against any u (Cesa-Bianchi and Lugosi, Theorem 11.8): at most
 * lambda ||u||^2 + d Y^2 ln(1 + T X^2 / (lambda d)) with |y_t| &lt;= Y, ||x_t|| &lt;= X.
 * O(d^2) time per round.
 */
public final class VovkAzouryWarmuth extends ShermanMorrisonRegressor {
    private final double[] scratch;

    /** The forecaster on R^d with penalty {@code lambda} (finite, &gt; 0). */
    public VovkAzouryWarmuth(int d, double lambda) {
        super(d, lambda);
        scratch = new double[d];
    }

    @Override
    public double predict(double[] x) {
        check(x);
        return Vectors.dot(theta, x) / (1 + multiplyInverse(x, scratch));
    }

    @Override
    public String name() {
        return "Vovk-Azoury-Warmuth (lambda = " + lambda() + ")";
    }
}
