package org.saddlepoint.solvers.smooth;

import java.util.ArrayDeque;
import java.util.Deque;

import org.saddlepoint.solvers.Checks;
import org.saddlepoint.solvers.linalg.Vectors;

/**
 * Limited-memory BFGS for smooth unconstrained minimisation: Nocedal and Wright, Numerical
 * Optimization (2nd ed.), Algorithm 7.5 with the two-loop recursion of Algorithm 7.4 and a
 * backtracking Armijo line search (Algorithm 3.1); a curvature pair with s.y &lt;= 0 is skipped so
 * that the inverse-Hessian model stays positive definite. (Commons Math's nonlinear conjugate
 * gradient was tried first: its Brent line search needed 83,000 evaluations to bring the gradient
 * of a 12-variable quadratic to 1e-7.) The certificate of the returned point is its gradient norm.
 */
public final class Lbfgs {
    private static final int MEMORY = 10;
    private static final double ARMIJO = 1e-4;

    private Lbfgs() {
    }

    /** The point found, its value, the norm of its gradient and the number of evaluations. */
    public record Minimum(double[] point, double value, double gradientNorm, int evaluations) {
    }

    /**
     * Minimises {@code f} from {@code start} until the gradient norm is at most
     * {@code gradientTolerance}, the line search can no longer decrease f, or
     * {@code maxEvaluations} evaluations are spent; returns the last accepted point.
     */
    public static Minimum minimize(SmoothObjective f, double[] start, double gradientTolerance, int maxEvaluations) {
        Checks.finite("start", start);
        Checks.positive("gradient tolerance", gradientTolerance);
        Checks.positive("max evaluations", maxEvaluations);
        int n = start.length;
        double[] x = start.clone();
        double[] g = new double[n];
        double fx = f.evaluate(x, g);
        int evaluations = 1;
        Deque<double[][]> pairs = new ArrayDeque<>();
        double[] trial = new double[n];
        double[] trialGrad = new double[n];
        while (Vectors.norm2(g) > gradientTolerance && evaluations < maxEvaluations) {
            double[] d = direction(g, pairs);
            double slope = Vectors.dot(g, d);
            if (!(slope < 0)) {
                pairs.clear();
                d = negate(g);
                slope = Vectors.dot(g, d);
            }
            double step = pairs.isEmpty() ? Math.min(1, 1 / Vectors.norm2(g)) : 1;
            double ft = Double.NaN;
            boolean accepted = false;
            while (evaluations < maxEvaluations) {
                for (int i = 0; i < n; i++) {
                    trial[i] = x[i] + step * d[i];
                }
                ft = f.evaluate(trial, trialGrad);
                evaluations++;
                if (ft <= fx + ARMIJO * step * slope || flatButSteeperDescent(fx, ft, g, trialGrad)) {
                    accepted = true;
                    break;
                }
                step *= 0.5;
                if (step * Vectors.norm2(d) <= 1e-16 * (1 + Vectors.norm2(x))) {
                    break;
                }
            }
            if (!accepted) {
                break;
            }
            double[] s = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                s[i] = trial[i] - x[i];
                y[i] = trialGrad[i] - g[i];
            }
            if (Vectors.dot(s, y) > 0) {
                pairs.addLast(new double[][] {s, y});
                if (pairs.size() > MEMORY) {
                    pairs.removeFirst();
                }
            }
            System.arraycopy(trial, 0, x, 0, n);
            System.arraycopy(trialGrad, 0, g, 0, n);
            fx = ft;
        }
        return new Minimum(x, fx, Vectors.norm2(g), evaluations);
    }

    /**
     * Near the minimum f changes by less than its rounding, so Armijo's test cannot be decided
     * from values; a step that leaves f unchanged to 1e-15 (relative) and shrinks the gradient is
     * then accepted.
     */
    private static boolean flatButSteeperDescent(double fx, double ft, double[] g, double[] trialGrad) {
        return Math.abs(ft - fx) <= 1e-15 * Math.abs(fx) + Double.MIN_NORMAL
                && Vectors.norm2(trialGrad) < Vectors.norm2(g);
    }

    /** The two-loop recursion: -H g for the inverse-Hessian model of the stored pairs. */
    private static double[] direction(double[] g, Deque<double[][]> pairs) {
        double[] q = g.clone();
        int m = pairs.size();
        double[] alpha = new double[m];
        double[] rho = new double[m];
        double[][][] list = pairs.toArray(new double[0][][]);
        for (int j = m - 1; j >= 0; j--) {
            rho[j] = 1 / Vectors.dot(list[j][1], list[j][0]);
            alpha[j] = rho[j] * Vectors.dot(list[j][0], q);
            axpy(-alpha[j], list[j][1], q);
        }
        if (m > 0) {
            double[] y = list[m - 1][1];
            double gamma = Vectors.dot(list[m - 1][0], y) / Vectors.dot(y, y);
            for (int i = 0; i < q.length; i++) {
                q[i] *= gamma;
            }
        }
        for (int j = 0; j < m; j++) {
            double beta = rho[j] * Vectors.dot(list[j][1], q);
            axpy(alpha[j] - beta, list[j][0], q);
        }
        return negate(q);
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < y.length; i++) {
            y[i] += a * x[i];
        }
    }

    private static double[] negate(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = -v[i];
        }
        return out;
    }
}
