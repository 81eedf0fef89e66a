package org.saddlepoint.robust.mdp;

/**
 * The exact per-episode robust regularized regret of an online learner on a finite MDP (spec 1.5 and 6.2):
 * V*_1(s_1) - V^{pi^k}_1(s_1), both by exact robust regularized DP with the learner's own uncertainty set and
 * tau (spec pitfall 13: against the robust regularized optimum, not the nominal one).
 */
public final class RobustRegret implements RegretMeter<Integer> {
    private final FiniteLinearMdp mdp;
    private final RobustDynamicProgramming dp;
    private final RobustValues optimal;

    public RobustRegret(FiniteLinearMdp mdp, UncertaintySet set, double tau) {
        this.mdp = mdp;
        this.dp = RobustDynamicProgramming.of(mdp, set, tau);
        this.optimal = dp.optimal();
    }

    /** V*_1(s). */
    public double optimalValue(int s) {
        return optimal.value(0, s);
    }

    /** V*_1(s_1) - V^pi_1(s_1). */
    @Override
    public double regret(Policy<Integer> policy, Integer initialState) {
        RobustValues values = dp.evaluate(TabularPolicy.of(policy, mdp));
        return optimal.value(0, initialState) - values.value(0, initialState);
    }
}
