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
        return new MixtureRun(game, start, eta) {
            @Override
            void stepAgainstMixture() {
                for (int y = 0; y < mix.length; y++) {
                    theta[y] = mixTheta[y] + eta * payoff[y];
                }
                Softmax.normalise(theta, pi);
            }
        };
    }

    /**
     * A run whose step plays against Nash-MD's geometric mixture: each step first writes the mixture
     * pi^{1 - eta beta} mu^{eta beta} (logits {@code mixTheta}, policy {@code mix}) and payoff = P mix.
     */
    abstract static class MixtureRun extends LogitRun {
        final double[] mixTheta;
        final double[] mix;
        private final double eta;

        MixtureRun(PreferenceGame game, double[] start, double eta) {
            super(game, start);
            this.eta = eta;
            this.mixTheta = new double[pi.length];
            this.mix = new double[pi.length];
        }

        @Override
        public final void step() {
            geometricMixture(eta, mixTheta, mix);
            payoffAgainst(mix);
            stepAgainstMixture();
        }

        /** The update from the mixture and payoff = P mix. */
        abstract void stepAgainstMixture();
    }
}
