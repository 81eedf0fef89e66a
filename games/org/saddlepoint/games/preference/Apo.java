package org.saddlepoint.games.preference;

import java.util.SplittableRandom;

import org.saddlepoint.solvers.Checks;
import org.saddlepoint.solvers.InvalidInputException;

/**
 * Accelerated preference optimization, APO (He, Yuan and Gu, "Accelerated Preference Optimization
 * for Large Language Model Alignment", arXiv 2410.06293): iterative preference optimization, where
 * round t uses the previous policy as the reference, read as a proximal point method, with
 * Nesterov momentum in log space (spec section 5; the exact extrapolation form is reconstructed
 * from the abstract):
 * <pre>
 *   pi_hat_{t+1} ∝ pi_t exp(r_t / beta)                           (the exact DPO / SPPO round)
 *   pi_{t+1}    ∝ pi_hat_{t+1} (pi_hat_{t+1} / pi_hat_t)^alpha      (momentum alpha in [0, 1))
 * </pre>
 * with pi_hat_0 = pi_0. The reward is a fixed Bradley-Terry reward r ({@link #dpo}: iterative DPO,
 * whose population optimum with reference pi_t is pi_t exp(r / beta)), or the win rate
 * r_t = P pi_t against the current policy ({@link #sppo}: the SPPO variant for general
 * preferences). alpha = 0 is plain iterative DPO / SPPO. Asymptotically the log-odds of two
 * responses grow by (r_y - r_y') / (beta (1 - alpha)) per round instead of (r_y - r_y') / beta.
 * There is no KL term to mu: it is judged by the exploitability of its last iterate.
 */
public final class Apo extends PreferenceLearner {
    private final double alpha;
    private final double[] reward;

    private Apo(double alpha, double[] reward) {
        super(0);
        if (!(alpha >= 0 && alpha < 1)) {
            throw new InvalidInputException("APO momentum alpha must be in [0, 1), got " + alpha);
        }
        this.alpha = alpha;
        this.reward = reward == null ? null : Checks.finite("reward", reward.clone());
    }

    /** Iterative DPO with momentum on the fixed reward {@code reward}. */
    public static Apo dpo(double[] reward, double alpha) {
        if (reward == null) {
            throw new InvalidInputException("reward must not be null");
        }
        return new Apo(alpha, reward);
    }

    /** The SPPO variant with momentum: reward P pi_t. */
    public static Apo sppo(double alpha) {
        return new Apo(alpha, null);
    }

    @Override
    public String name() {
        return "APO (" + (reward == null ? "SPPO" : "DPO") + " rounds, momentum alpha = " + alpha + ")";
    }

    @Override
    Judged judged() {
        return Judged.EXPLOITABILITY_OF_LAST;
    }

    @Override
    Run start(PreferenceGame game, double[] start, SplittableRandom random) {
        if (reward != null) {
            Checks.length("reward", reward, game.responses());
        }
        return new LogitRun(game, start) {
            private final double[] hatTheta = theta.clone();
            private final double[] nextHat = new double[pi.length];
            private final double[] hatPi = new double[pi.length];

            @Override
            public void step() {
                if (reward == null) {
                    payoffAgainst(pi);
                } else {
                    System.arraycopy(reward, 0, payoff, 0, payoff.length);
                }
                for (int y = 0; y < pi.length; y++) {
                    nextHat[y] = theta[y] + payoff[y] / game.beta();
                }
                Softmax.normalise(nextHat, hatPi);
                for (int y = 0; y < pi.length; y++) {
                    theta[y] = nextHat[y] + alpha * (nextHat[y] - hatTheta[y]);
                }
                System.arraycopy(nextHat, 0, hatTheta, 0, pi.length);
                Softmax.normalise(theta, pi);
            }
        };
    }
}
