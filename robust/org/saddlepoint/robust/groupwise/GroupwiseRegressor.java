package org.saddlepoint.robust.groupwise;

import java.util.function.Supplier;

import org.saddlepoint.solvers.online.OnlineRegressor;
import org.saddlepoint.solvers.regret.SleepingAdaNormalHedge;

/**
 * The oracle-efficient groupwise-regret algorithm of Acharya, Arunachaleswaran, Kannan, Roth and
 * Ziani, "Oracle Efficient Algorithms for Groupwise Regret" (ICLR 2024), for online regression
 * with squared loss: one external-regret learner A_g (the "oracle", e.g. online ridge) per group,
 * fed only the rounds of its own group, and sleeping {@link SleepingAdaNormalHedge} over the
 * groups, where expert g is awake when x_t lies in group g and advises A_g's prediction.
 *
 * <p>Each round: {@link #advise} collects z_g = A_g(x_t) from every awake group and the
 * distribution p_t of the aggregator; the learner plays expert g with probability p_{t,g}
 * (charged the expected loss sum_g p_{t,g} (z_g - y_t)^2, as in the paper's tables) or, for the
 * convex squared loss, the mixture sum_g p_{t,g} z_g, whose loss is never larger (Jensen).
 * {@link #learn} then updates the aggregator with the awake losses and <em>every</em> awake
 * oracle with (x_t, y_t); sleeping oracles see nothing, so A_g runs on exactly the subsequence of
 * group g. For each group g the expected loss on its rounds exceeds the best linear predictor's
 * on them by at most the aggregator's sleeping regret to g plus A_g's external regret on T_g
 * rounds: O(sqrt(T_g log |G|)) + O(d log T_g) with online ridge. A round costs O(|I_t| d^2)
 * with online ridge. Mutable, not thread-safe.
 */
public final class GroupwiseRegressor {
    /** One round's advice: the awake groups, their oracles' predictions z and the distribution p. */
    public record Advice(int[] awake, double[] predictions, double[] distribution) {
        /** The mixture prediction sum_k p_k z_k. */
        public double mixture() {
            double s = 0;
            for (int k = 0; k < awake.length; k++) {
                s += distribution[k] * predictions[k];
            }
            return s;
        }

        /**
         * The randomized play: the prediction z_k of the awake group k drawn from p by the uniform
         * number {@code u} in [0, 1) (the first k whose cumulative probability exceeds u).
         */
        public double sampled(double u) {
            double cumulative = 0;
            for (int k = 0; k < awake.length; k++) {
                cumulative += distribution[k];
                if (u < cumulative) {
                    return predictions[k];
                }
            }
            return predictions[awake.length - 1];
        }

        /** The expected squared loss sum_k p_k (z_k - y)^2 of playing a group drawn from p. */
        public double expectedLoss(double y) {
            double s = 0;
            for (int k = 0; k < awake.length; k++) {
                s += distribution[k] * (predictions[k] - y) * (predictions[k] - y);
            }
            return s;
        }
    }

    private final GroupwiseLearner<double[], Double, OnlineRegressor> learner;

    /** The algorithm over {@code groups} groups, each with its own oracle from {@code oracle}. */
    public GroupwiseRegressor(int groups, Supplier<? extends OnlineRegressor> oracle) {
        learner = new GroupwiseLearner<>(groups, oracle);
    }

    /** The advice for features {@code x} whose groups are {@code awake} (distinct, non-empty). */
    public Advice advise(double[] x, int[] awake) {
        double[] p = learner.distribution(awake);
        double[] z = new double[awake.length];
        for (int k = 0; k < awake.length; k++) {
            z[k] = learner.oracle(awake[k]).predict(x);
        }
        return new Advice(awake, z, p);
    }

    /**
     * Reveals the label {@code y} of the round {@code advice} was given for (features {@code x}):
     * updates the aggregator and every awake oracle; returns the expected loss charged.
     */
    public double learn(double[] x, Advice advice, double y) {
        double[] losses = new double[advice.awake.length];
        for (int k = 0; k < losses.length; k++) {
            double e = advice.predictions[k] - y;
            losses[k] = e * e;
        }
        return learner.learn(x, y, advice.awake, advice.distribution, losses);
    }

    /** The number of groups. */
    public int groups() {
        return learner.groups();
    }

    /** The aggregator's sleeping regret to group g so far: expected loss minus A_g's loss on g's rounds. */
    public double sleepingRegret(int group) {
        return learner.sleepingRegret(group);
    }
}
