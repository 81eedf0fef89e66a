package org.saddlepoint.robust.maxmin;

import org.saddlepoint.solvers.iteration.IterationListener;
import org.saddlepoint.solvers.iteration.IterationMonitor;
import org.saddlepoint.solvers.iteration.SolverStatus;
import org.saddlepoint.solvers.iteration.StoppingRule;
import org.saddlepoint.solvers.linalg.LogSumExp;

/**
 * The MaxMin-RLHF iteration of Chakraborty et al. (ICML 2024), Algorithm 1, with the PPO step
 * replaced by an exact mirror-ascent step on tabular policies (spec 2.4 b): each iteration finds
 * the worst-off group u_t = argmin_u F_u(pi_t) and takes the entropic mirror-ascent step on F_{u_t}
 * with step eta_t = 1/(beta t), log pi_{t+1} = (1 - 1/t) log pi_t + (1/t)(log pi_ref + r_{u_t}/beta)
 * + const (the step size for a beta-strongly concave objective; it makes pi_{t+1} the Gibbs policy of
 * the frequencies of the worst groups so far). The answer is the average of the policies, whose
 * value min_u F_u converges, and the certificate is the duality gap against G(frequencies).
 */
public final class WorstGroupIteration {
    private WorstGroupIteration() {
    }

    public static MaxMinSolution solve(MaxMinProblem problem, StoppingRule rule, IterationListener listener) {
        int prompts = problem.prompts();
        double[][] logPolicy = new double[prompts][];
        double[][] policy = new double[prompts][];
        double[][] average = new double[prompts][];
        for (int x = 0; x < prompts; x++) {
            int n = problem.responses(x);
            logPolicy[x] = new double[n];
            policy[x] = new double[n];
            average[x] = new double[n];
            for (int y = 0; y < n; y++) {
                logPolicy[x][y] = Math.log(problem.referenceProbability(x, y));
                policy[x][y] = problem.referenceProbability(x, y);
            }
        }
        double[] frequency = new double[problem.groups()];
        IterationMonitor monitor = new IterationMonitor(rule, listener);
        double[] uniform = new double[problem.groups()];
        java.util.Arrays.fill(uniform, 1.0 / uniform.length);
        SolverStatus status = monitor.start(problem.dual(uniform) - problem.worstObjective(policy));
        int t = 0;
        while (status == null) {
            t++;
            int worst = worstGroup(problem, policy);
            double step = 1.0 / t;
            for (int x = 0; x < prompts; x++) {
                for (int y = 0; y < policy[x].length; y++) {
                    logPolicy[x][y] = (1 - step) * logPolicy[x][y] + step * (Math.log(problem.referenceProbability(x, y))
                            + problem.reward(worst, x, y) / problem.beta());
                }
                double lse = LogSumExp.softmax(logPolicy[x], 1, policy[x]);
                for (int y = 0; y < policy[x].length; y++) {
                    logPolicy[x][y] -= lse;
                    average[x][y] += (policy[x][y] - average[x][y]) / t;
                }
            }
            for (int u = 0; u < frequency.length; u++) {
                frequency[u] += ((u == worst ? 1 : 0) - frequency[u]) / t;
            }
            status = monitor.advance(t, () -> problem.dual(frequency) - problem.worstObjective(average));
        }
        return MaxMinSolution.of(problem, "worst-group mirror ascent", status, frequency, average, t,
                monitor.elapsedSeconds(), monitor.history());
    }

    private static int worstGroup(MaxMinProblem problem, double[][] policy) {
        int worst = 0;
        double min = Double.POSITIVE_INFINITY;
        for (int u = 0; u < problem.groups(); u++) {
            double f = problem.objective(u, policy);
            if (f < min) {
                min = f;
                worst = u;
            }
        }
        return worst;
    }
}
