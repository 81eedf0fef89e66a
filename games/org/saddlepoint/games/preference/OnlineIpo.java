package org.saddlepoint.games.preference;

import java.util.SplittableRandom;

import org.saddlepoint.solvers.Checks;

/**
 * The online IPO baselines of the EGPO simulations (Zhou, Fazel and Du, COLM 2025, arXiv 2503.08942;
 * repository {@code simulations/loss_funcs.py}): one SGD step with learning rate lr per update on an
 * online IPO loss whose payoff policy is the current one, nu = pi_t ({@link OnlineIpoLoss}):
 * <ul>
 *   <li>{@link #first(double)}, "Online IPO 1 (OMD)": uniform pairs; for tabular logits exactly
 *       {@link OnlineMirrorDescent} with eta beta = 4 lr / K, so on log-linear weights
 *       ({@link #logLinear}) it is the parametric form of OMD, the update INPO approximates;</li>
 *   <li>{@link #second(double)}, "Online IPO 2": pairs weighted by pi_t x pi_t with the pair's own
 *       preference as target; the same fixed point pi*_beta, a different flow.</li>
 * </ul>
 */
public final class OnlineIpo extends PreferenceLearner {
    private final boolean pairWeighted;
    private final double learningRate;
    private final LogLinearPolicy features;

    private OnlineIpo(boolean pairWeighted, double learningRate, LogLinearPolicy features) {
        super(0);
        this.pairWeighted = pairWeighted;
        this.learningRate = Checks.positive("learning rate", learningRate);
        this.features = features;
    }

    /** Online IPO 1 (OMD in gradient form) with learning rate lr. */
    public static OnlineIpo first(double learningRate) {
        return new OnlineIpo(false, learningRate, null);
    }

    /** Online IPO 2 with learning rate lr. */
    public static OnlineIpo second(double learningRate) {
        return new OnlineIpo(true, learningRate, null);
    }

    /** The same method on the weights of the log-linear policy {@code features}. */
    public OnlineIpo logLinear(LogLinearPolicy features) {
        return new OnlineIpo(pairWeighted, learningRate, requireFeatures(features));
    }

    @Override
    public String name() {
        return "Online IPO " + (pairWeighted ? 2 : 1) + " (lr = " + learningRate + formName(features) + ")";
    }

    @Override
    Run start(PreferenceGame game, double[] start, SplittableRandom random) {
        OnlineIpoLoss loss = new OnlineIpoLoss(game);
        return new ParametricRun(game, start, features) {
            @Override
            public void step() {
                if (pairWeighted) {
                    loss.pairWeightedGradient(current.logPi, current.pi, gradient);
                } else {
                    loss.gradient(current.logPi, current.pi, gradient);
                }
                descend(current, learningRate, current);
            }
        };
    }
}
