package org.saddlepoint.robust.ldr;

import org.saddlepoint.solvers.Checks;
import org.saddlepoint.solvers.InvalidInputException;
import org.saddlepoint.solvers.linalg.LogSumExp;

/**
 * The adaptive ALDR-KL loss of Zhu, Ying and Yang (ICML 2023), Algorithm 1: every example i has
 * its own KL strength lambda_i, also chosen by the adversary but pulled to lambda_0 by the penalty
 * (rho/2)(lambda_i - lambda_0)^2 with rho = alpha log K / lambda_0 (the authors' code,
 * {@code ALDRLoss_V1}):
 * psi_i = max_{lambda_i} max_p [sum_k p_k a_ik - lambda_i KL(p || u) - (rho/2)(lambda_i - lambda_0)^2].
 * For fixed p the best lambda is lambda_0 (1 - KL(p || u) / (alpha log K)), which lies in
 * [lambda_0 (1 - 1/alpha), lambda_0] since 0 &lt;= KL(p || u) &lt;= log K.
 */
public final class AldrKlLoss {
    /** How the weights p that set lambda_i are computed. */
    public enum Variant {
        /** As the authors' code: p = softmax(f / lambda_old) of the raw scores, one update per round. */
        CODE_FAITHFUL,
        /** Alternating exact maximisation: p = softmax(a / lambda) with the margin, to a fixed point. */
        EXACT_ALTERNATING
    }

    private static final int FIXED_POINT_STEPS = 200;

    private final double lambda0;
    private final double alpha;
    private final double margin;
    private final Variant variant;

    /**
     * @param lambda0 the reference strength, &gt; 0
     * @param alpha   &gt; 1 (the code's comment "alpha &gt; 1"), so that lambda_i stays &gt; 0
     * @param margin  c &gt;= 0
     */
    public AldrKlLoss(double lambda0, double alpha, double margin, Variant variant) {
        this.lambda0 = Checks.positive("lambda0", lambda0);
        if (!(alpha > 1) || Double.isInfinite(alpha)) {
            throw new InvalidInputException("alpha must be finite and > 1, got " + alpha);
        }
        this.alpha = alpha;
        this.margin = Checks.nonNegative("margin", margin);
        if (variant == null) {
            throw new InvalidInputException("ALDR-KL variant must not be null");
        }
        this.variant = variant;
    }

    public double lambda0() {
        return lambda0;
    }

    public double margin() {
        return margin;
    }

    /** The smallest lambda_i the update can give, lambda_0 (1 - 1/alpha). */
    public double lowestLambda() {
        return lambda0 * (1 - 1 / alpha);
    }

    /** The penalty coefficient rho = alpha log K / lambda_0 for K classes. */
    public double penalty(int classes) {
        return alpha * Math.log(classes) / lambda0;
    }

    /** The best lambda for fixed weights p: lambda_0 (1 - KL(p || u) / (alpha log K)). */
    public double bestLambda(double[] p) {
        return lambda0 * (1 - klToUniform(p) / (alpha * Math.log(p.length)));
    }

    /** The example's next lambda from its scores and its previous lambda, per the {@link Variant}. */
    public double nextLambda(double[] scores, int label, double previous) {
        double[] p = new double[scores.length];
        if (variant == Variant.CODE_FAITHFUL) {
            LogSumExp.softmax(scores, previous, p);
            return bestLambda(p);
        }
        double[] a = MulticlassLoss.shiftedScores(scores, label, margin);
        double lambda = previous;
        for (int step = 0; step < FIXED_POINT_STEPS; step++) {
            LogSumExp.softmax(a, lambda, p);
            double next = bestLambda(p);
            boolean settled = Math.abs(next - lambda) <= 1e-13 * lambda0;
            lambda = next;
            if (settled) {
                break;
            }
        }
        return lambda;
    }

    /**
     * The ALDR-KL objective at a fixed lambda: the LDR-KL loss at lambda minus the penalty; the
     * gradient in the scores is the LDR-KL one, p* - e_y (lambda is held fixed, as in the code).
     */
    public double evaluate(double[] scores, int label, double lambda, double[] gradient) {
        double pen = 0.5 * penalty(scores.length) * (lambda - lambda0) * (lambda - lambda0);
        return new LdrKlLoss(lambda, margin).evaluate(scores, label, gradient) - pen;
    }

    /** KL(p || uniform) = sum_k p_k log(K p_k), with 0 log 0 = 0. */
    static double klToUniform(double[] p) {
        double kl = 0;
        for (double pk : p) {
            if (pk > 0) {
                kl += pk * Math.log(p.length * pk);
            }
        }
        return Math.max(0, kl);
    }

    @Override
    public String toString() {
        return "aldr-kl(lambda0=" + lambda0 + ", alpha=" + alpha + ", c=" + margin + ", " + variant + ")";
    }
}
