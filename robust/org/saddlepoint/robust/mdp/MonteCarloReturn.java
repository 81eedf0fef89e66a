package org.saddlepoint.robust.mdp;

import java.util.SplittableRandom;

import org.saddlepoint.solvers.Checks;

/**
 * The average return of a policy over simulated episodes, with its standard error: the evaluation where the model is
 * not finite (the American put); finite models use the exact {@link RobustDynamicProgramming#expectedReturn}.
 *
 * @param mean          the average total reward
 * @param standardError the sample standard deviation over sqrt(episodes)
 */
public record MonteCarloReturn(double mean, double standardError) {
    /** {@code episodes} episodes of {@code policy} in {@code environment}, from {@code seed}. */
    public static <S> MonteCarloReturn of(LinearMdp<S> environment, Policy<S> policy, int episodes, long seed) {
        Checks.positive("episodes", episodes);
        SplittableRandom random = new SplittableRandom(seed);
        double sum = 0;
        double sumSq = 0;
        for (int k = 0; k < episodes; k++) {
            double g = OnlineTraining.play(environment, policy, environment.initialState(random), random).totalReward();
            sum += g;
            sumSq += g * g;
        }
        double mean = sum / episodes;
        double variance = Math.max(0, sumSq / episodes - mean * mean) * episodes / Math.max(1, episodes - 1);
        return new MonteCarloReturn(mean, Math.sqrt(variance / episodes));
    }
}
