package org.saddlepoint.robust.ldr;

import org.saddlepoint.solvers.Checks;
import org.saddlepoint.solvers.InvalidInputException;
import org.saddlepoint.solvers.smooth.Lbfgs;

/**
 * Full-batch training of a {@link LinearMulticlassModel}: minimises
 * (1/n) sum_i loss(W x_i + b, y_i) + (weightDecay/2) ||W||_F^2 (the bias is not decayed), convex
 * for every loss here. Smooth losses go to L-BFGS; the Crammer-Singer hinge
 * is minimised through its LDR-KL smoothing (Nesterov smoothing, Math. Program. 2005) with lambda
 * decreasing to {@link #FINAL_SMOOTHING}, whose value is within lambda log K of the hinge everywhere.
 */
public final class LinearModelTraining {
    /** The last smoothing strength used for a nonsmooth (Crammer-Singer) loss. */
    public static final double FINAL_SMOOTHING = 1e-3;
    private static final double GRADIENT_TOLERANCE = 1e-8;
    private static final int MAX_EVALUATIONS = 4000;

    private LinearModelTraining() {
    }

    /** Trains with {@code loss} from zero parameters. */
    public static TrainedModel train(MulticlassData data, MulticlassLoss loss, double weightDecay) {
        double[] start = new double[data.classes() * (data.dimension() + 1)];
        if (loss.smooth()) {
            return minimize(data, ExampleLoss.of(loss), weightDecay, start, loss.toString());
        }
        if (!(loss instanceof CrammerSingerLoss cs)) {
            throw new InvalidInputException("no training method for the nonsmooth loss " + loss);
        }
        double[] theta = start;
        for (double lambda = 1; lambda >= FINAL_SMOOTHING * 0.999; lambda /= 10) {
            theta = minimize(data, ExampleLoss.of(new LdrKlLoss(lambda, cs.margin())), weightDecay, theta, "")
                    .model().parameters();
        }
        TrainedModel smoothed = minimize(data, ExampleLoss.of(new LdrKlLoss(FINAL_SMOOTHING, cs.margin())),
                weightDecay, theta, "");
        double hinge = objective(data, ExampleLoss.of(loss), weightDecay, smoothed.model().parameters(), null);
        return new TrainedModel(smoothed.model(), loss + " via LDR-KL smoothing to lambda=" + FINAL_SMOOTHING,
                hinge, smoothed.gradientNorm(), FINAL_SMOOTHING * Math.log(data.classes()), smoothed.evaluations());
    }

    /** Minimises the regularised objective of a smooth per-example loss from {@code start}. */
    public static TrainedModel minimize(MulticlassData data, ExampleLoss loss, double weightDecay, double[] start,
                                        String method) {
        Checks.nonNegative("weight decay", weightDecay);
        Lbfgs.Minimum m = Lbfgs.minimize(
                (theta, grad) -> objective(data, loss, weightDecay, theta, grad), start, GRADIENT_TOLERANCE,
                MAX_EVALUATIONS);
        return new TrainedModel(new LinearMulticlassModel(data.classes(), data.dimension(), m.point()), method,
                m.value(), m.gradientNorm(), 0, m.evaluations());
    }

    /** The regularised objective at {@code theta}; its gradient into {@code grad} when not null. */
    static double objective(MulticlassData data, ExampleLoss loss, double weightDecay, double[] theta,
                            double[] grad) {
        int k = data.classes();
        int d = data.dimension();
        int stride = d + 1;
        double[] g = new double[k];
        double total = 0;
        if (grad != null) {
            java.util.Arrays.fill(grad, 0);
        }
        double inv = 1.0 / data.size();
        for (int i = 0; i < data.size(); i++) {
            double[] x = data.row(i);
            double[] f = LinearMulticlassModel.scores(theta, k, x);
            total += loss.evaluate(i, f, data.label(i), grad == null ? null : g);
            if (grad != null) {
                for (int c = 0; c < k; c++) {
                    double gc = g[c] * inv;
                    for (int j = 0; j < d; j++) {
                        grad[c * stride + j] += gc * x[j];
                    }
                    grad[c * stride + d] += gc;
                }
            }
        }
        double reg = 0;
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < d; j++) {
                double w = theta[c * stride + j];
                reg += w * w;
                if (grad != null) {
                    grad[c * stride + j] += weightDecay * w;
                }
            }
        }
        return total * inv + 0.5 * weightDecay * reg;
    }
}
