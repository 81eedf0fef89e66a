package org.saddlepoint.games.preference;

import java.util.SplittableRandom;

import org.saddlepoint.solvers.Checks;
import org.saddlepoint.solvers.InvalidInputException;

/**
 * Extragradient preference optimization, EGPO (Zhou, Fazel and Du, "Extragradient Preference
 * Optimization (EGPO): Beyond Last-Iterate Convergence for Nash Learning from Human Feedback",
 * COLM 2025, arXiv 2503.08942): the entropy-regularized extragradient of Cen, Wei and Chi
 * (JMLR 2024) on the symmetric KL-regularized preference game, which converges linearly in the
 * last iterate to pi*_beta. Three forms:
 * <ul>
 *   <li>{@link #policySpace(double)}: the exact multiplicative update
 *       <pre>
 *   pi_half ∝ pi_t^{1-eta beta} mu^{eta beta} exp(eta P pi_t)
 *   pi_{t+1} ∝ pi_t^{1-eta beta} mu^{eta beta} exp(eta P pi_half)</pre></li>
 *   <li>{@link #onlineIpo(double)}: the paper's equivalent implementation by gradients of the
 *       online IPO loss ({@link OnlineIpoLoss}), plain SGD on the logits with learning rate lr:
 *       theta_half = theta_t - lr grad L(theta_t; pi_t), theta_{t+1} = theta_t - lr grad L(theta_t;
 *       pi_half). For tabular logits it is the policy-space form with eta beta = 4 lr / K.</li>
 *   <li>{@link #onlineIpoSampled}: the same with the unbiased sampled gradient (EGPO repository,
 *       {@code extragradient_sample}): fresh samples for each of the two gradients.</li>
 * </ul>
 * The two gradient forms also run on the weights w of a log-linear policy ({@link #logLinear}):
 * the same steps with the logit gradients pulled back by the features, which for one-hot
 * features are the tabular iterates.
 */
public final class Egpo extends PreferenceLearner {
    private enum Form { POLICY_SPACE, ONLINE_IPO, ONLINE_IPO_SAMPLED }

    private final Form form;
    private final double step;
    private final int samples;
    private final LogLinearPolicy features;

    private Egpo(Form form, double step, int samples, long seed, LogLinearPolicy features) {
        super(seed);
        this.form = form;
        this.step = Checks.positive(form == Form.POLICY_SPACE ? "step eta" : "learning rate", step);
        this.samples = Checks.positive("samples per gradient", samples);
        this.features = features;
    }

    private Egpo(Form form, double step, int samples, long seed) {
        this(form, step, samples, seed, null);
    }

    /**
     * The same gradient form on the weights of the log-linear policy {@code features}.
     *
     * @throws InvalidInputException for the policy-space form, which is tabular
     */
    public Egpo logLinear(LogLinearPolicy features) {
        if (form == Form.POLICY_SPACE) {
            throw new InvalidInputException("policy-space EGPO is tabular; the log-linear form is onlineIpo(lr)");
        }
        return new Egpo(form, step, samples, seed(), requireFeatures(features));
    }

    /** Policy-space EGPO with step eta (eta beta &lt;= 1). */
    public static Egpo policySpace(double eta) {
        return new Egpo(Form.POLICY_SPACE, eta, 1, 0);
    }

    /** EGPO by exact online-IPO gradients with learning rate lr. */
    public static Egpo onlineIpo(double learningRate) {
        return new Egpo(Form.ONLINE_IPO, learningRate, 1, 0);
    }

    /** EGPO by sampled online-IPO gradients, {@code samples} triples (y, y', y'') per gradient. */
    public static Egpo onlineIpoSampled(double learningRate, int samples, long seed) {
        return new Egpo(Form.ONLINE_IPO_SAMPLED, learningRate, samples, seed);
    }

    @Override
    public String name() {
        return switch (form) {
            case POLICY_SPACE -> "EGPO (policy space, eta = " + step + ")";
            case ONLINE_IPO -> "EGPO (online IPO gradients, lr = " + step + formName(features) + ")";
            case ONLINE_IPO_SAMPLED -> "EGPO (sampled online IPO, lr = " + step + ", " + samples + " samples"
                    + formName(features) + ")";
        };
    }

    @Override
    Run start(PreferenceGame game, double[] start, SplittableRandom random) {
        if (form == Form.POLICY_SPACE) {
            checkStep(step, game.beta());
            return new PolicySpaceRun(game, start, step);
        }
        return new GradientRun(game, start, features, step, form == Form.ONLINE_IPO ? 0 : samples, random);
    }

    private static final class PolicySpaceRun extends LogitRun {
        private final double eta;
        private final double[] halfTheta;
        private final double[] halfPi;

        PolicySpaceRun(PreferenceGame game, double[] start, double eta) {
            super(game, start);
            this.eta = eta;
            this.halfTheta = new double[pi.length];
            this.halfPi = new double[pi.length];
        }

        @Override
        public void step() {
            payoffAgainst(pi);
            mirrorStep(eta, theta, halfTheta, halfPi);
            payoffAgainst(halfPi);
            mirrorStep(eta, theta, theta, pi);
        }
    }

    private static final class GradientRun extends ParametricRun {
        private final OnlineIpoLoss loss;
        private final double lr;
        private final int samples;
        private final SplittableRandom random;
        private final Point half;

        GradientRun(PreferenceGame game, double[] start, LogLinearPolicy features, double lr, int samples,
                    SplittableRandom random) {
            super(game, start, features);
            this.loss = new OnlineIpoLoss(game);
            this.lr = lr;
            this.samples = samples;
            this.random = random;
            this.half = newPoint();
        }

        @Override
        public void step() {
            gradientStep(current.pi, half);
            gradientStep(half.pi, current);
        }

        /** out = theta_t - lr grad L(theta_t; nu), the gradient exact or sampled. */
        private void gradientStep(double[] nu, Point out) {
            if (samples == 0) {
                loss.gradient(current.logPi, nu, gradient);
            } else {
                loss.sampledGradient(current.logPi, nu, samples, random, gradient);
            }
            descend(current, lr, out);
        }
    }
}
