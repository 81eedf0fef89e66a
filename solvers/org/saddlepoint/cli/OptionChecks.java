package org.saddlepoint.cli;

import org.saddlepoint.solvers.InvalidInputException;

/**
 * Range checks of command-line option values, each an {@link InvalidInputException} whose message names the
 * option and the value ("--tol must be a finite number >= 0, got -0.001"), which the command line prints as
 * one line with exit code 2.
 */
public final class OptionChecks {
    private OptionChecks() {
    }

    /** {@code value} if it is > 0. */
    public static int positive(String option, int value) {
        if (value <= 0) {
            throw new InvalidInputException(option + " must be > 0, got " + value);
        }
        return value;
    }

    /** {@code value} if it is finite and > 0. */
    public static double positiveFinite(String option, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new InvalidInputException(option + " must be a finite number > 0, got " + value);
        }
        return value;
    }

    /** {@code value} if it is finite and >= 0. */
    public static double nonNegativeFinite(String option, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new InvalidInputException(option + " must be a finite number >= 0, got " + value);
        }
        return value;
    }

    /** {@code seconds} of {@code --time-limit} if it is null (no limit) or a finite number > 0. */
    public static Double timeLimit(Double seconds) {
        if (seconds != null && (!(seconds > 0) || Double.isInfinite(seconds))) {
            throw new InvalidInputException("--time-limit must be a finite number of seconds > 0, got " + seconds);
        }
        return seconds;
    }
}
