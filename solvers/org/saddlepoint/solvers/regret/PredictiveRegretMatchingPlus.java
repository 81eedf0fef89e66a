package org.saddlepoint.solvers.regret;

/**
 * Predictive regret matching+ (Farina, Kroer and Sandholm, "Faster Game Solving via Predictive
 * Blackwell Approachability: Connecting Regret Matching and Mirror Descent", AAAI 2021,
 * arXiv:2007.14358, Algorithm 5, "(Predictive) regret matching+"), with the prediction the
 * paper uses for game solving: the last instantaneous regret, m_{t+1} = r_t =
 * u_t - &lt;u_t, x_t&gt; 1 (m_1 = 0). After observing u_t,
 * <pre>
 *   R_t     = [R_{t-1} + r_t]^+                       (ObserveLoss, as in RM+)
 *   x_{t+1} = [R_t + m_{t+1}]^+ / ||[R_t + m_{t+1}]^+||_1   (NextStrategy; uniform when zero)
 * </pre>
 * It is predictive online mirror descent on the non-negative orthant; since it is invariant to
 * the step size, the predictive-OMD bound sum_t &lt;r_t, e_i - theta_t&gt; &lt;= 1/(2 eta) +
 * (eta/2) sum_t ||r_t - m_t||_2^2 holds for every eta, and minimising over eta bounds the
 * external regret by sqrt(sum_t ||r_t - m_t||_2^2) (&lt;= 2 range sqrt(n T)).
 */
public final class PredictiveRegretMatchingPlus extends SimplexLearner {
    private final double[] regret;

    /** @param n the number of actions, at least 1 */
    public PredictiveRegretMatchingPlus(int n) {
        super(n);
        regret = new double[n];
    }

    @Override
    void update(double[] utility) {
        double earned = accumulateRegret(regret, utility, true);
        for (int i = 0; i < regret.length; i++) {
            strategy[i] = regret[i] + (utility[i] - earned);
        }
        playPositivePart(strategy);
    }

    @Override
    public String name() {
        return "predictive regret matching+";
    }
}
