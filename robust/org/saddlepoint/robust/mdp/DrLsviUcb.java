package org.saddlepoint.robust.mdp;

/**
 * DR-LSVI-UCB (Liu and Xu, "Distributionally Robust Off-Dynamics Reinforcement Learning: Provable Efficiency with
 * Linear Function Approximation", AISTATS 2024, Algorithm 1): optimistic robust least-squares value iteration on
 * a d-rectangular linear MDP with a TV uncertainty set, V_h(s) = max_a Q_h(s, a), acting greedily with random
 * tie-breaking (its policy is uniform over the maximizers, spec pitfall 15).
 *
 * @param <S> the state type
 */
public class DrLsviUcb<S> extends RobustLeastSquaresValueIteration<S> {
    public DrLsviUcb(LinearMdp<S> mdp, UncertaintySet set, LearnerOptions options) {
        super(mdp, set, options);
    }

    @Override
    public String name() {
        return "DR-LSVI-UCB";
    }

    @Override
    double value(int h, S state, double[] qRow) {
        double best = 0;
        for (double x : qRow) {
            best = Math.max(best, x);
        }
        return best;
    }

    @Override
    public double[] probabilities(int h, S state) {
        return PolicyMirrorDescent.greedy(qRow(h, state));
    }
}
