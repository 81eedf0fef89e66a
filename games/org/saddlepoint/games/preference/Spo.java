package org.saddlepoint.games.preference;

import java.util.SplittableRandom;

import org.saddlepoint.solvers.Checks;
import org.saddlepoint.solvers.regret.Hedge;
import org.saddlepoint.solvers.regret.RegretMinimizer;

/**
 * Self-play preference optimization, SPO (Swamy, Dann, Kidambi, Wu and Agarwal, "A
 * Minimaximalist Approach to Reinforcement Learning from Human Feedback", ICML 2024, arXiv
 * 2401.04056), on a finite response set: one policy plays the symmetric zero-sum game with payoff
 * P(y beats y') - P(y' beats y) against itself with a no-regret learner (here {@link Hedge} with a
 * constant step), rewarded by its win rate against its own samples:
 * <ul>
 *   <li>exact: r_t(y) = 2 (P pi_t)_y - 1;</li>
 *   <li>sampled: r_t(y) = (1/N) sum_j (2 o_j - 1), o_j ~ Bernoulli(P[y][y_j]), y_j ~ pi_t, for every
 *       response y: an unbiased estimate of the exact reward.</li>
 * </ul>
 * There is no KL term (beta is ignored). Since pi_t^T r_t = 0, the exploitability of the average
 * of the played policies is exactly Reg_T / (2T) (Reg_T the learner's external regret), so the
 * average converges to a minimax winner at the learner's rate; the last iterate need not (it
 * cycles on a 3-cycle). The learner starts at the uniform policy; another start pi_1 &gt; 0 is
 * given to Hedge as the one utility vector log(pi_1) / eta before the first round, which makes it
 * play pi_1 (Hedge with prior pi_1: regret at most ln(1/min pi_1) / eta + eta T range^2 / 8).
 */
public final class Spo extends PreferenceLearner {
    private final double eta;
    private final int comparisons;

    private Spo(double eta, int comparisons, long seed) {
        super(seed);
        this.eta = Checks.positive("Hedge step eta", eta);
        this.comparisons = comparisons;
    }

    /** SPO with Hedge(eta) on the exact win-rate reward. */
    public static Spo exact(double eta) {
        return new Spo(eta, 0, 0);
    }

    /** SPO with Hedge(eta) on win rates estimated from {@code comparisons} samples of pi_t per response. */
    public static Spo sampled(double eta, int comparisons, long seed) {
        return new Spo(eta, Checks.positive("comparisons per response", comparisons), seed);
    }

    @Override
    public String name() {
        return "SPO (Hedge eta = " + eta + (comparisons == 0 ? ", exact win rates)"
                : ", " + comparisons + " comparisons per response)");
    }

    @Override
    double[] defaultStart(PreferenceGame game) {
        return PreferenceGame.uniform(game.responses());
    }

    @Override
    Judged judged() {
        return Judged.EXPLOITABILITY_OF_AVERAGE;
    }

    @Override
    Run start(PreferenceGame game, double[] start, SplittableRandom random) {
        RegretMinimizer hedge = Hedge.fixed(game.responses(), eta);
        double[] prior = Softmax.logs(start);
        for (int y = 0; y < prior.length; y++) {
            prior[y] /= eta;
        }
        Checks.finite("log(start policy) / eta (SPO needs a start with full support)", prior);
        hedge.observe(prior);
        return new Run() {
            private final double[] reward = new double[game.responses()];

            @Override
            public double[] policy() {
                return hedge.strategy();
            }

            @Override
            public void step() {
                winRates(game, hedge.strategy(), random, reward);
                hedge.observe(reward);
            }
        };
    }

    /** r_t = 2 P pi - 1, exact or estimated. */
    private void winRates(PreferenceGame game, double[] pi, SplittableRandom random, double[] reward) {
        PreferenceMatrix p = game.preferences();
        if (comparisons == 0) {
            p.multiply(pi, reward);
            for (int y = 0; y < reward.length; y++) {
                reward[y] = 2 * reward[y] - 1;
            }
            return;
        }
        PolicySampler sampler = new PolicySampler(pi);
        for (int y = 0; y < reward.length; y++) {
            double s = 0;
            for (int j = 0; j < comparisons; j++) {
                int opponent = sampler.draw(random);
                s += random.nextDouble() < p.get(y, opponent) ? 1 : -1;
            }
            reward[y] = s / comparisons;
        }
    }
}
