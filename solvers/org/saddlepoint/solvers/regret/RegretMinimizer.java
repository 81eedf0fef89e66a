package org.saddlepoint.solvers.regret;

/**
 * An online learner over the probability simplex in R^n that maximizes gains: each round it
 * plays {@link #strategy()}, then is told the utility vector of that round. Its external regret
 * after T rounds is max_i sum_t u_t[i] - sum_t u_t . x_t. Mutable and not thread-safe: one
 * learner per player.
 */
public interface RegretMinimizer {
    /** The number of actions n. */
    int dimension();

    /**
     * The strategy to play this round: a point of the simplex. The array belongs to the learner;
     * read it, do not modify it, and do not keep it past the next {@link #observe}.
     */
    double[] strategy();

    /** Feeds this round's utility vector (length n, finite) and moves to the next round. */
    void observe(double[] utility);

    /** The learner's name, as in its paper. */
    String name();
}
