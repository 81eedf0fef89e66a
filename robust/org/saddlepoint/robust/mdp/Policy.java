package org.saddlepoint.robust.mdp;

/**
 * A Markov policy pi_h(. | s) of an episodic MDP.
 *
 * @param <S> the state type
 */
@FunctionalInterface
public interface Policy<S> {
    /** pi_h(. | s) at step {@code h} (0-based): a probability vector over the actions, a fresh array. */
    double[] probabilities(int h, S state);
}
