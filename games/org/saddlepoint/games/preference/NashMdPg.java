package org.saddlepoint.games.preference;

import java.util.SplittableRandom;

import org.saddlepoint.solvers.Checks;

/**
 * Nash-MD-PG (Munos et al., "Nash Learning from Human Feedback", ICML 2024, the policy-gradient
 * form of Nash-MD for parametric policies), with the exact gradient of the EGPO simulations
 * ({@code simulations/loss_funcs.py}, {@code nash_md_pg}): gradient ascent on
 * theta -&gt; E_{y ~ pi_theta, y' ~ mix_t} P(y beats y') - beta KL(pi_theta || mu), whose gradient
 * in the logits at theta_t is
 * <pre>  pi_t ⊙ (q - &lt;pi_t, q&gt; 1),  q = P mix_t - beta (log pi_t - log mu), </pre>
 * mix_t ∝ pi_t^{1 - eta beta} mu^{eta beta} the Nash-MD mixture. One ascent step with learning rate
 * lr per update, on the tabular logits or ({@link #logLinear}) on the weights of a log-linear
 * policy (the logit gradient pulled back by the features).
 */
public final class NashMdPg extends PreferenceLearner {
    private final double eta;
    private final double learningRate;
    private final LogLinearPolicy features;

    /**
     * @param eta          the mixture's step (eta beta &lt;= 1)
     * @param learningRate the ascent step on the logits, &gt; 0
     */
    public NashMdPg(double eta, double learningRate) {
        this(eta, learningRate, null);
    }

    private NashMdPg(double eta, double learningRate, LogLinearPolicy features) {
        super(0);
        this.eta = Checks.positive("step eta", eta);
        this.learningRate = Checks.positive("learning rate", learningRate);
        this.features = features;
    }

    /** The same method on the weights of the log-linear policy {@code features}. */
    public NashMdPg logLinear(LogLinearPolicy features) {
        return new NashMdPg(eta, learningRate, requireFeatures(features));
    }

    @Override
    public String name() {
        return "Nash-MD-PG (eta = " + eta + ", lr = " + learningRate + formName(features) + ")";
    }

    @Override
    Run start(PreferenceGame game, double[] start, SplittableRandom random) {
        checkStep(eta, game.beta());
        return new ParametricRun(game, start, features) {
            private final double[] mixTheta = new double[gradient.length];
            private final double[] mix = new double[gradient.length];
            private final double[] q = new double[gradient.length];

            @Override
            public void step() {
                double[] logPi = current.logPi;
                double[] pi = current.pi;
                LogitRun.geometricMixture(game, eta, logPi, mixTheta, mix);
                game.preferences().multiply(mix, q);
                double[] logMu = game.logReference();
                double mean = 0;
                for (int y = 0; y < pi.length; y++) {
                    q[y] -= game.beta() * (logPi[y] - logMu[y]);
                    mean += pi[y] * q[y];
                }
                for (int y = 0; y < pi.length; y++) {
                    gradient[y] = -pi[y] * (q[y] - mean);
                }
                descend(current, learningRate, current);
            }
        };
    }
}
