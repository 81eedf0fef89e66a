package org.saddlepoint.solvers.linalg;

/**
 * The log-sum-exp function and its gradient, the softmax, computed with the max shift so that
 * no finite input overflows: log sum_k exp(a_k) = m + log sum_k exp(a_k - m), m = max_k a_k.
 */
public final class LogSumExp {
    private LogSumExp() {
    }

    /** log sum_k exp(a_k / temperature) for temperature &gt; 0. */
    public static double of(double[] a, double temperature) {
        return softmax(a, temperature, null);
    }

    /**
     * Writes softmax(a / temperature) into {@code out} (skipped when null) and returns
     * log sum_k exp(a_k / temperature).
     */
    public static double softmax(double[] a, double temperature, double[] out) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : a) {
            m = Math.max(m, v / temperature);
        }
        double sum = 0;
        for (int k = 0; k < a.length; k++) {
            double e = Math.exp(a[k] / temperature - m);
            sum += e;
            if (out != null) {
                out[k] = e;
            }
        }
        if (out != null) {
            for (int k = 0; k < a.length; k++) {
                out[k] /= sum;
            }
        }
        return m + Math.log(sum);
    }
}
