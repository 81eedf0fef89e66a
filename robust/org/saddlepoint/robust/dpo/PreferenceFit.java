package org.saddlepoint.robust.dpo;

import java.util.List;

import org.saddlepoint.solvers.Checks;
import org.saddlepoint.solvers.InvalidInputException;
import org.saddlepoint.solvers.smooth.Lbfgs;
import org.saddlepoint.solvers.smooth.PreferenceLoss;

/**
 * Fits theta of a log-linear policy by minimising (1/n) sum_i weight_i loss(beta h_theta(pair_i)) +
 * (l2/2) ||theta||^2 with L-BFGS: DPO, cDPO and rDPO are convex in theta for this class (softplus of
 * an affine function plus a linear term), so the minimiser is unique for l2 &gt; 0. The certificate is
 * the gradient norm at the returned theta.
 */
public final class PreferenceFit {
    private static final double GRADIENT_TOLERANCE = 1e-10;

    private PreferenceFit() {
    }

    /** The fitted parameter, the objective there and its gradient norm. */
    public record Result(double[] theta, double objective, double gradientNorm) {
    }

    public static Result fit(LogLinearBandit bandit, List<PreferencePair> pairs, PreferenceLoss loss, double l2) {
        return fit(bandit, pairs, null, loss, l2, new double[bandit.dimension()]);
    }

    /** With per-pair weights (null for all 1), from {@code start}. */
    public static Result fit(LogLinearBandit bandit, List<PreferencePair> pairs, double[] weights,
                             PreferenceLoss loss, double l2, double[] start) {
        if (pairs.isEmpty()) {
            throw new InvalidInputException("a preference fit needs at least one pair");
        }
        Checks.nonNegative("l2", l2);
        double[][] diffs = pairs.stream().map(bandit::difference).toArray(double[][]::new);
        double beta = bandit.beta();
        double inv = 1.0 / pairs.size();
        Lbfgs.Minimum m = Lbfgs.minimize((theta, grad) -> {
            java.util.Arrays.fill(grad, 0);
            double f = 0;
            for (int i = 0; i < diffs.length; i++) {
                double w = weights == null ? inv : weights[i] * inv;
                double z = 0;
                for (int j = 0; j < theta.length; j++) {
                    z += theta[j] * diffs[i][j];
                }
                z *= beta;
                f += w * loss.value(z);
                double g = w * loss.derivative(z) * beta;
                for (int j = 0; j < theta.length; j++) {
                    grad[j] += g * diffs[i][j];
                }
            }
            for (int j = 0; j < theta.length; j++) {
                f += 0.5 * l2 * theta[j] * theta[j];
                grad[j] += l2 * theta[j];
            }
            return f;
        }, start, GRADIENT_TOLERANCE, 20_000);
        return new Result(m.point(), m.value(), m.gradientNorm());
    }
}
