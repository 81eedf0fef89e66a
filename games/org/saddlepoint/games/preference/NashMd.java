package org.saddlepoint.games.preference;

import java.util.SplittableRandom;

import org.saddlepoint.solvers.Checks;

/**
 * Nash-MD (Munos et al., "Nash Learning from Human Feedback", ICML 2024, arXiv 2312.00886,
 * Section 5, tabular form): mirror descent against the geometric mixture of the current policy
 * with the reference,
 * <pre>
 *   mix_t   ∝ pi_t^{1 - eta beta} mu^{eta beta}
 *   pi_{t+1} ∝ mix_t exp(eta P mix_t)  =  pi_t^{1-eta beta} mu^{eta beta} exp(eta P mix_t),
 * </pre>
 * with beta the paper's tau. The last iterate converges to pi*_beta for a step eta that decays
 * like log T / (beta T); with a constant eta it stops at a point whose gap is of order eta.
 */
public final class NashMd extends PreferenceLearner {
    private final double eta;

    /** Nash-MD with the constant step {@code eta} (eta beta &lt;= 1). */
    public NashMd(double eta) {
        super(0);
        this.eta = Checks.positive("step eta", eta);
    }

    @Override
    public String name() {
        return "Nash-MD (eta = " + eta + ")";
    }

    @Override
    Run start(PreferenceGame game, double[] start, SplittableRandom random) {
        checkStep(eta, game.beta());
        return new LogitRun(game, start) {
            private final double[] mixTheta = new double[pi.length];
            private final double[] mix = new double[pi.length];

            @Override
            public void step() {
                geometricMixture(eta, mixTheta, mix);
                payoffAgainst(mix);
                for (int y = 0; y < mix.length; y++) {
                    theta[y] = mixTheta[y] + eta * payoff[y];
                }
                Softmax.normalise(theta, pi);
            }
        };
    }
}
