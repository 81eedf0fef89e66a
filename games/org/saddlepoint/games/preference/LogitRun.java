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
        this.theta = startLogits(start);
        this.pi = new double[k];
        this.payoff = new double[k];
        Softmax.normalise(theta, pi);
    }

    /** log start, which must have full support (a softmax policy has no zero). */
    static double[] startLogits(double[] start) {
        for (int y = 0; y < start.length; y++) {
            if (!(start[y] > 0)) {
                throw new InvalidInputException("start policy must have full support for a softmax policy: entry "
                        + y + " is " + start[y]);
            }
        }
        return Softmax.logs(start);
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
        mixLogits(game, eta, fromLogits, outLogits);
        for (int y = 0; y < outLogits.length; y++) {
            outLogits[y] += eta * payoff[y];
        }
        Softmax.normalise(outLogits, outPolicy);
    }

    /**
     * Writes the logits of Nash-MD's geometric mixture pi^{1 - eta beta} mu^{eta beta} of the current policy
     * with the reference to {@code outLogits} and its softmax to {@code outPolicy}.
     */
    final void geometricMixture(double eta, double[] outLogits, double[] outPolicy) {
        geometricMixture(game, eta, theta, outLogits, outPolicy);
    }

    /** The geometric mixture of the policy with logits {@code from} and mu, as in {@link #geometricMixture(double, double[], double[])}. */
    static void geometricMixture(PreferenceGame game, double eta, double[] from, double[] outLogits, double[] outPolicy) {
        mixLogits(game, eta, from, outLogits);
        Softmax.normalise(outLogits, outPolicy);
    }

    /** out = (1 - eta beta) from + eta beta log mu. */
    private static void mixLogits(PreferenceGame game, double eta, double[] from, double[] out) {
        double beta = game.beta();
        double[] logMu = game.logReference();
        double keep = 1 - eta * beta;
        for (int y = 0; y < out.length; y++) {
            out[y] = keep * from[y] + eta * beta * logMu[y];
        }
    }

    /** payoff = P nu. */
    final void payoffAgainst(double[] nu) {
        game.preferences().multiply(nu, payoff);
    }
}
