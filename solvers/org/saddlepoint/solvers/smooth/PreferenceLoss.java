package org.saddlepoint.solvers.smooth;

import static org.saddlepoint.solvers.linalg.Logistic.sigmoid;
import static org.saddlepoint.solvers.linalg.Logistic.softplus;

import org.saddlepoint.solvers.InvalidInputException;

/**
 * Preference-optimisation losses of a pair as functions of its margin z = beta h_theta(s, a_w, a_l)
 * (Rafailov et al., DPO, NeurIPS 2023; Chowdhury, Kini and Natarajan, rDPO, ICML 2024, eq. (8)):
 * <ul>
 *   <li>DPO: l(z) = -log sigma(z) = softplus(-z);</li>
 *   <li>conservative DPO (label smoothing): (1 - eps) softplus(-z) + eps softplus(z), biased;</li>
 *   <li>rDPO: [(1 - eps) softplus(-z) - eps softplus(z)] / (1 - 2 eps) = softplus(-z) - eps z / (1 - 2 eps),
 *       whose expectation over flips with rate eps is the clean DPO loss.</li>
 * </ul>
 */
public record PreferenceLoss(Kind kind, double epsilon) {
    /** The loss family. */
    public enum Kind { DPO, CONSERVATIVE_DPO, ROBUST_DPO }

    public PreferenceLoss {
        if (kind == null) {
            throw new InvalidInputException("loss kind must not be null");
        }
        if (!(epsilon >= 0 && epsilon < 0.5)) {
            throw new InvalidInputException("flip rate epsilon must be in [0, 1/2), got " + epsilon);
        }
    }

    public static PreferenceLoss dpo() {
        return new PreferenceLoss(Kind.DPO, 0);
    }

    public static PreferenceLoss robust(double epsilon) {
        return new PreferenceLoss(Kind.ROBUST_DPO, epsilon);
    }

    public static PreferenceLoss conservative(double epsilon) {
        return new PreferenceLoss(Kind.CONSERVATIVE_DPO, epsilon);
    }

    /** The loss at margin z. */
    public double value(double z) {
        return switch (kind) {
            case DPO -> softplus(-z);
            case CONSERVATIVE_DPO -> (1 - epsilon) * softplus(-z) + epsilon * softplus(z);
            case ROBUST_DPO -> ((1 - epsilon) * softplus(-z) - epsilon * softplus(z)) / (1 - 2 * epsilon);
        };
    }

    /** d loss / dz. */
    public double derivative(double z) {
        return switch (kind) {
            case DPO -> -sigmoid(-z);
            case CONSERVATIVE_DPO -> -(1 - epsilon) * sigmoid(-z) + epsilon * sigmoid(z);
            case ROBUST_DPO -> (-(1 - epsilon) * sigmoid(-z) - epsilon * sigmoid(z)) / (1 - 2 * epsilon);
        };
    }
}
