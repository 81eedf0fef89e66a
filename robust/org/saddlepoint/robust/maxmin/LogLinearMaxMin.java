package org.saddlepoint.robust.maxmin;

import java.util.Arrays;

import org.saddlepoint.solvers.Checks;
import org.saddlepoint.solvers.InvalidInputException;
import org.saddlepoint.solvers.iteration.IterationListener;
import org.saddlepoint.solvers.iteration.IterationMonitor;
import org.saddlepoint.solvers.iteration.SolverStatus;
import org.saddlepoint.solvers.iteration.StoppingRule;
import org.saddlepoint.solvers.linalg.LogSumExp;
import org.saddlepoint.solvers.projection.EntropicStep;
import org.saddlepoint.solvers.smooth.Lbfgs;

/**
 * MaxMin-RLHF over a log-linear policy class (spec 2.4 c): pi_theta(y|x) proportional to
 * pi_ref(y|x) exp(theta.phi(x, y)), max_theta min_{w in simplex} sum_u w_u F_u(pi_theta), solved as a
 * saddle problem: the group weights w follow entropic mirror descent (Nemirovski and Yudin) on
 * w -&gt; max_theta sum_u w_u F_u(pi_theta) with step beta / R^2 (R the largest |reward|), and theta
 * best-responds to each w by L-BFGS (warm-started), with gradient
 * sum_x rho_x Cov_{pi_theta}(w.r - beta theta.phi, phi). The policy returned is the best iterate
 * by min_u F_u; the certificate is G(w) - min_u F_u, a gap against the MaxMin value over ALL
 * policies, so it reaches zero only when the class holds the Gibbs policy of w* (for example when
 * the features are the group rewards, where theta = w / beta).
 */
public final class LogLinearMaxMin {
    private LogLinearMaxMin() {
    }

    /** The best parameter found and its solution. */
    public record Result(double[] theta, MaxMinSolution solution) {
    }

    /** @param features features[x][y] = phi(x, y), all of one dimension */
    public static Result solve(MaxMinProblem problem, double[][][] features, StoppingRule rule,
                               IterationListener listener) {
        if (features.length != problem.prompts()) {
            throw new InvalidInputException("features cover " + features.length + " prompts, the problem has "
                    + problem.prompts());
        }
        int dim = features[0][0].length;
        for (int x = 0; x < features.length; x++) {
            if (features[x].length != problem.responses(x)) {
                throw new InvalidInputException("features of prompt " + (x + 1) + " cover " + features[x].length
                        + " responses, expected " + problem.responses(x));
            }
            for (double[] f : features[x]) {
                Checks.finite("features", Checks.length("features", f, dim));
            }
        }
        double step = problem.beta() / Math.pow(largestReward(problem), 2);
        int groups = problem.groups();
        double[] w = new double[groups];
        Arrays.fill(w, 1.0 / groups);
        double[] theta = new double[dim];
        double[] bestTheta = theta;
        double best = Double.NEGATIVE_INFINITY;
        double[] bestW = w;
        IterationMonitor monitor = new IterationMonitor(rule, listener);
        SolverStatus status = monitor.start(problem.dual(w) - problem.worstObjective(policy(problem, features, theta)));
        int it = 0;
        while (status == null) {
            double[] weights = w;
            theta = Lbfgs.minimize((t, grad) -> negativeMixedObjective(problem, features, weights, t, grad), theta,
                    1e-10, 10_000).point();
            double[][] pi = policy(problem, features, theta);
            double[] values = new double[groups];
            for (int u = 0; u < groups; u++) {
                values[u] = problem.objective(u, pi);
            }
            double worst = Arrays.stream(values).min().orElseThrow();
            if (worst > best) {
                best = worst;
                bestTheta = theta.clone();
                bestW = w.clone();
            }
            double[] next = new double[groups];
            EntropicStep.step(w, values, step, next, 0, groups);
            w = next;
            double bound = Math.min(problem.dual(w), problem.dual(bestW));
            double certificate = bound - best;
            status = monitor.advance(++it, () -> certificate);
        }
        MaxMinSolution s = MaxMinSolution.of(problem, "log-linear maxmin (mirror descent on w, L-BFGS on theta)",
                status, problem.dual(w) < problem.dual(bestW) ? w : bestW, policy(problem, features, bestTheta), it,
                monitor.elapsedSeconds(), monitor.history());
        return new Result(bestTheta, s);
    }

    /** pi_theta(y|x) proportional to pi_ref(y|x) exp(theta.phi(x, y)). */
    public static double[][] policy(MaxMinProblem problem, double[][][] features, double[] theta) {
        double[][] pi = new double[problem.prompts()][];
        for (int x = 0; x < pi.length; x++) {
            double[] z = new double[problem.responses(x)];
            for (int y = 0; y < z.length; y++) {
                z[y] = Math.log(problem.referenceProbability(x, y)) + BradleyTerryFit.dot(theta, features[x][y]);
            }
            pi[x] = new double[z.length];
            LogSumExp.softmax(z, 1, pi[x]);
        }
        return pi;
    }

    /** -sum_u w_u F_u(pi_theta) and its gradient -sum_x rho_x Cov(w.r - beta theta.phi, phi). */
    private static double negativeMixedObjective(MaxMinProblem problem, double[][][] features, double[] w,
                                                 double[] theta, double[] grad) {
        double[][] pi = policy(problem, features, theta);
        Arrays.fill(grad, 0);
        double value = 0;
        for (int x = 0; x < problem.prompts(); x++) {
            int n = problem.responses(x);
            double[] g = new double[n];
            double meanG = 0;
            double[] meanPhi = new double[theta.length];
            for (int y = 0; y < n; y++) {
                for (int u = 0; u < w.length; u++) {
                    g[y] += w[u] * problem.reward(u, x, y);
                }
                g[y] -= problem.beta() * BradleyTerryFit.dot(theta, features[x][y]);
                meanG += pi[x][y] * g[y];
                for (int j = 0; j < theta.length; j++) {
                    meanPhi[j] += pi[x][y] * features[x][y][j];
                }
            }
            for (int y = 0; y < n; y++) {
                for (int j = 0; j < theta.length; j++) {
                    grad[j] -= problem.promptWeight(x) * pi[x][y] * (g[y] - meanG) * (features[x][y][j] - meanPhi[j]);
                }
            }
        }
        for (int u = 0; u < w.length; u++) {
            value += w[u] * problem.objective(u, pi);
        }
        return -value;
    }

    private static double largestReward(MaxMinProblem problem) {
        double r = 1e-12;
        for (int u = 0; u < problem.groups(); u++) {
            for (int x = 0; x < problem.prompts(); x++) {
                for (int y = 0; y < problem.responses(x); y++) {
                    r = Math.max(r, Math.abs(problem.reward(u, x, y)));
                }
            }
        }
        return r;
    }
}
