package org.saddlepoint.solvers.online;

import org.saddlepoint.solvers.Checks;
import org.saddlepoint.solvers.InvalidInputException;
import org.saddlepoint.solvers.linalg.Vectors;

/**
 * The state that online ridge regression and the Vovk-Azoury-Warmuth forecaster share: with
 * A_t = lambda I + sum_{s&lt;=t} x_s x_s^T and b_t = sum_{s&lt;=t} y_s x_s, the inverse P = A_t^{-1}
 * (kept by the Sherman-Morrison rank-one update, O(d^2) per round) and the ridge solution
 * theta = P b, updated as theta += P x (y - theta . x) / (1 + x^T P x).
 */
abstract class ShermanMorrisonRegressor implements OnlineRegressor {
    final int d;
    /** P = A^{-1}, row-major d x d, symmetric. */
    final double[] inverse;
    final double[] theta;
    private final double[] px;
    private final double lambda;

    ShermanMorrisonRegressor(int d, double lambda) {
        this.d = Checks.positive("dimension", d);
        this.lambda = Checks.positive("ridge penalty lambda", lambda);
        inverse = new double[d * d];
        for (int i = 0; i < d; i++) {
            inverse[i * d + i] = 1 / lambda;
        }
        theta = new double[d];
        px = new double[d];
    }

    @Override
    public final int dimension() {
        return d;
    }

    /** The regularisation lambda of A_0 = lambda I. */
    public final double lambda() {
        return lambda;
    }

    /** The current ridge solution theta = A^{-1} b (a copy). */
    public final double[] coefficients() {
        return theta.clone();
    }

    @Override
    public final void update(double[] x, double y) {
        check(x);
        if (!Double.isFinite(y)) {
            throw new InvalidInputException("label is not finite: " + y);
        }
        double quadratic = multiplyInverse(x, px);
        double denominator = 1 + quadratic;
        double step = (y - Vectors.dot(theta, x)) / denominator;
        for (int i = 0; i < d; i++) {
            double pi = px[i];
            theta[i] += pi * step;
            double scaled = pi / denominator;
            int row = i * d;
            for (int j = 0; j < d; j++) {
                inverse[row + j] -= scaled * px[j];
            }
        }
    }

    /** Writes P x into {@code out} and returns x^T P x. */
    final double multiplyInverse(double[] x, double[] out) {
        double quadratic = 0;
        for (int i = 0; i < d; i++) {
            double s = 0;
            int row = i * d;
            for (int j = 0; j < d; j++) {
                s += inverse[row + j] * x[j];
            }
            out[i] = s;
            quadratic += s * x[i];
        }
        return quadratic;
    }

    final void check(double[] x) {
        Checks.length("feature vector", x, d);
        Checks.finite("feature vector", x);
    }
}
