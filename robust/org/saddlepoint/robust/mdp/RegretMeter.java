package org.saddlepoint.robust.mdp;

/**
 * The regret of one episode's policy, measured exactly where the model is known ({@link RobustRegret}).
 *
 * @param <S> the state type
 */
@FunctionalInterface
public interface RegretMeter<S> {
    /** V*_1(s_1) - V^pi_1(s_1) for the policy pi that is about to act from {@code initial}. */
    double regret(Policy<S> policy, S initial);
}
