package org.saddlepoint.solvers.regret;

import java.util.Arrays;

import org.saddlepoint.solvers.Checks;
import org.saddlepoint.solvers.InvalidInputException;

/**
 * AdaNormalHedge in its sleeping-experts (specialists) form (Luo and Schapire, "Achieving All
 * with No Parameters: AdaNormalHedge", COLT 2015, Section 5), the aggregator of Acharya,
 * Arunachaleswaran, Kannan, Roth and Ziani, "Oracle Efficient Algorithms for Groupwise Regret"
 * (ICLR 2024). It minimizes losses and has no learning rate.
 *
 * <p>Each expert i keeps R_i, the cumulative instantaneous regret over the rounds it was awake,
 * and C_i, the cumulative absolute instantaneous regret. With [z]_+ = max(z, 0) and the uniform
 * prior, the weight of an awake expert is
 * <pre>
 *   w(R, C) = (exp([R+1]_+^2 / (3(C+1))) - exp([R-1]_+^2 / (3(C+1)))) / 2,
 * </pre>
 * p_t is w normalised over the awake set I_t (uniform over I_t when every awake weight is 0,
 * i.e. every awake R_i &lt;= -1), and after the losses l_{t,i} of the awake experts are seen,
 * every awake expert gets r_{t,i} = lhat_t - l_{t,i}, lhat_t = sum_i p_{t,i} l_{t,i}:
 * R_i += r_{t,i}, C_i += |r_{t,i}|. Sleeping experts are untouched, so the sleeping regret
 * sum_{t: i in I_t} (lhat_t - l_{t,i}) of expert i is exactly R_i. For losses in [0, 1] it is
 * O(sqrt(T_i (ln N + ln ln T_i))), T_i the rounds expert i was awake (Luo and Schapire,
 * Theorem 1 with the sleeping reduction).
 *
 * <p>The weights are computed in log space (log w = b + log(expm1(a - b)) - log 2 with a, b the
 * two exponents) and normalised with a log-sum-exp shift, so large regrets neither overflow nor
 * lose the distribution. A round costs O(|I_t|). Mutable, not thread-safe.
 */
public final class SleepingAdaNormalHedge {
    private final double[] regret;
    private final double[] absoluteRegret;

    /** {@code n} experts (n &gt; 0), all with R = C = 0. */
    public SleepingAdaNormalHedge(int n) {
        Checks.positive("number of experts", n);
        regret = new double[n];
        absoluteRegret = new double[n];
    }

    /** The number of experts N. */
    public int experts() {
        return regret.length;
    }

    /** R_i: the sleeping regret of the learner to expert i so far. */
    public double regret(int expert) {
        return regret[expert];
    }

    /** C_i: the cumulative absolute instantaneous regret of expert i so far. */
    public double absoluteRegret(int expert) {
        return absoluteRegret[expert];
    }

    /**
     * The distribution p_t over the awake experts: {@code p[k]} is the probability of expert
     * {@code awake[k]}. {@code awake} lists distinct expert indices; it may be empty (then p is
     * empty and the round has no effect).
     */
    public double[] distribution(int[] awake) {
        checkAwake(awake);
        double[] p = new double[awake.length];
        double top = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < awake.length; k++) {
            p[k] = logWeight(regret[awake[k]], absoluteRegret[awake[k]]);
            top = Math.max(top, p[k]);
        }
        if (top == Double.NEGATIVE_INFINITY) {
            Arrays.fill(p, 1.0 / awake.length);
            return p;
        }
        double sum = 0;
        for (int k = 0; k < p.length; k++) {
            p[k] = Math.exp(p[k] - top);
            sum += p[k];
        }
        for (int k = 0; k < p.length; k++) {
            p[k] /= sum;
        }
        return p;
    }

    /**
     * Feeds the losses of the awake experts ({@code losses[k]} of expert {@code awake[k]},
     * finite) for the distribution {@code p} played this round ({@link #distribution} of the same
     * awake set) and returns the learner's expected loss lhat_t = sum_k p[k] losses[k].
     */
    public double update(int[] awake, double[] p, double[] losses) {
        checkAwake(awake);
        Checks.length("distribution", p, awake.length);
        Checks.length("losses", losses, awake.length);
        Checks.finite("losses", losses);
        double expected = 0;
        for (int k = 0; k < awake.length; k++) {
            expected += p[k] * losses[k];
        }
        for (int k = 0; k < awake.length; k++) {
            double r = expected - losses[k];
            regret[awake[k]] += r;
            absoluteRegret[awake[k]] += Math.abs(r);
        }
        return expected;
    }

    /** log w(R, C) up to the constant -log 2; -infinity when w = 0 (R &lt;= -1). */
    static double logWeight(double r, double c) {
        double scale = 3 * (c + 1);
        double up = Math.max(r + 1, 0);
        double down = Math.max(r - 1, 0);
        double a = up * up / scale;
        double b = down * down / scale;
        if (!(a > b)) {
            return Double.NEGATIVE_INFINITY;
        }
        double gap = a - b;
        return b + (gap > 30 ? gap + Math.log1p(-Math.exp(-gap)) : Math.log(Math.expm1(gap)));
    }

    private void checkAwake(int[] awake) {
        for (int i : awake) {
            if (i < 0 || i >= regret.length) {
                throw new InvalidInputException("awake expert " + i + " is not in 0.." + (regret.length - 1));
            }
        }
    }
}
