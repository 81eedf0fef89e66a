package org.saddlepoint.games.preference;

import java.util.SplittableRandom;

import org.saddlepoint.solvers.Checks;

/**
 * Online mirror descent self-play on the KL-regularized preference game, the update of INPO
 * (Zhang et al., "Iterative Nash Policy Optimization", ICLR 2025, arXiv 2407.00617) in closed
 * form, and the "Online IPO 1 (OMD)" baseline of the EGPO simulations:
 * <pre>  pi_{t+1} ∝ pi_t^{1 - eta beta} mu^{eta beta} exp(eta P pi_t). </pre>
 * {@link Inpo} reaches the same iterate by minimising INPO's loss over preference data.
 */
public final class OnlineMirrorDescent extends PreferenceLearner {
    private final double eta;

    /** OMD with the constant step {@code eta} (eta beta &lt;= 1). */
    public OnlineMirrorDescent(double eta) {
        super(0);
        this.eta = Checks.positive("step eta", eta);
    }

    @Override
    public String name() {
        return "online mirror descent (eta = " + eta + ")";
    }

    @Override
    Run start(PreferenceGame game, double[] start, SplittableRandom random) {
        checkStep(eta, game.beta());
        return new LogitRun(game, start) {
            @Override
            public void step() {
                payoffAgainst(pi);
                mirrorStep(eta, theta, theta, pi);
            }
        };
    }
}
