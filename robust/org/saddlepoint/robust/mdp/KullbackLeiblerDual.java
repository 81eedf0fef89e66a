package org.saddlepoint.robust.mdp;

import org.saddlepoint.solvers.InvalidInputException;

/**
 * The KL worst case by its dual (spec 7.4; Hu and Hong 2013):
 * <pre>
 *   inf_{KL(mu || m) &lt;= rho} E_mu[V] = sup_{lambda &gt; 0} { -lambda log E_m[exp(-V / lambda)] - lambda rho },
 * </pre>
 * whose objective is concave in lambda; the minimizer is the exponential tilting mu proportional to
 * m exp(-V / lambda*). The supremum is found by golden-section search over log lambda (a monotone change of
 * variable keeps the objective unimodal) on [1e-9, 1e9] times the spread of V, and compared with the limit
 * lambda -&gt; 0, the minimum of V on the support of m. rho = 0 gives E_m[V].
 */
public final class KullbackLeiblerDual {
    private static final int ITERATIONS = 200;
    private static final double GOLDEN = (Math.sqrt(5) - 1) / 2;

    private KullbackLeiblerDual() {
    }

    /** inf over the KL ball of radius {@code rho} around {@code m} of E_mu[v]. */
    public static double infimum(double[] m, double[] v, double rho) {
        if (!(rho >= 0) || Double.isInfinite(rho)) {
            throw new InvalidInputException("KL radius must be finite and >= 0, got " + rho);
        }
        double mean = 0;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int s = 0; s < m.length; s++) {
            if (m[s] > 0) {
                mean += m[s] * v[s];
                lo = Math.min(lo, v[s]);
                hi = Math.max(hi, v[s]);
            }
        }
        if (rho == 0 || hi == lo) {
            return mean;
        }
        double spread = hi - lo;
        double a = Math.log(1e-9 * spread);
        double b = Math.log(1e9 * spread);
        double x1 = b - GOLDEN * (b - a);
        double x2 = a + GOLDEN * (b - a);
        double f1 = objective(m, v, rho, Math.exp(x1), lo);
        double f2 = objective(m, v, rho, Math.exp(x2), lo);
        for (int k = 0; k < ITERATIONS; k++) {
            if (f1 < f2) {
                a = x1;
                x1 = x2;
                f1 = f2;
                x2 = a + GOLDEN * (b - a);
                f2 = objective(m, v, rho, Math.exp(x2), lo);
            } else {
                b = x2;
                x2 = x1;
                f2 = f1;
                x1 = b - GOLDEN * (b - a);
                f1 = objective(m, v, rho, Math.exp(x1), lo);
            }
        }
        return Math.max(Math.max(f1, f2), lo);
    }

    /** -lambda log E_m[exp(-V / lambda)] - lambda rho, shifted by the support minimum for stability. */
    static double objective(double[] m, double[] v, double rho, double lambda, double lo) {
        double sum = 0;
        for (int s = 0; s < m.length; s++) {
            if (m[s] > 0) {
                sum += m[s] * Math.exp(-(v[s] - lo) / lambda);
            }
        }
        return lo - lambda * Math.log(sum) - lambda * rho;
    }
}
