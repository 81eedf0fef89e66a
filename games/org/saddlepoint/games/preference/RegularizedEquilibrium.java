package org.saddlepoint.games.preference;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.saddlepoint.solvers.SaddlepointException;

/**
 * The regularized equilibrium pi*_beta of a {@link PreferenceGame} (the regularized Nash
 * equilibrium of Munos et al. 2024, the QRE of EGPO), computed independently of the learners:
 * damped Newton's method on its fixed-point equation in logit space,
 * <pre>  R(theta) = theta - log mu - P softmax(theta) / beta = c 1, </pre>
 * whose Jacobian I - A S / beta (A = P - 11^T/2, S = diag(pi) - pi pi^T; 11^T S = 0) is never
 * singular: A S is similar to the skew matrix S^{1/2} A S^{1/2} on the range of S, so its
 * eigenvalues are imaginary. Steps are halved until the span max R - min R (gauge-free) drops;
 * the iteration stops when it no longer does. The certificate is Gap_beta of the result.
 *
 * @param policy     pi*_beta
 * @param iterations Newton steps taken
 * @param span       max R - min R at the end (0 exactly at pi*_beta)
 * @param gap        Gap_beta(policy)
 */
public record RegularizedEquilibrium(double[] policy, int iterations, double span, double gap) {
    private static final int MAX_ITERATIONS = 500;
    private static final int MAX_HALVINGS = 60;

    /** Runs Newton from theta = log mu. */
    static RegularizedEquilibrium solve(PreferenceGame game) {
        int k = game.responses();
        double[] logMu = game.logReference();
        double[] theta = logMu.clone();
        double[] pi = new double[k];
        Softmax.normalise(theta, pi);
        double[] r = residual(game, theta, pi);
        double span = span(r);
        int it = 0;
        while (it < MAX_ITERATIONS && span > 0) {
            double[] d = newtonDirection(game, pi, r);
            double[] trialTheta = new double[k];
            double[] trialPi = new double[k];
            double[] trialR = null;
            double trialSpan = Double.POSITIVE_INFINITY;
            double t = 1;
            for (int h = 0; h < MAX_HALVINGS && !(trialSpan < span); h++, t *= 0.5) {
                for (int y = 0; y < k; y++) {
                    trialTheta[y] = theta[y] + t * d[y];
                }
                Softmax.normalise(trialTheta, trialPi);
                trialR = residual(game, trialTheta, trialPi);
                trialSpan = span(trialR);
            }
            if (!(trialSpan < span)) {
                break;
            }
            theta = trialTheta;
            pi = trialPi;
            r = trialR;
            span = trialSpan;
            it++;
        }
        return new RegularizedEquilibrium(pi, it, span, game.dualityGap(pi));
    }

    private static double[] residual(PreferenceGame game, double[] theta, double[] pi) {
        double[] r = new double[theta.length];
        game.preferences().multiply(pi, r);
        double[] logMu = game.logReference();
        for (int y = 0; y < r.length; y++) {
            r[y] = theta[y] - logMu[y] - r[y] / game.beta();
        }
        return r;
    }

    private static double span(double[] v) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            lo = Math.min(lo, x);
            hi = Math.max(hi, x);
        }
        return hi - lo;
    }

    /** Solves (I - P S / beta) d = -r. */
    private static double[] newtonDirection(PreferenceGame game, double[] pi, double[] r) {
        int k = pi.length;
        double beta = game.beta();
        DMatrixRMaj jacobian = new DMatrixRMaj(k, k);
        PreferenceMatrix p = game.preferences();
        double[] pPi = new double[k];
        p.multiply(pi, pPi);
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                // (P S)_ij = P_ij pi_j - (P pi)_i pi_j
                double ps = (p.get(i, j) - pPi[i]) * pi[j];
                jacobian.set(i, j, (i == j ? 1 : 0) - ps / beta);
            }
        }
        DMatrixRMaj rhs = new DMatrixRMaj(k, 1);
        for (int i = 0; i < k; i++) {
            rhs.set(i, 0, -r[i]);
        }
        DMatrixRMaj d = new DMatrixRMaj(k, 1);
        if (!CommonOps_DDRM.solve(jacobian, rhs, d)) {
            throw new SaddlepointException("the Newton system of the regularized equilibrium is singular (K = "
                    + k + ", beta = " + beta + ")");
        }
        return d.getData().clone();
    }

    @Override
    public double[] policy() {
        return policy.clone();
    }
}
