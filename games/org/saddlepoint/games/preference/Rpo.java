package org.saddlepoint.games.preference;

import java.util.List;

import org.saddlepoint.solvers.Checks;
import org.saddlepoint.solvers.linalg.Logistic;

/**
 * Regularized preference optimization, RPO (Liu et al., "Provably Mitigating Overoptimization in
 * RLHF: Your SFT Loss is Implicitly an Adversarial Regularizer", NeurIPS 2024, arXiv 2405.16436),
 * on a {@link LinearBandit} with the log-linear policies pi_theta = softmax(log mu + Phi theta / beta):
 * <pre>
 *   L_RPO(theta) = L_DPO(pi_theta; D) + eta beta E_{y ~ pi_base} [ -log pi_theta(y) ] + (lambda/2) |theta|^2,
 * </pre>
 * the DPO loss plus an SFT (log-likelihood) term on a baseline distribution, by default the chosen
 * responses of D (the paper's LLM experiments). With r_theta = beta log(pi_theta / mu) + const,
 * -beta log pi_theta(y) = J*(r_theta) - r_theta(y) + const, so RPO is pessimistic (offline)
 * {@link Vpo} with alpha = eta and calibration pi_base [derived; the policy-form loss here is
 * tested against VPO's reward-form objective], and {@link #fit} solves it that way.
 */
public final class Rpo {
    private final LinearBandit bandit;
    private final double eta;
    private final double[] base;

    /**
     * @param eta  weight of the SFT term, &gt;= 0
     * @param base pi_base, a policy over the bandit's responses
     */
    public Rpo(LinearBandit bandit, double eta, double[] base) {
        this.bandit = bandit;
        this.eta = Checks.nonNegative("RPO eta", eta);
        this.base = PreferenceGame.checkPolicy("baseline policy", base, bandit.responses());
    }

    /** RPO with pi_base the empirical distribution of the chosen (winning) responses of {@code data}. */
    public static Rpo onChosen(LinearBandit bandit, double eta, List<int[]> data) {
        double[] chosen = new double[bandit.responses()];
        for (int[] c : data) {
            chosen[c[0]] += 1.0 / data.size();
        }
        return new Rpo(bandit, eta, chosen);
    }

    /** L_RPO(theta), in the policy form (log-probabilities of pi_theta). */
    public double loss(double[] theta, List<int[]> data) {
        double beta = bandit.beta();
        double[] pi = bandit.policy(theta);
        double[] mu = bandit.reference();
        double s = 0;
        for (int[] c : data) {
            double h = Math.log(pi[c[0]] / mu[c[0]]) - Math.log(pi[c[1]] / mu[c[1]]);
            s -= Math.log(Logistic.sigmoid(beta * h));
        }
        for (int y = 0; y < pi.length; y++) {
            if (base[y] > 0) {
                s -= eta * beta * base[y] * Math.log(pi[y]);
            }
        }
        double ridge = 0;
        for (double t : theta) {
            ridge += t * t;
        }
        return s + 0.5 * Vpo.RIDGE * ridge;
    }

    /** The equivalent pessimistic VPO problem. */
    public Vpo asVpo() {
        return Vpo.offline(bandit, eta, base);
    }

    /** argmin L_RPO, from theta = 0. */
    public double[] fit(List<int[]> data) {
        return asVpo().fit(data, new double[bandit.dimension()]);
    }
}
