package org.saddlepoint.solvers.online;

/**
 * An external-regret learner ("oracle") in the sense of Acharya et al., "Oracle Efficient
 * Algorithms for Groupwise Regret" (ICLR 2024): each round it is shown a context, commits to an
 * action, then sees the outcome, suffers the loss of its action on it and learns. Its external
 * regret after T rounds is its cumulative loss minus that of the best fixed hypothesis of its
 * class. The groupwise reduction needs only {@link #loss} and {@link #update}, so that any such
 * learner can serve (online regression, online shortest paths, ...). Mutable, not thread-safe.
 *
 * @param <C> the context (e.g. a feature vector)
 * @param <O> the outcome (e.g. a label, a cost vector)
 */
public interface OnlineOracle<C, O> {
    /** The loss that the action it plays this round for {@code context} suffers on {@code outcome}; no state changes. */
    double loss(C context, O outcome);

    /** Learns the round (context, outcome) and moves to the next round. */
    void update(C context, O outcome);

    /** The learner's name, as in its paper. */
    String name();
}
