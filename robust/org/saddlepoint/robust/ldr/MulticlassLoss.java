package org.saddlepoint.robust.ldr;

/**
 * A loss of a score vector f(x) in R^K against an observed label y in {0..K-1}, with its
 * gradient (a subgradient for a nonsmooth loss) with respect to the scores.
 */
public interface MulticlassLoss {
    /**
     * Returns the loss of {@code scores} for {@code label} and, when {@code gradient} is not null,
     * writes d loss / d scores into it.
     */
    double evaluate(double[] scores, int label, double[] gradient);

    /** Whether the loss is differentiable in the scores (a smooth optimiser applies). */
    boolean smooth();

    /** The shifted scores a_k = c 1[k != y] + f_k - f_y of Zhu, Ying and Yang (ICML 2023), Section 3. */
    static double[] shiftedScores(double[] scores, int label, double margin) {
        double[] a = new double[scores.length];
        for (int k = 0; k < scores.length; k++) {
            a[k] = (k == label ? 0 : margin) + scores[k] - scores[label];
        }
        a[label] = 0;
        return a;
    }
}
