package org.saddlepoint.robust.ldr;

import java.util.Arrays;

import org.saddlepoint.solvers.Checks;

/**
 * Training of a linear model with the ALDR-KL loss, Zhu, Ying and Yang (ICML 2023), Algorithm 1,
 * in full batch: each round updates every example's lambda_i from the current model
 * ({@link AldrKlLoss#nextLambda}), then minimises the objective with the lambdas held fixed (the
 * code detaches lambda: no gradient flows through it). The lambdas of every round are kept, so
 * that the invariant lambda_i in [lambda_0 (1 - 1/alpha), lambda_0] can be checked.
 */
public final class AldrKlTraining {
    private AldrKlTraining() {
    }

    /** The final model, the final lambdas, and the smallest and largest lambda of every round. */
    public record Result(TrainedModel trained, double[] lambdas, double[] roundMinLambda, double[] roundMaxLambda) {
    }

    public static Result train(MulticlassData data, AldrKlLoss loss, double weightDecay, int rounds) {
        Checks.positive("rounds", rounds);
        double[] lambdas = new double[data.size()];
        Arrays.fill(lambdas, loss.lambda0());
        double[] theta = new double[data.classes() * (data.dimension() + 1)];
        double[] lo = new double[rounds];
        double[] hi = new double[rounds];
        TrainedModel trained = null;
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < data.size(); i++) {
                double[] f = LinearMulticlassModel.scores(theta, data.classes(), data.row(i));
                lambdas[i] = loss.nextLambda(f, data.label(i), lambdas[i]);
            }
            lo[r] = Arrays.stream(lambdas).min().orElseThrow();
            hi[r] = Arrays.stream(lambdas).max().orElseThrow();
            double[] fixed = lambdas.clone();
            trained = LinearModelTraining.minimize(data,
                    (i, scores, label, grad) -> loss.evaluate(scores, label, fixed[i], grad), weightDecay, theta,
                    loss.toString());
            theta = trained.model().parameters();
        }
        return new Result(trained, lambdas, lo, hi);
    }
}
