package org.saddlepoint.solvers.regret;

/**
 * Regret matching (Hart and Mas-Colell, "A simple adaptive procedure leading to correlated
 * equilibrium", Econometrica 68(5), 2000; the unconditional, external-regret form): with
 * R_t = sum_{s &lt;= t} (u_s - &lt;u_s, x_s&gt; 1) the cumulative regret vector,
 * <pre>
 *   x_{t+1} = [R_t]^+ / ||[R_t]^+||_1      (uniform when no entry of R_t is positive)
 * </pre>
 * Blackwell's condition &lt;[R_{t-1}]^+, r_t&gt; = 0 gives ||[R_T]^+||_2^2 &lt;= sum_t ||r_t||_2^2,
 * so the external regret is at most sqrt(sum_t ||r_t||_2^2) &lt;= range sqrt(n T), range the
 * largest spread max_i u_t[i] - min_i u_t[i] (Cesa-Bianchi and Lugosi, "Prediction, Learning,
 * and Games", 2006, Corollary 2.1 with p = 2).
 */
public final class RegretMatching extends SimplexLearner {
    private final double[] regret;

    /** @param n the number of actions, at least 1 */
    public RegretMatching(int n) {
        super(n);
        regret = new double[n];
    }

    @Override
    void update(double[] utility) {
        accumulateRegret(regret, utility, false);
        playPositivePart(regret);
    }

    @Override
    public String name() {
        return "regret matching";
    }
}
