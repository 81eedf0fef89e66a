package org.saddlepoint.robust.ldr;

import org.saddlepoint.solvers.Checks;
import org.saddlepoint.solvers.linalg.LogSumExp;

/**
 * The LDR-KL loss of Zhu, Ying and Yang, "Label Distributionally Robust Losses for Multi-class
 * Classification: Consistency, Robustness and Adaptivity" (ICML 2023): the worst case over label
 * weights p in the simplex of sum_k p_k a_k - lambda KL(p || uniform), in closed form
 * psi = lambda log((1/K) sum_k exp(a_k / lambda)), with the worst case p* = softmax(a / lambda) and
 * the gradient p* - e_y with respect to the scores (a_k = c 1[k != y] + f_k - f_y, c the margin).
 * lambda = 1, c = 0 is cross-entropy minus log K; lambda -&gt; 0 is the Crammer-Singer hinge.
 */
public final class LdrKlLoss implements MulticlassLoss {
    private final double lambda;
    private final double margin;

    /** @param lambda the KL strength, &gt; 0; @param margin c &gt;= 0 */
    public LdrKlLoss(double lambda, double margin) {
        this.lambda = Checks.positive("lambda", lambda);
        this.margin = Checks.nonNegative("margin", margin);
    }

    public double lambda() {
        return lambda;
    }

    public double margin() {
        return margin;
    }

    @Override
    public double evaluate(double[] scores, int label, double[] gradient) {
        double[] a = MulticlassLoss.shiftedScores(scores, label, margin);
        double lse = LogSumExp.softmax(a, lambda, gradient);
        if (gradient != null) {
            gradient[label] -= 1;
        }
        return lambda * (lse - Math.log(scores.length));
    }

    /** The adversary's label weights p* = softmax(a / lambda), the maximiser of the inner problem. */
    public double[] worstCaseWeights(double[] scores, int label) {
        double[] p = new double[scores.length];
        LogSumExp.softmax(MulticlassLoss.shiftedScores(scores, label, margin), lambda, p);
        return p;
    }

    @Override
    public boolean smooth() {
        return true;
    }

    @Override
    public String toString() {
        return "ldr-kl(lambda=" + lambda + ", c=" + margin + ")";
    }
}
