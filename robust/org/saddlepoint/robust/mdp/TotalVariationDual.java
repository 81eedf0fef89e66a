package org.saddlepoint.robust.mdp;

import java.util.Arrays;

import org.saddlepoint.solvers.InvalidInputException;

/**
 * The one-dimensional dual of the total-variation worst case (Liu and Xu, AISTATS 2024; spec 2.1):
 * for V with minimum V_min over the whole state space,
 * <pre>
 *   inf_{TV(mu, mu0) &lt;= rho} E_mu[V] = max_{alpha in [V_min, V_max]} { E_mu0[min(V, alpha)] - rho (alpha - V_min) },
 * </pre>
 * and its sample form in DR-LSVI-UCB, where E_mu0 is replaced by the ridge weights c^tau_i = [Lambda^-1 phi^tau]_i
 * of the stored next-state values v^tau, one alpha per coordinate i:
 * <pre>
 *   nu_i = max_alpha g_i(alpha),   g_i(alpha) = sum_tau c^tau_i min(v^tau, alpha) - rho_i (alpha - V_min).
 * </pre>
 * g_i is piecewise linear with breakpoints at the v^tau but not concave (weights may be negative), so it is
 * maximized exactly (spec 2.3): its maximum over [V_min, V_max] is attained at V_min or at a breakpoint, and
 * all candidates are evaluated with one sort of the values (primitive, equal values merged into one breakpoint)
 * and prefix sums, O(n log n + n d). No grid, no local optimizer.
 */
public final class TotalVariationDual {
    private TotalVariationDual() {
    }

    /** The dual with one coordinate: weights[t] for value values[t]. */
    public static double maximize(double[] weights, double[] values, double rho, double vMin) {
        return maximize(weights, values, values.length, new double[] {rho}, vMin)[0];
    }

    /**
     * nu_i for every coordinate i at once.
     *
     * @param weights row-major n x d: weights[t d + i] for sample t &lt; n and coordinate i &lt; d = rho.length
     * @param values  v^t for t &lt; n (only the first n are read)
     * @param n       the number of samples
     * @param rho     rho_i &gt;= 0 per coordinate
     * @param vMin    the minimum of V over the whole state space, at most every v^t
     * @return nu_i = max over alpha of g_i(alpha); where rho_i = 0 exactly sum_t weights[t][i] v^t (alpha = V_max,
     *         the plain regression, not a maximum over noisy breakpoints); with no samples, 0
     */
    public static double[] maximize(double[] weights, double[] values, int n, double[] rho, double vMin) {
        int d = rho.length;
        double[] sorted = new double[n];
        for (int t = 0; t < n; t++) {
            if (values[t] < vMin) {
                throw new InvalidInputException("value v[" + t + "] = " + values[t] + " is below V_min = " + vMin);
            }
            sorted[t] = values[t] + 0.0; // -0.0 to 0.0, so that equal values share one breakpoint
        }
        Arrays.sort(sorted);
        int m = 0;
        for (int t = 0; t < n; t++) {
            if (m == 0 || sorted[t] != sorted[m - 1]) {
                sorted[m++] = sorted[t];
            }
        }
        double[] bucket = new double[m * d]; // the weights of the samples at each distinct value, ascending
        double[] remaining = new double[d];
        for (int t = 0; t < n; t++) {
            int r = Arrays.binarySearch(sorted, 0, m, values[t] + 0.0);
            for (int i = 0; i < d; i++) {
                double w = weights[t * d + i];
                bucket[r * d + i] += w;
                remaining[i] += w;
            }
        }
        double[] best = new double[d];
        double[] prefix = new double[d];
        for (int i = 0; i < d; i++) {
            best[i] = vMin * remaining[i]; // alpha = V_min
        }
        for (int r = 0; r < m; r++) {
            double alpha = sorted[r];
            for (int i = 0; i < d; i++) {
                double w = bucket[r * d + i];
                prefix[i] += w * alpha;
                remaining[i] -= w;
                double g = prefix[i] + alpha * remaining[i] - rho[i] * (alpha - vMin);
                if (g > best[i]) {
                    best[i] = g;
                }
            }
        }
        for (int i = 0; i < d; i++) {
            if (rho[i] == 0) {
                best[i] = prefix[i]; // no adversary: the plain regression, alpha = V_max (spec pitfall 16)
            }
        }
        return best;
    }
}
