package org.saddlepoint.games.preference;

import java.util.SplittableRandom;

import org.saddlepoint.solvers.Checks;

/**
 * Iterative Nash policy optimization, INPO (Zhang et al., "Iterative Nash Policy Optimization:
 * Aligning LLMs with General Preferences via No-Regret Learning", ICLR 2025, arXiv 2407.00617):
 * each iteration minimises INPO's least-squares loss over preference data drawn from the current
 * policy ({@link InpoLoss}) instead of estimating win rates. With the expected loss it is
 * {@link OnlineMirrorDescent}; with a sampled dataset of {@code pairs} comparisons per iteration
 * it is a noisy version of it. Costs a K^2 x K least-squares solve per update: for small K.
 */
public final class Inpo extends PreferenceLearner {
    private final double eta;
    private final int pairs;

    private Inpo(double eta, int pairs, long seed) {
        super(seed);
        this.eta = Checks.positive("step eta", eta);
        this.pairs = pairs;
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
        return "INPO (eta = " + eta + (pairs == 0 ? ", expected loss)" : ", " + pairs + " pairs per iteration)");
    }

    @Override
    Run start(PreferenceGame game, double[] start, SplittableRandom random) {
        checkStep(eta, game.beta());
        return new LogitRun(game, start) {
            @Override
            public void step() {
                InpoLoss loss = pairs == 0 ? InpoLoss.expected(game, pi, eta)
                        : InpoLoss.sampled(game, pi, eta, pairs, random);
                System.arraycopy(loss.minimiser(), 0, theta, 0, theta.length);
                Softmax.normalise(theta, pi);
            }
        };
    }
}
