package org.saddlepoint.robust.groupwise;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.saddlepoint.solvers.Checks;
import org.saddlepoint.solvers.InvalidInputException;
import org.saddlepoint.solvers.online.OnlineOracle;
import org.saddlepoint.solvers.regret.SleepingAdaNormalHedge;

/**
 * The reduction of Acharya, Arunachaleswaran, Kannan, Roth and Ziani, "Oracle Efficient
 * Algorithms for Groupwise Regret" (ICLR 2024), for any external-regret oracle: one oracle A_g
 * per group, fed only the rounds of its group, and sleeping {@link SleepingAdaNormalHedge} over
 * the groups, expert g awake when the round's context lies in group g. The learner plays the
 * action of a group drawn from p_t and is charged the expected loss sum_g p_{t,g} l_{t,g}. For each
 * group g, its expected loss on the rounds of g exceeds the best fixed hypothesis's by at most
 * the aggregator's sleeping regret to g, O(sqrt(T_g log |G|)), plus A_g's external regret on T_g
 * rounds. {@link GroupwiseRegressor} is the regression form, with the mixture prediction.
 * Mutable, not thread-safe.
 *
 * @param <C> the context of a round
 * @param <O> its outcome
 * @param <A> the oracle type
 */
public final class GroupwiseLearner<C, O, A extends OnlineOracle<C, O>> {
    private final List<A> oracles;
    private final SleepingAdaNormalHedge aggregator;

    /** The reduction over {@code groups} groups, each with its own oracle from {@code oracle}. */
    public GroupwiseLearner(int groups, Supplier<? extends A> oracle) {
        Checks.positive("number of groups", groups);
        oracles = Stream.<A>generate(oracle::get).limit(groups).toList();
        aggregator = new SleepingAdaNormalHedge(groups);
    }

    /** The oracle of group g. */
    public A oracle(int group) {
        return oracles.get(group);
    }

    /** The number of groups. */
    public int groups() {
        return oracles.size();
    }

    /** p_t over the awake groups (distinct, at least one): {@code p[k]} for group {@code awake[k]}. */
    public double[] distribution(int[] awake) {
        if (awake.length == 0) {
            throw new InvalidInputException("no group is awake: every round needs one (add the always-on group)");
        }
        return aggregator.distribution(awake);
    }

    /** One whole round: the awake oracles' losses on {@code outcome}, then {@link #learn}; returns the expected loss. */
    public double play(C context, int[] awake, O outcome) {
        double[] p = distribution(awake);
        double[] losses = new double[awake.length];
        for (int k = 0; k < awake.length; k++) {
            losses[k] = oracles.get(awake[k]).loss(context, outcome);
        }
        return learn(context, outcome, awake, p, losses);
    }

    /**
     * Updates the aggregator with the awake groups' {@code losses} under the distribution {@code p}
     * played, then every awake oracle with (context, outcome); returns the expected loss.
     */
    public double learn(C context, O outcome, int[] awake, double[] p, double[] losses) {
        double expected = aggregator.update(awake, p, losses);
        for (int g : awake) {
            oracles.get(g).update(context, outcome);
        }
        return expected;
    }

    /** The aggregator's sleeping regret to group g so far: expected loss minus A_g's loss on g's rounds. */
    public double sleepingRegret(int group) {
        return aggregator.regret(group);
    }
}
