package org.saddlepoint.robust.mdp;

import org.saddlepoint.solvers.InvalidInputException;

/**
 * The optimistic robust least-squares value iteration that DR-LSVI-UCB, LSVI-UCB and DR-RPO's critic share
 * (Liu and Xu, AISTATS 2024, Algorithm 1; spec 2.2 and 3.5). After each episode, backwards from h = H:
 * the values v^tau = V^k_{h+1}(s^tau_{h+1}) of every stored next state under the current Q^k_{h+1} (0 at the
 * fail state), then per step the ridge critic's robust optimistic Q^k_h = clip(r_h + phi.nu_h + Gamma_h, 0,
 * H - h + 1). Subclasses say how a state's value follows from its Q-row ({@link #value}) and how they act.
 * Known rewards (theta_h in a linear MDP), as in [C] (spec pitfall 14). Only TV uncertainty sets.
 *
 * @param <S> the state type
 */
public abstract class RobustLeastSquaresValueIteration<S> implements EpisodicLearner<S> {
    final LinearMdp<S> mdp;
    final LearnerOptions options;
    private final UncertaintySet set;
    private final RidgeCritic<S>[] critics;
    private final OptimisticQ[] q;
    private int episodes;

    @SuppressWarnings("unchecked")
    RobustLeastSquaresValueIteration(LinearMdp<S> mdp, UncertaintySet set, LearnerOptions options) {
        set.requireShape(mdp);
        if (set.divergence() != Divergence.TOTAL_VARIATION) {
            throw new InvalidInputException("the online learners support TV uncertainty sets only, got " + set.divergence());
        }
        this.mdp = mdp;
        this.set = set;
        this.options = options;
        int horizon = mdp.horizon();
        this.critics = new RidgeCritic[horizon];
        this.q = new OptimisticQ[horizon];
        for (int h = 0; h < horizon; h++) {
            critics[h] = new RidgeCritic<>(mdp.dimension(), options.lambda());
            q[h] = fit(h, new double[0]);
        }
    }

    @Override
    public void update(Episode<S> episode) {
        int[] actions = episode.actions();
        for (int h = 0; h < mdp.horizon(); h++) {
            observe(h, episode.states().get(h), actions[h], episode.states().get(h + 1));
        }
        refit();
    }

    /**
     * Stores the transition (s, a, s') of step h without refitting: for a batch of logged transitions, followed by
     * one {@link #refit}. {@link #update} is observe for every step of an episode, then refit.
     */
    public void observe(int h, S state, int action, S next) {
        critics[h].add(mdp.features(state, action), featuresOfActions(next), rewardsOfActions(h + 1, next), next,
                mdp.isFailState(next));
    }

    /** One more episode learned: Q^k_h for h = H .. 1 from all stored samples (and, for DR-RPO, the actor step). */
    public void refit() {
        int horizon = mdp.horizon();
        episodes++;
        for (int h = horizon - 1; h >= 0; h--) {
            q[h] = fit(h, h == horizon - 1 ? new double[critics[h].size()] : nextValues(h));
            fitted(h, q[h]);
        }
    }

    private OptimisticQ fit(int h, double[] v) {
        return critics[h].fit(v, set.radii(h), options.bonus(), options.beta(), mdp.valueBound(h));
    }

    /** V^k_{h+1}(s^tau_{h+1}) for every stored sample of step h. */
    private double[] nextValues(int h) {
        RidgeCritic<S> critic = critics[h];
        double[] v = new double[critic.size()];
        for (int t = 0; t < v.length; t++) {
            v[t] = critic.nextIsFail(t) ? 0 : value(h + 1, critic.nextState(t),
                    q[h + 1].values(critic.nextFeatures(t), critic.nextRewards(t)));
        }
        return v;
    }

    /** The critic's value V^k_h(s) of a state whose optimistic Q-row at step h is {@code qRow}. */
    abstract double value(int h, S state, double[] qRow);

    /** Called once Q^k_h is fitted, backwards from h = H. */
    void fitted(int h, OptimisticQ qh) {
    }

    /** Q^k_h(s, .), the latest optimistic Q-row at {@code state}. */
    double[] qRow(int h, S state) {
        return q[h].values(featuresOfActions(state), rewardsOfActions(h, state));
    }

    /** r_h(s, b) for every action b; zeros after the last step. */
    double[] rewardsOfActions(int h, S state) {
        double[] r = new double[mdp.actionCount()];
        for (int b = 0; h < mdp.horizon() && b < r.length; b++) {
            r[b] = mdp.reward(h, state, b);
        }
        return r;
    }

    double[][] featuresOfActions(S state) {
        double[][] f = new double[mdp.actionCount()][];
        for (int b = 0; b < f.length; b++) {
            f[b] = mdp.features(state, b);
        }
        return f;
    }

    /** k, the number of episodes learned from. */
    int episodes() {
        return episodes;
    }
}
