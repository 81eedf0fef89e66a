package org.saddlepoint.robust.maxmin;

import static org.saddlepoint.solvers.linalg.Logistic.sigmoid;

import org.saddlepoint.solvers.Checks;
import org.saddlepoint.solvers.InvalidInputException;
import org.saddlepoint.solvers.smooth.Lbfgs;

/**
 * Maximum-likelihood fit of a linear Bradley-Terry reward r(y) = phi.psi(y) (Bradley and Terry,
 * Biometrika 1952): each comparison is the feature difference d = psi(winner) - psi(loser) with
 * P(winner preferred) = sigma(phi.d). Minimises the weighted negative log-likelihood
 * sum_i w_i log(1 + exp(-phi.d_i)) + (l2/2) ||phi||^2, a convex (weighted logistic regression)
 * problem, by L-BFGS.
 */
public final class BradleyTerryFit {
    private static final double GRADIENT_TOLERANCE = 1e-10;

    private BradleyTerryFit() {
    }

    /** log sigma(z) computed without overflow. */
    public static double logSigmoid(double z) {
        return z >= 0 ? -Math.log1p(Math.exp(-z)) : z - Math.log1p(Math.exp(z));
    }

    /** sum_i log sigma(phi.d_i). */
    public static double logLikelihood(double[] phi, double[][] differences) {
        double s = 0;
        for (double[] d : differences) {
            s += logSigmoid(dot(phi, d));
        }
        return s;
    }

    /**
     * @param differences d_i = psi(winner) - psi(loser), all of one dimension
     * @param weights     w_i &gt;= 0, or null for all 1
     * @param l2          ridge strength &gt;= 0 (&gt; 0 makes the fit unique on separable data)
     */
    public static double[] fit(double[][] differences, double[] weights, double l2, double[] start) {
        if (differences.length == 0) {
            throw new InvalidInputException("a Bradley-Terry fit needs at least one comparison");
        }
        Checks.nonNegative("l2", l2);
        int dim = differences[0].length;
        for (double[] d : differences) {
            Checks.finite("comparison features", Checks.length("comparison features", d, dim));
        }
        return Lbfgs.minimize((phi, grad) -> {
            java.util.Arrays.fill(grad, 0);
            double f = 0;
            for (int i = 0; i < differences.length; i++) {
                double w = weights == null ? 1 : weights[i];
                if (w == 0) {
                    continue;
                }
                double z = dot(phi, differences[i]);
                f -= w * logSigmoid(z);
                double s = w * sigmoid(-z);
                for (int j = 0; j < dim; j++) {
                    grad[j] -= s * differences[i][j];
                }
            }
            for (int j = 0; j < dim; j++) {
                f += 0.5 * l2 * phi[j] * phi[j];
                grad[j] += l2 * phi[j];
            }
            return f;
        }, start == null ? new double[dim] : start, GRADIENT_TOLERANCE, 10_000).point();
    }


    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
