package org.saddlepoint.games.preference;

import java.util.SplittableRandom;

import org.saddlepoint.solvers.Checks;

/**
 * Iterative Nash policy optimization, INPO (Zhang et al., "Iterative Nash Policy Optimization:
 * Aligning LLMs with General Preferences via No-Regret Learning", ICLR 2025, arXiv 2407.00617):
 * each iteration minimises INPO's least-squares loss over preference data drawn from the current
 * policy ({@link InpoLoss}) instead of estimating win rates. With the expected loss it is
 * {@link OnlineMirrorDescent}; with a sampled dataset of {@code pairs} comparisons per iteration
 * it is a noisy version of it. Costs a K^2 x K least-squares solve per update (K^2 x d on the
 * weights of a log-linear policy, {@link #logLinear}): for small K.
 */
public final class Inpo extends PreferenceLearner {
    private final double eta;
    private final int pairs;
    private final LogLinearPolicy features;

    private Inpo(double eta, int pairs, long seed, LogLinearPolicy features) {
        super(seed);
        this.eta = Checks.positive("step eta", eta);
        this.pairs = pairs;
        this.features = features;
    }

    private Inpo(double eta, int pairs, long seed) {
        this(eta, pairs, seed, null);
    }

    /**
     * INPO on the weights of the log-linear policy {@code features}: each iteration's loss is a
     * least-squares problem in the weights ({@link InpoLoss#minimiser(LogLinearPolicy)}), solved exactly.
     */
    public Inpo logLinear(LogLinearPolicy features) {
        return new Inpo(eta, pairs, seed(), requireFeatures(features));
    }

    /** INPO on the expected loss (all pairs weighted by pi_t x pi_t, outcomes by P). */
    public static Inpo exact(double eta) {
        return new Inpo(eta, 0, 0);
    }

    /** INPO on {@code pairs} sampled comparisons per iteration. */
    public static Inpo sampled(double eta, int pairs, long seed) {
        return new Inpo(eta, Checks.positive("pairs per iteration", pairs), seed);
    }

    @Override
    public String name() {
        return "INPO (eta = " + eta + (pairs == 0 ? ", expected loss" : ", " + pairs + " pairs per iteration")
                + formName(features) + ")";
    }

    @Override
    Run start(PreferenceGame game, double[] start, SplittableRandom random) {
        checkStep(eta, game.beta());
        return new ParametricRun(game, start, features) {
            @Override
            public void step() {
                InpoLoss loss = pairs == 0 ? InpoLoss.expected(game, current.pi, eta)
                        : InpoLoss.sampled(game, current.pi, eta, pairs, random);
                moveTo(current, features == null ? loss.minimiser() : loss.minimiser(features));
            }
        };
    }
}
