package org.saddlepoint.robust.maxmin;

import java.util.Arrays;

import org.ejml.simple.SimpleMatrix;

import org.saddlepoint.solvers.iteration.IterationListener;
import org.saddlepoint.solvers.iteration.IterationMonitor;
import org.saddlepoint.solvers.iteration.SolverStatus;
import org.saddlepoint.solvers.iteration.StoppingRule;
import org.saddlepoint.solvers.projection.SimplexProjection;

/**
 * The exact MaxMin-RLHF solver through the convex dual (spec 2.4 a): minimises
 * G(w) = sum_x rho_x beta log E_{pi_ref} exp(w.r / beta) over the simplex of group weights by
 * accelerated projected gradient (Beck and Teboulle's FISTA, SIAM J. Imaging Sci. 2009, with
 * backtracking on the Lipschitz constant and the function-value restart of O'Donoghue and Candes,
 * 2015), and returns the Gibbs policy of w. The certificate G(w) - min_u F_u(pi_w) is the duality
 * gap; it equals the Frank-Wolfe gap w.grad G - min_u grad_u G. Near the optimum G changes by
 * less than its rounding (its excess is quadratic in the distance to w*, the gap only linear), so
 * every iteration also tries an equality-constrained Newton step on the current face
 * {w_u = 0 off the support, sum w = 1} and keeps it when it lowers the gap: this solves the tie
 * equations grad_u G(w) = const on the support to machine precision.
 */
public final class MaxMinDual {
    private MaxMinDual() {
    }

    /** Solves to an absolute duality gap of {@code rule.tolerance()}. */
    public static MaxMinSolution solve(MaxMinProblem problem, StoppingRule rule, IterationListener listener) {
        int groups = problem.groups();
        double[] w = new double[groups];
        Arrays.fill(w, 1.0 / groups);
        double[] y = w.clone();
        double momentum = 1;
        double lipschitz = 1;
        IterationMonitor monitor = new IterationMonitor(rule, listener);
        SolverStatus status = monitor.start(gap(problem, w));
        int it = 0;
        while (status == null) {
            double[] g = problem.dualGradient(y);
            double gy = problem.dual(y);
            double[] next;
            while (true) {
                next = new double[groups];
                for (int u = 0; u < groups; u++) {
                    next[u] = y[u] - g[u] / lipschitz;
                }
                SimplexProjection.project(next);
                if (problem.dual(next) <= gy + model(g, y, next, lipschitz) + 1e-15 * Math.abs(gy)) {
                    break;
                }
                lipschitz *= 2;
            }
            if (problem.dual(next) > problem.dual(w)) {
                momentum = 1;
                y = w.clone();
            } else {
                double nextMomentum = (1 + Math.sqrt(1 + 4 * momentum * momentum)) / 2;
                double beta = (momentum - 1) / nextMomentum;
                for (int u = 0; u < groups; u++) {
                    y[u] = next[u] + beta * (next[u] - w[u]);
                }
                SimplexProjection.project(y);
                w = next;
                momentum = nextMomentum;
                lipschitz /= 1.5;
            }
            double[] polished = newtonOnFace(problem, w);
            if (polished != null && gap(problem, polished) < gap(problem, w)) {
                w = polished;
                y = w.clone();
                momentum = 1;
            }
            double[] current = w;
            status = monitor.advance(++it, () -> gap(problem, current));
        }
        return MaxMinSolution.of(problem, "maxmin dual (FISTA)", status, w, problem.gibbsPolicy(w), it, monitor.elapsedSeconds(),
                monitor.history());
    }

    /**
     * One Newton step for min G on the face of w's support: [H_SS 1; 1' 0][d; nu] = [-g_S; 0];
     * null when the system is singular or the step leaves the simplex.
     */
    private static double[] newtonOnFace(MaxMinProblem problem, double[] w) {
        int[] support = java.util.stream.IntStream.range(0, w.length).filter(u -> w[u] > 0).toArray();
        int s = support.length;
        double[] g = problem.dualGradient(w);
        double[][] h = problem.dualHessian(w);
        SimpleMatrix kkt = new SimpleMatrix(s + 1, s + 1);
        SimpleMatrix rhs = new SimpleMatrix(s + 1, 1);
        for (int i = 0; i < s; i++) {
            for (int j = 0; j < s; j++) {
                kkt.set(i, j, h[support[i]][support[j]]);
            }
            kkt.set(i, s, 1);
            kkt.set(s, i, 1);
            rhs.set(i, -g[support[i]]);
        }
        SimpleMatrix step;
        try {
            step = kkt.solve(rhs);
        } catch (org.ejml.data.SingularMatrixException e) {
            return null;
        }
        double[] next = w.clone();
        for (int i = 0; i < s; i++) {
            next[support[i]] += step.get(i);
            if (!(next[support[i]] >= 0)) {
                return null;
            }
        }
        return next;
    }

    /** g.(z - y) + L/2 ||z - y||^2. */
    private static double model(double[] g, double[] y, double[] z, double lipschitz) {
        double lin = 0;
        double sq = 0;
        for (int u = 0; u < g.length; u++) {
            double d = z[u] - y[u];
            lin += g[u] * d;
            sq += d * d;
        }
        return lin + 0.5 * lipschitz * sq;
    }

    /** G(w) - min_u F_u(pi_w): the duality gap of the Gibbs policy of w. */
    static double gap(MaxMinProblem problem, double[] w) {
        return Math.max(0, problem.dual(w) - problem.worstObjective(problem.gibbsPolicy(w)));
    }
}
