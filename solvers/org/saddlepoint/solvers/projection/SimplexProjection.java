package org.saddlepoint.solvers.projection;

import java.util.Arrays;

/**
 * Euclidean projection onto the simplex {x >= 0, sum x = radius}, by sorting: O(n log n).
 * Held, Wolfe and Crowder (1974); Duchi, Shalev-Shwartz, Singer and Chandra (ICML 2008),
 * Figure 1; Wang and Carreira-Perpinan (2013), Algorithm 1. The full algorithm runs every
 * time: there is no early-exit shortcut.
 */
public final class SimplexProjection {
    private SimplexProjection() {
    }

    /**
     * Projects {@code v[off .. off+len)} onto the simplex of the given radius, in place. The
     * entries are shifted by their maximum first (the projection commutes with adding a constant
     * to every entry), so that huge entries or a tiny radius cannot lose the threshold to rounding.
     */
    public static void project(double[] v, int off, int len, double radius) {
        double[] sorted = Arrays.copyOfRange(v, off, off + len);
        Arrays.sort(sorted);
        double top = sorted[len - 1];
        for (int k = 0; k < len; k++) {
            sorted[k] -= top;
        }
        double theta = threshold(sorted, radius);
        for (int i = off; i < off + len; i++) {
            v[i] = Math.max((v[i] - top) - theta, 0.0);
        }
    }

    /** Projects all of {@code v} onto the unit simplex, in place. */
    public static void project(double[] v) {
        project(v, 0, v.length, 1.0);
    }

    /**
     * The shift theta with sum_i max(u_i - theta, 0) = radius, from the ascending sort u of the
     * shifted entries (largest = 0): the largest k with u_(k) - (sum of the k largest - radius)/k
     * &gt; 0 fixes theta. k = 1 always qualifies, since radius &gt; 0.
     */
    private static double threshold(double[] ascending, double radius) {
        int n = ascending.length;
        double cumulative = ascending[n - 1];
        double theta = cumulative - radius;
        for (int k = 2; k <= n; k++) {
            double u = ascending[n - k];
            cumulative += u;
            double candidate = (cumulative - radius) / k;
            if (u - candidate > 0) {
                theta = candidate;
            }
        }
        return theta;
    }
}
