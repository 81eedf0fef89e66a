package org.saddlepoint.solvers.regret;

import org.saddlepoint.solvers.Checks;

/**
 * Hedge, or multiplicative weights (Freund and Schapire, "A decision-theoretic generalization
 * of on-line learning and an application to boosting", JCSS 55(1), 1997): with S_t the
 * cumulative utility vector,
 * <pre>
 *   x_{t+1}[i] = exp(eta_{t+1} S_t[i]) / sum_j exp(eta_{t+1} S_t[j]),
 * </pre>
 * computed with the log-sum-exp shift (S_t[i] - max_j S_t[j] in the exponent), so that huge
 * cumulative utilities neither overflow nor lose the strategy.
 * <ul>
 *   <li>{@link #fixed}: a constant eta; the external regret after T rounds is at most
 *       ln n / eta + eta T range^2 / 8, range the largest spread max_i u_t[i] - min_i u_t[i]
 *       (Hoeffding's lemma; Cesa-Bianchi and Lugosi, "Prediction, Learning, and Games", 2006,
 *       Theorem 2.2).</li>
 *   <li>{@link #adaptive}: the anytime step eta_t = sqrt(8 ln n / t) / range_{t-1}, where
 *       range_{t-1} is the largest spread observed in rounds 1..t-1 (a scale estimate, so that
 *       the learner needs no bound on the utilities and is invariant to their scale and
 *       offset). Once the observed spread is the true one, this is the anytime forecaster of
 *       Cesa-Bianchi and Lugosi (2006), Theorem 2.3: regret at most
 *       range (2 sqrt((T/2) ln n) + sqrt(ln n / 8)). While every observed utility vector is
 *       constant, S_t is constant too and the strategy is uniform.</li>
 * </ul>
 */
public final class Hedge extends SimplexLearner {
    private final double[] cumulative;
    private final double fixedEta;
    private final double logActions;
    private double range;
    private int rounds;

    private Hedge(int n, double fixedEta) {
        super(n);
        this.cumulative = new double[n];
        this.fixedEta = fixedEta;
        this.logActions = Math.log(n);
    }

    /** Hedge with the constant step {@code eta} (finite, &gt; 0). */
    public static Hedge fixed(int n, double eta) {
        return new Hedge(n, Checks.positive("step size eta", eta));
    }

    /** Hedge with the anytime step sqrt(8 ln n / t) / (largest utility spread seen so far). */
    public static Hedge adaptive(int n) {
        return new Hedge(n, Double.NaN);
    }

    private boolean isAdaptive() {
        return Double.isNaN(fixedEta);
    }

    @Override
    void update(double[] utility) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        double top = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < cumulative.length; i++) {
            double u = utility[i];
            lo = Math.min(lo, u);
            hi = Math.max(hi, u);
            cumulative[i] += u;
            top = Math.max(top, cumulative[i]);
        }
        range = Math.max(range, hi - lo);
        rounds++;
        playSoftmax(nextEta(), top);
    }

    /** eta_{t+1}; 0 while no spread has been seen (S is then constant, any eta gives uniform). */
    private double nextEta() {
        if (!isAdaptive()) {
            return fixedEta;
        }
        return range > 0 ? Math.sqrt(8 * logActions / (rounds + 1.0)) / range : 0.0;
    }

    private void playSoftmax(double eta, double top) {
        double sum = 0;
        for (int i = 0; i < cumulative.length; i++) {
            double w = Math.exp(eta * (cumulative[i] - top));
            strategy[i] = w;
            sum += w;
        }
        normalize(sum);
    }

    @Override
    public String name() {
        return isAdaptive() ? "Hedge (anytime eta)" : "Hedge (eta = " + fixedEta + ")";
    }
}
