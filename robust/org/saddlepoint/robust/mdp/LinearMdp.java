package org.saddlepoint.robust.mdp;

import java.util.SplittableRandom;

/**
 * An episodic d-rectangular linear MDP as a learner sees it (Ma et al. 2022; Liu and Xu,
 * "Distributionally Robust Off-Dynamics RL: Provable Efficiency with Linear Function Approximation",
 * AISTATS 2024, Section 3): a known feature map phi(s, a) in R^d with the simplex condition
 * (phi_i &gt;= 0, sum_i phi_i = 1), a known reward r_h(s, a) (in the linear MDP r_h = phi.theta_h; the learners
 * only need its values, as the group's code does for the American put's known payoff), a horizon H, finitely many
 * actions, and a simulator of the (unknown) nominal transitions P_h(s' | s, a) = sum_i phi_i(s, a) mu_{h,i}(s').
 *
 * <p>Steps are 0-based in the code: {@code h = 0 .. H-1} is the paper's step h + 1.
 *
 * @param <S> the state type
 */
public interface LinearMdp<S> {
    /** H, the number of steps of an episode. */
    int horizon();

    /** The number of actions, the same in every state. */
    int actionCount();

    /** d, the dimension of the features. */
    int dimension();

    /** phi(s, a): a fresh array of length d. */
    double[] features(S state, int action);

    /** The known reward r_h(s, a) at step {@code h} (0-based). */
    double reward(int h, S state, int action);

    /** An upper bound of every value from step {@code h} on, the clip of optimistic Q-functions: H - h for rewards in [0, 1]. */
    default double valueBound(int h) {
        return horizon() - h;
    }

    /** Draws the initial state s_1. */
    S initialState(SplittableRandom random);

    /** Draws s_{h+1} from P_h(. | s, a). */
    S nextState(int h, S state, int action, SplittableRandom random);

    /**
     * True for an absorbing state with zero reward, the fail state of Liu and Xu's convention, where
     * every value function is 0 (so that min_s V(s) = 0 in the TV dual).
     */
    boolean isFailState(S state);
}
