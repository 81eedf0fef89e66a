package org.saddlepoint.solvers.regret;

/**
 * Regret matching+ (Tammelin, "Solving large imperfect information games using CFR+",
 * arXiv:1407.5042, 2014; Tammelin, Burch, Johanson and Bowling, "Solving heads-up limit Texas
 * hold'em", IJCAI 2015): the cumulative regrets are clipped at zero every round,
 * <pre>
 *   R_t = [R_{t-1} + u_t - &lt;u_t, x_t&gt; 1]^+,     x_{t+1} = R_t / ||R_t||_1   (uniform when R_t = 0)
 * </pre>
 * It is online mirror descent on the non-negative orthant in Blackwell's construction (Farina,
 * Kroer and Sandholm, AAAI 2021), and keeps regret matching's bound: external regret at most
 * sqrt(sum_t ||r_t||_2^2) &lt;= range sqrt(n T), range the largest utility spread.
 */
public final class RegretMatchingPlus extends SimplexLearner {
    private final double[] regret;

    /** @param n the number of actions, at least 1 */
    public RegretMatchingPlus(int n) {
        super(n);
        regret = new double[n];
    }

    @Override
    void update(double[] utility) {
        accumulateRegret(regret, utility, true);
        playPositivePart(regret);
    }

    /**
     * Restarts at the strategy {@code p} (a point of the simplex): the regrets become ||R||_1 p,
     * so that the learner plays p next and keeps the scale of its regrets (RM+ is invariant to a
     * common scaling of R and the utilities, so ||R||_1 sets its effective step).
     */
    void restartAt(double[] p) {
        restartAt(p, regretScale());
    }

    /** ||R||_1, the sum of the (non-negative) cumulative regrets: the scale that sets RM+'s effective step. */
    double regretScale() {
        double scale = 0;
        for (double r : regret) {
            scale += r;
        }
        return scale;
    }

    /** Restarts at the strategy {@code p} with regrets {@code scale} p: plays p next, at effective step set by {@code scale}. */
    void restartAt(double[] p, double scale) {
        for (int i = 0; i < regret.length; i++) {
            regret[i] = scale * p[i];
            strategy[i] = p[i];
        }
    }

    @Override
    public String name() {
        return "regret matching+";
    }
}
