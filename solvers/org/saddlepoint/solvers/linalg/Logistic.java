package org.saddlepoint.solvers.linalg;

/**
 * The logistic function and its log-partition, in forms that neither overflow nor lose precision
 * for large |z|: sigma(z) = 1 / (1 + e^-z) and softplus(z) = log(1 + e^z) = -log sigma(-z).
 * The two-response case of {@link LogSumExp}.
 */
public final class Logistic {
    private Logistic() {
    }

    /** sigma(z) = 1 / (1 + e^-z), in (0, 1) for finite z; the Bradley-Terry probability of a margin z. */
    public static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }

    /** softplus(z) = log(1 + e^z) = -log sigma(-z); for large z it is z plus a vanishing term. */
    public static double softplus(double z) {
        return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
    }
}
