package org.saddlepoint.games.preference;

import java.util.SplittableRandom;

import org.saddlepoint.solvers.Checks;

/**
 * Nash-MD-PG (Munos et al., "Nash Learning from Human Feedback", ICML 2024, the policy-gradient
 * form of Nash-MD for parametric policies), with the exact tabular gradient of the EGPO
 * simulations ({@code simulations/loss_funcs.py}, {@code nash_md_pg}): gradient ascent on the
 * logits of theta -&gt; E_{y ~ pi_theta, y' ~ mix_t} P(y beats y') - beta KL(pi_theta || mu), whose
 * gradient at theta_t is
 * <pre>  pi_t ⊙ (q - &lt;pi_t, q&gt; 1),  q = P mix_t - beta (log pi_t - log mu), </pre>
 * mix_t ∝ pi_t^{1 - eta beta} mu^{eta beta} the Nash-MD mixture. One ascent step with learning rate
 * lr per update.
 */
public final class NashMdPg extends PreferenceLearner {
    private final double eta;
    private final double learningRate;

    /**
     * @param eta          the mixture's step (eta beta &lt;= 1)
     * @param learningRate the ascent step on the logits, &gt; 0
     */
    public NashMdPg(double eta, double learningRate) {
        super(0);
        this.eta = Checks.positive("step eta", eta);
        this.learningRate = Checks.positive("learning rate", learningRate);
    }

    @Override
    public String name() {
        return "Nash-MD-PG (eta = " + eta + ", lr = " + learningRate + ")";
    }

    @Override
    Run start(PreferenceGame game, double[] start, SplittableRandom random) {
        checkStep(eta, game.beta());
        return new NashMd.MixtureRun(game, start, eta) {
            @Override
            void stepAgainstMixture() {
                double[] logMu = game.logReference();
                double mean = 0;
                for (int y = 0; y < pi.length; y++) {
                    payoff[y] -= game.beta() * (theta[y] - logMu[y]);
                    mean += pi[y] * payoff[y];
                }
                for (int y = 0; y < pi.length; y++) {
                    theta[y] += learningRate * pi[y] * (payoff[y] - mean);
                }
                Softmax.normalise(theta, pi);
            }
        };
    }
}
