package org.saddlepoint.robust.maxmin;

import org.saddlepoint.solvers.Checks;
import org.saddlepoint.solvers.InvalidInputException;
import org.saddlepoint.solvers.linalg.LogSumExp;

/**
 * The egalitarian alignment objective of MaxMin-RLHF (Chakraborty et al., "MaxMin-RLHF: Alignment
 * with Diverse Human Preferences", ICML 2024, Section 4) on a finite bandit: prompts x with weights
 * rho_x, responses y, a reference policy pi_ref(y|x), U group rewards r_u(x, y) and KL strength
 * beta. Group u's objective is F_u(pi) = sum_x rho_x [E_{y ~ pi(.|x)} r_u(x, y) - beta KL(pi(.|x) || pi_ref(.|x))];
 * MaxMin maximises min_u F_u(pi). By Sion's theorem its value is min over w in the simplex of the
 * convex dual G(w) = sum_x rho_x beta log sum_y pi_ref(y|x) exp(w.r(x, y) / beta), attained by the
 * Gibbs policy of the mixed reward w.r. Immutable.
 */
public final class MaxMinProblem {
    private final double[][][] rewards;
    private final double[][] reference;
    private final double[] promptWeights;
    private final double beta;

    /**
     * @param rewards       rewards[u][x][y]
     * @param reference     pi_ref[x][y], each row a probability vector with positive entries
     * @param promptWeights rho_x, a probability vector
     * @param beta          KL strength, &gt; 0
     */
    public MaxMinProblem(double[][][] rewards, double[][] reference, double[] promptWeights, double beta) {
        if (rewards == null || rewards.length == 0) {
            throw new InvalidInputException("there must be at least one group reward");
        }
        this.beta = Checks.positive("beta", beta);
        this.promptWeights = probability("prompt weights", promptWeights, false);
        int prompts = promptWeights.length;
        Checks.length("reference policy (prompts)", new double[reference.length], prompts);
        this.reference = new double[prompts][];
        for (int x = 0; x < prompts; x++) {
            this.reference[x] = probability("reference policy of prompt " + (x + 1), reference[x], true);
        }
        this.rewards = new double[rewards.length][prompts][];
        for (int u = 0; u < rewards.length; u++) {
            Checks.length("rewards of group " + (u + 1) + " (prompts)", new double[rewards[u].length], prompts);
            for (int x = 0; x < prompts; x++) {
                Checks.length("rewards of group " + (u + 1) + ", prompt " + (x + 1), rewards[u][x],
                        reference[x].length);
                this.rewards[u][x] = Checks.finite("rewards of group " + (u + 1), rewards[u][x].clone());
            }
        }
    }

    /** One prompt, uniform reference over the responses: rewards[u][y]. */
    public static MaxMinProblem singlePrompt(double[][] rewards, double beta) {
        double[][][] r = new double[rewards.length][1][];
        for (int u = 0; u < rewards.length; u++) {
            r[u][0] = rewards[u];
        }
        double[] ref = new double[rewards[0].length];
        java.util.Arrays.fill(ref, 1.0 / ref.length);
        return new MaxMinProblem(r, new double[][] {ref}, new double[] {1}, beta);
    }

    private static double[] probability(String name, double[] p, boolean positive) {
        Checks.finite(name, p);
        double sum = 0;
        for (double v : p) {
            if (v < 0 || (positive && v == 0)) {
                throw new InvalidInputException(name + " has an entry " + (positive ? "<= 0" : "< 0") + ": " + v);
            }
            sum += v;
        }
        if (p.length == 0 || Math.abs(sum - 1) > 1e-9) {
            throw new InvalidInputException(name + " must sum to 1, sums to " + sum);
        }
        return p.clone();
    }

    public int groups() {
        return rewards.length;
    }

    public int prompts() {
        return promptWeights.length;
    }

    public int responses(int x) {
        return reference[x].length;
    }

    public double beta() {
        return beta;
    }

