package org.saddlepoint.robust.ldr;

/**
 * A trained linear model with its certificate: the regularised training objective
 * (1/n) sum_i loss_i + (weightDecay/2) ||W||^2 at the model, the norm of its gradient there
 * (of the smoothed objective for a nonsmooth loss), and for a nonsmooth loss the smoothing bound:
 * the model's objective is within gradient-norm terms plus {@code smoothingBound} of the optimum.
 */
public record TrainedModel(LinearMulticlassModel model, String method, double objective, double gradientNorm,
                           double smoothingBound, int evaluations) {
}
