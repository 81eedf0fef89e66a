package org.saddlepoint.games.preference;

import java.util.List;

import org.saddlepoint.solvers.InvalidInputException;

/**
 * The preference game averaged over prompts x with weights rho(x) (Munos et al. 2024 and INPO,
 * Zhang et al., ICLR 2025, write J = E_{x ~ rho} J_x): each prompt has its own responses,
 * preference matrix and reference policy, all share beta. The game separates over prompts, so
 * its duality gap and exploitability are the rho-weighted sums of the prompts' own. Immutable.
 */
public final class MultiPromptGame {
    private final List<PreferenceGame> prompts;
    private final double[] weights;

    private MultiPromptGame(List<PreferenceGame> prompts, double[] weights) {
        this.prompts = prompts;
        this.weights = weights;
    }

    /**
     * @param prompts one game per prompt, all with the same beta
     * @param weights rho, one per prompt, &gt;= 0 and summing to 1
     */
    public static MultiPromptGame of(List<PreferenceGame> prompts, double[] weights) {
        if (prompts == null || prompts.isEmpty()) {
            throw new InvalidInputException("a preference game needs at least one prompt");
        }
        double[] rho = PreferenceGame.checkPolicy("prompt weights", weights, prompts.size());
        double beta = prompts.get(0).beta();
        for (int x = 0; x < prompts.size(); x++) {
            if (prompts.get(x).beta() != beta) {
                throw new InvalidInputException("all prompts must share beta: prompt " + x + " has "
                        + prompts.get(x).beta() + ", prompt 0 has " + beta);
            }
        }
        return new MultiPromptGame(List.copyOf(prompts), rho);
    }

    /** One prompt, weight 1. */
    public static MultiPromptGame single(PreferenceGame game) {
        return of(List.of(game), new double[] {1});
    }

    public int promptCount() {
        return prompts.size();
    }

    public PreferenceGame prompt(int x) {
        return prompts.get(x);
    }

    public double weight(int x) {
        return weights[x];
    }

    /** sum_x rho(x) Gap_beta,x(pi_x). */
    public double dualityGap(double[][] policies) {
        double s = 0;
        for (int x = 0; x < prompts.size(); x++) {
            s += weights[x] * prompts.get(x).dualityGap(policies[x]);
        }
        return s;
    }

    /** sum_x rho(x) Expl_x(pi_x). */
    public double exploitability(double[][] policies) {
        double s = 0;
        for (int x = 0; x < prompts.size(); x++) {
            s += weights[x] * prompts.get(x).exploitability(policies[x]);
        }
        return s;
    }
}
