package org.saddlepoint.robust.mdp;

/**
 * An online learner of an episodic MDP (spec 1.5): its {@link Policy} is pi^k, the policy of the next episode,
 * run in the nominal environment; after the episode it {@link #update}s to pi^{k+1}.
 *
 * @param <S> the state type
 */
public interface EpisodicLearner<S> extends Policy<S> {
    /** The algorithm's name, as in its paper. */
    String name();

    /** Learns from one more episode. */
    void update(Episode<S> episode);
}
