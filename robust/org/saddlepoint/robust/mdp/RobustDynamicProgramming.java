package org.saddlepoint.robust.mdp;

import org.saddlepoint.solvers.Checks;

/**
 * Exact robust regularized dynamic programming on a finite d-rectangular linear MDP (spec 1.4 and 7.3): with
 * V_{H+1} = 0,
 * <pre>
 *   Q_h(s, a) = r_h(s, a) + sum_i phi_i(s, a) inf_{D(mu || mu_{h,i}) &lt;= rho_{h,i}} E_mu[V_{h+1}],
 *   V_h(s)    = tau log sum_a pi_ref(a | s) exp(Q_h(s, a) / tau)        (optimal; max_a Q_h(s, a) for tau = 0),
 *   V_h(s)    = sum_a pi(a | s) Q_h(s, a) - tau KL(pi(. | s) || pi_ref(. | s))   (evaluation of pi).
 * </pre>
 * The infimum splits per coordinate by d-rectangularity, and each is solved exactly: for TV by
 * {@link TotalVariationWorstCase} (sorting, the dual or the LP, chosen by the caller), for KL by
 * {@link KullbackLeiblerDual}; the minimum of V is taken over the whole state space. With every radius 0 and
 * tau = 0, {@link #evaluate} is the plain expected return, which is how a learned policy is scored in a target
 * environment ({@link #expectedReturn}).
 */
public final class RobustDynamicProgramming {
    private final FiniteLinearMdp mdp;
    private final UncertaintySet set;
    private final double tau;
    private final TabularPolicy reference;
    private final TotalVariationWorstCase.Solver solver;

    /**
     * @param tau       the policy-regularization strength, &gt;= 0
     * @param reference pi_ref, with full support
     * @param solver    the exact TV solver (ignored for a KL set)
     */
    public RobustDynamicProgramming(FiniteLinearMdp mdp, UncertaintySet set, double tau, TabularPolicy reference,
                                    TotalVariationWorstCase.Solver solver) {
        set.requireShape(mdp);
        reference.requireShape(mdp);
        this.mdp = mdp;
        this.set = set;
        this.tau = Checks.nonNegative("tau", tau);
        this.reference = reference;
        this.solver = solver;
    }

    /** Robust DP with the sorting solver and the uniform reference policy. */
    public static RobustDynamicProgramming of(FiniteLinearMdp mdp, UncertaintySet set, double tau) {
        return new RobustDynamicProgramming(mdp, set, tau,
                TabularPolicy.uniform(mdp.horizon(), mdp.stateCount(), mdp.actionCount()),
                TotalVariationWorstCase.Solver.SORTING);
    }

    /** The plain expected return of {@code policy} (no adversary, no regularization) from the initial distribution. */
    public static double expectedReturn(FiniteLinearMdp target, TabularPolicy policy) {
        return of(target, UncertaintySet.none(target.horizon(), target.dimension()), 0).evaluate(policy).initialValue();
    }

    /** The optimal robust regularized values and the optimal policy (softmax; uniform over ties for tau = 0). */
    public RobustValues optimal() {
        return recurse(null);
    }

    /** The robust regularized values of {@code policy}. */
    public RobustValues evaluate(TabularPolicy policy) {
        policy.requireShape(mdp);
        return recurse(policy);
    }

    private RobustValues recurse(TabularPolicy policy) {
        int horizon = mdp.horizon();
        int states = mdp.stateCount();
        int actions = mdp.actionCount();
        double[][] value = new double[horizon + 1][states];
        double[][][] q = new double[horizon][states][actions];
        double[][][] pi = new double[horizon][states][];
        for (int h = horizon - 1; h >= 0; h--) {
            double[] nu = robustFactorValues(h, value[h + 1]);
            double[] theta = mdp.rewardParameter(h);
            for (int s = 0; s < states; s++) {
                for (int a = 0; a < actions; a++) {
                    double[] phi = mdp.features(s, a);
                    double qa = 0;
                    for (int i = 0; i < phi.length; i++) {
                        qa += phi[i] * (theta[i] + nu[i]);
                    }
                    q[h][s][a] = qa;
                }
                double[] ref = reference.probabilities(h, s);
                pi[h][s] = policy == null ? PolicyMirrorDescent.softmax(ref, q[h][s], tau) : policy.probabilities(h, s);
                value[h][s] = policy == null ? PolicyMirrorDescent.softValue(ref, q[h][s], tau)
                        : PolicyMirrorDescent.regularizedValue(pi[h][s], ref, q[h][s], tau);
            }
        }
        double[][] v = java.util.Arrays.copyOf(value, horizon);
        return new RobustValues(v, q, policy == null ? new TabularPolicy(pi) : policy, mdp.initialDistribution());
    }

    /** nu_{h,i} = inf over the ball around mu_{h,i} of E_mu[V_{h+1}], every coordinate i. */
    private double[] robustFactorValues(int h, double[] next) {
        double[] nu = new double[mdp.dimension()];
        for (int i = 0; i < nu.length; i++) {
            double[] m = mdp.factor(h, i);
            double rho = set.radius(h, i);
            nu[i] = switch (set.divergence()) {
                case TOTAL_VARIATION -> TotalVariationWorstCase.infimum(solver, m, next, rho);
                case KULLBACK_LEIBLER -> KullbackLeiblerDual.infimum(m, next, rho);
            };
        }
        return nu;
    }
}
