package org.saddlepoint.games.preference;

/**
 * Softmax policies pi = softmax(theta) over a finite response set, kept as logits so that
 * probabilities far below the double range (pi*_beta at beta = 0.001 has entries near exp(-1000))
 * keep their ratios: log-sum-exp with the max shift, KL divergences from log-probabilities.
 * (The simplex's entropic step in {@code solvers/projection/EntropicStep} works on probabilities
 * and would lose those entries; the preference learners therefore step in logit space.)
 */
final class Softmax {
    private Softmax() {
    }

    /** log sum_y exp(logits_y), shifted by the max. */
    static double logSumExp(double[] logits) {
        double top = Double.NEGATIVE_INFINITY;
        for (double v : logits) {
            top = Math.max(top, v);
        }
        if (top == Double.NEGATIVE_INFINITY) {
            return top;
        }
        double s = 0;
        for (double v : logits) {
            s += Math.exp(v - top);
        }
        return top + Math.log(s);
    }

    /**
     * Re-centres {@code logits} in place (subtracts their log-sum-exp, so they become the
     * log-probabilities) and writes softmax(logits) to {@code policy}.
     */
    static void normalise(double[] logits, double[] policy) {
        double lse = logSumExp(logits);
        for (int y = 0; y < logits.length; y++) {
            logits[y] -= lse;
            policy[y] = Math.exp(logits[y]);
        }
    }

    /** log p entrywise (-Infinity for a zero). */
    static double[] logs(double[] p) {
        double[] l = new double[p.length];
        for (int y = 0; y < p.length; y++) {
            l[y] = Math.log(p[y]);
        }
        return l;
    }

    /** KL(p || q) = sum_y p_y (log p_y - log q_y) from p and the logs of both; 0 log 0 = 0. */
    static double kl(double[] p, double[] logP, double[] logQ) {
        double s = 0;
        for (int y = 0; y < p.length; y++) {
            if (p[y] > 0) {
                s += p[y] * (logP[y] - logQ[y]);
            }
        }
        return Math.max(s, 0.0);
    }

    /** KL(p || q) of two probability vectors. */
    static double kl(double[] p, double[] q) {
        return kl(p, logs(p), logs(q));
    }
}
