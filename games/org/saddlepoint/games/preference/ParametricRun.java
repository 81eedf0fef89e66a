package org.saddlepoint.games.preference;

import org.saddlepoint.solvers.InvalidInputException;

/**
 * One prompt's state of a learner that moves a softmax policy by steps on its parameters: the
 * tabular logits, or the weights w of a {@link LogLinearPolicy} (pi_w(y) ∝ exp(w^T phi(y)), spec
 * section 0.1). The losses are written in the logits (log pi), so a learner computes a logit
 * gradient into {@link #gradient} and {@link #descend} pulls it back to the parameters. Each prompt
 * of a multi-prompt game has its own parameters (no weights shared across prompts).
 */
abstract class ParametricRun extends PreferenceLearner.Run {
    /**
     * Parameters with the policy they define. In the tabular form the parameters are the logits,
     * re-centred to log pi after every step (the same array as {@link #logPi}).
     */
    static final class Point {
        final double[] weights;
        final double[] logPi;
        final double[] pi;

        private Point(double[] weights, double[] logPi, double[] pi) {
            this.weights = weights;
            this.logPi = logPi;
            this.pi = pi;
        }
    }

    final PreferenceGame game;
    /** null: tabular logits. */
    private final LogLinearPolicy features;
    final Point current;
    /** Scratch for the logit gradient that {@link #descend} applies. */
    final double[] gradient;

    /**
     * @param start the start policy; a log-linear policy starts at its least-squares weights
     *              ({@link LogLinearPolicy#weightsOf}), exactly at {@code start} when log start is
     *              in the span of the features
     */
    ParametricRun(PreferenceGame game, double[] start, LogLinearPolicy features) {
        int k = game.responses();
        if (features != null && features.responses() != k) {
            throw new InvalidInputException("the log-linear policy has features for " + features.responses()
                    + " responses, the game has " + k);
        }
        this.game = game;
        this.features = features;
        this.gradient = new double[k];
        this.current = newPoint();
        double[] logStart = LogitRun.startLogits(start);
        moveTo(current, features == null ? logStart : features.weightsOf(start));
    }

    @Override
    public final double[] policy() {
        return current.pi;
    }

    /** A point for this run's parametrisation (contents undefined until written). */
    final Point newPoint() {
        int k = game.responses();
        if (features == null) {
            double[] logits = new double[k];
            return new Point(logits, logits, new double[k]);
        }
        return new Point(new double[features.dimension()], new double[k], new double[k]);
    }

    /** out = from - lr (pulled-back {@link #gradient}); {@code out} may be {@code from}. */
    final void descend(Point from, double lr, Point out) {
        if (features == null) {
            for (int y = 0; y < gradient.length; y++) {
                out.weights[y] = from.weights[y] - lr * gradient[y];
            }
            Softmax.normalise(out.weights, out.pi);
        } else {
            features.descend(from.weights, lr, gradient, out.weights);
            features.logProbabilities(out.weights, out.logPi, out.pi);
        }
    }

    /** Sets {@code point} to the parameters {@code weights}. */
    final void moveTo(Point point, double[] weights) {
        System.arraycopy(weights, 0, point.weights, 0, point.weights.length);
        if (features == null) {
            Softmax.normalise(point.weights, point.pi);
        } else {
            features.logProbabilities(point.weights, point.logPi, point.pi);
        }
    }
}
