package org.saddlepoint.solvers.firstorder;

import org.saddlepoint.solvers.Checks;

/** Validation shared by the methods' step-size arguments. */
final class StepSize {
    private StepSize() {
    }

    static double of(double eta) {
        return Checks.positive("step size", eta);
    }
}
