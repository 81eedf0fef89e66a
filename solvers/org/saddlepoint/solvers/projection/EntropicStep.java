package org.saddlepoint.solvers.projection;

/**
 * The mirror (multiplicative-weights) step on the simplex under the negative-entropy mirror
 * map: out_i = center_i exp(-eta g_i) / sum_j center_j exp(-eta g_j) (Nemirovski 2004, the
 * entropic prox-mapping). Computed in log space with the log-sum-exp shift, so that neither
 * overflow nor underflow of exp(-eta g) occurs for any finite eta g. A zero entry of the
 * center stays zero.
 */
public final class EntropicStep {
    private EntropicStep() {
    }

    /** Writes the step from {@code center[off..off+len)} along {@code g[off..)} into {@code out[off..)}. */
    public static void step(double[] center, double[] g, double eta, double[] out, int off, int len) {
        double shift = Double.NEGATIVE_INFINITY;
        for (int i = off; i < off + len; i++) {
            double s = Math.log(center[i]) - eta * g[i];
            out[i] = s;
            shift = Math.max(shift, s);
        }
        double sum = 0;
        for (int i = off; i < off + len; i++) {
            double e = Math.exp(out[i] - shift);
            out[i] = e;
            sum += e;
        }
        double inv = 1 / sum;
        for (int i = off; i < off + len; i++) {
            out[i] *= inv;
        }
    }
}
