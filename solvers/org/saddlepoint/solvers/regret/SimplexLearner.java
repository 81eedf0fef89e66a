package org.saddlepoint.solvers.regret;

import java.util.Arrays;

import org.saddlepoint.solvers.Checks;
import org.saddlepoint.solvers.linalg.Vectors;

/**
 * What the learners over the simplex share: the strategy array, the validation of each utility
 * vector, the instantaneous regret r = u - &lt;u, x&gt; 1 of the strategy x just played, and the
 * normalisation of non-negative weights onto the simplex with the uniform fallback. Every
 * update runs in place on preallocated arrays.
 */
abstract class SimplexLearner implements RegretMinimizer {
    /** The strategy to play next; written by the subclasses through the helpers below. */
    final double[] strategy;

    SimplexLearner(int n) {
        Checks.positive("number of actions", n);
        strategy = new double[n];
        playUniform();
    }

    @Override
    public final int dimension() {
        return strategy.length;
    }

    @Override
    public final double[] strategy() {
        return strategy;
    }

    /** Checks the utility vector (length n, every entry finite), then {@link #update}s. */
    @Override
    public final void observe(double[] utility) {
        Checks.length("utility", utility, strategy.length);
        Checks.finite("utility", utility);
        update(utility);
    }

    /** Learns from a valid utility vector for the strategy still held in {@link #strategy}. */
    abstract void update(double[] utility);

    /**
     * Adds the instantaneous regret u - &lt;u, x&gt; 1 of the current strategy x to
     * {@code cumulative}, clipping each entry at 0 when {@code clip} (the "+" of RM+).
     *
     * @return &lt;u, x&gt;, the utility the current strategy earned
     */
    final double accumulateRegret(double[] cumulative, double[] utility, boolean clip) {
        double earned = Vectors.dot(utility, strategy);
        for (int i = 0; i < cumulative.length; i++) {
            double r = cumulative[i] + (utility[i] - earned);
            cumulative[i] = clip ? Math.max(r, 0.0) : r;
        }
        return earned;
    }

    /**
     * Plays [w]^+ / ||[w]^+||_1, or the uniform strategy when no entry of w is positive.
     * {@code weights} may be {@link #strategy} itself.
     */
    final void playPositivePart(double[] weights) {
        double sum = 0;
        for (int i = 0; i < strategy.length; i++) {
            double w = Math.max(weights[i], 0.0);
            strategy[i] = w;
            sum += w;
        }
        normalize(sum);
    }

    /**
     * Divides the non-negative weights held in {@link #strategy} by their {@code sum}; plays
     * uniform instead when the sum is zero or not finite.
     */
    final void normalize(double sum) {
        if (!(sum > 0) || Double.isInfinite(sum)) {
            playUniform();
            return;
        }
        double inverse = 1.0 / sum;
        for (int i = 0; i < strategy.length; i++) {
            strategy[i] *= inverse;
        }
    }

    final void playUniform() {
        Arrays.fill(strategy, 1.0 / strategy.length);
    }
}
