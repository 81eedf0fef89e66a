package org.saddlepoint.solvers.neural;

import org.saddlepoint.solvers.Checks;
import org.saddlepoint.solvers.InvalidInputException;

/**
 * One labelled example for a {@link SetEncoderNetwork}: n rows of x features and n rows of xi
 * features (row-major) and the target value.
 */
public record SetSample(double[] xRows, double[] xiRows, int n, double label) {
    public SetSample {
        Checks.positive("n", n);
        if (xRows.length % n != 0 || xiRows.length % n != 0) {
            throw new InvalidInputException("the feature rows do not split into " + n + " rows");
        }
        xRows = Checks.finite("x rows", xRows.clone());
        xiRows = Checks.finite("xi rows", xiRows.clone());
        if (!Double.isFinite(label)) {
            throw new InvalidInputException("label is not finite: " + label);
        }
    }
}