    /** The same problem with another KL strength. */
    public MaxMinProblem withBeta(double newBeta) {
        return new MaxMinProblem(rewards, reference, promptWeights, newBeta);
    }

    public double reward(int u, int x, int y) {
        return rewards[u][x][y];
    }

    public double promptWeight(int x) {
        return promptWeights[x];
    }

    public double referenceProbability(int x, int y) {
        return reference[x][y];
    }

    /** F_u(pi) for a policy pi[x][y]. */
    public double objective(int u, double[][] policy) {
        double total = 0;
        for (int x = 0; x < prompts(); x++) {
            double s = 0;
            for (int y = 0; y < responses(x); y++) {
                double p = policy[x][y];
                if (p > 0) {
                    s += p * (rewards[u][x][y] - beta * Math.log(p / reference[x][y]));
                }
            }
            total += promptWeights[x] * s;
        }
        return total;
    }

    /** min_u F_u(pi). */
    public double worstObjective(double[][] policy) {
        double m = Double.POSITIVE_INFINITY;
        for (int u = 0; u < groups(); u++) {
            m = Math.min(m, objective(u, policy));
        }
        return m;
    }

    /** The Gibbs policy pi_w(y|x) proportional to pi_ref(y|x) exp(w.r(x, y) / beta). */
    public double[][] gibbsPolicy(double[] w) {
        double[][] policy = new double[prompts()][];
        for (int x = 0; x < prompts(); x++) {
            policy[x] = new double[responses(x)];
            LogSumExp.softmax(logits(w, x), beta, policy[x]);
        }
        return policy;
    }

    /** G(w) = sum_x rho_x beta log sum_y pi_ref(y|x) exp(w.r(x, y) / beta). */
    public double dual(double[] w) {
        double g = 0;
        for (int x = 0; x < prompts(); x++) {
            g += promptWeights[x] * beta * LogSumExp.of(logits(w, x), beta);
        }
        return g;
    }

    /** dG/dw_u = sum_x rho_x E_{pi_w}[r_u(x, y)] (envelope theorem). */
    public double[] dualGradient(double[] w) {
        double[][] policy = gibbsPolicy(w);
        double[] g = new double[groups()];
        for (int u = 0; u < groups(); u++) {
            for (int x = 0; x < prompts(); x++) {
                for (int y = 0; y < responses(x); y++) {
                    g[u] += promptWeights[x] * policy[x][y] * rewards[u][x][y];
                }
            }
        }
        return g;
    }

    /** The Hessian of G: (1/beta) sum_x rho_x Cov_{pi_w(.|x)}(r_u, r_v). */
    public double[][] dualHessian(double[] w) {
        double[][] policy = gibbsPolicy(w);
        int n = groups();
        double[][] h = new double[n][n];
        for (int x = 0; x < prompts(); x++) {
            double[] mean = new double[n];
            for (int u = 0; u < n; u++) {
                for (int y = 0; y < responses(x); y++) {
                    mean[u] += policy[x][y] * rewards[u][x][y];
                }
            }
            for (int u = 0; u < n; u++) {
                for (int v = 0; v < n; v++) {
                    double cov = 0;
                    for (int y = 0; y < responses(x); y++) {
                        cov += policy[x][y] * (rewards[u][x][y] - mean[u]) * (rewards[v][x][y] - mean[v]);
                    }
                    h[u][v] += promptWeights[x] * cov / beta;
                }
            }
        }
        return h;
    }

    /** w.r(x, y) + beta log pi_ref(y|x), whose softmax at temperature beta is the Gibbs policy. */
    private double[] logits(double[] w, int x) {
        double[] z = new double[responses(x)];
        for (int y = 0; y < z.length; y++) {
            double s = beta * Math.log(reference[x][y]);
            for (int u = 0; u < groups(); u++) {
                s += w[u] * rewards[u][x][y];
            }
            z[y] = s;
        }
        return z;
    }
}
