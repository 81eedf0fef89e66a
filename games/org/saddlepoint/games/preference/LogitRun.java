package org.saddlepoint.games.preference;

import org.saddlepoint.solvers.InvalidInputException;

/**
 * One prompt's state of a learner that keeps a softmax policy by its logits theta (re-centred
 * to log-probabilities after every update), with the mirror-descent step of the regularized game
 * (spec section 0.7; Munos et al. 2024, Nash-MD; Cen, Wei and Chi, JMLR 2024):
 * <pre>  log pi_new = (1 - eta beta) log pi + eta beta log mu + eta P nu + const. </pre>
 */
abstract class LogitRun extends PreferenceLearner.Run {
    final PreferenceGame game;
    final double[] theta;
    final double[] pi;
    final double[] payoff;

    LogitRun(PreferenceGame game, double[] start) {
        this.game = game;
        int k = game.responses();
        for (int y = 0; y < k; y++) {
            if (!(start[y] > 0)) {
                throw new InvalidInputException("start policy must have full support for a softmax policy: entry "
                        + y + " is " + start[y]);
            }
        }
        this.theta = Softmax.logs(start);
        this.pi = new double[k];
        this.payoff = new double[k];
        Softmax.normalise(theta, pi);
    }

    @Override
    public final double[] policy() {
        return pi;
    }

    /**
     * Writes the mirror step from {@code fromLogits} along the payoff P nu (held in
     * {@code payoff}) to {@code outLogits} (may be {@code fromLogits}) and its softmax to
     * {@code outPolicy}.
     */
    final void mirrorStep(double eta, double[] fromLogits, double[] outLogits, double[] outPolicy) {
        double beta = game.beta();
        double[] logMu = game.logReference();
        double keep = 1 - eta * beta;
        for (int y = 0; y < outLogits.length; y++) {
            outLogits[y] = keep * fromLogits[y] + eta * beta * logMu[y] + eta * payoff[y];
        }
        Softmax.normalise(outLogits, outPolicy);
    }

    /** payoff = P nu. */
    final void payoffAgainst(double[] nu) {
        game.preferences().multiply(nu, payoff);
    }
}
