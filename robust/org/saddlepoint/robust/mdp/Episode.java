package org.saddlepoint.robust.mdp;

import java.util.List;

/**
 * One episode in the nominal environment: the states s_1 .. s_{H+1}, the actions a_1 .. a_H and the rewards.
 *
 * @param <S> the state type
 */
public record Episode<S>(List<S> states, int[] actions, double[] rewards) {
    public Episode {
        states = List.copyOf(states);
        actions = actions.clone();
        rewards = rewards.clone();
    }

    @Override
    public int[] actions() {
        return actions.clone();
    }

    @Override
    public double[] rewards() {
        return rewards.clone();
    }

    /** The total reward. */
    public double totalReward() {
        double sum = 0;
        for (double r : rewards) {
            sum += r;
        }
        return sum;
    }
}
