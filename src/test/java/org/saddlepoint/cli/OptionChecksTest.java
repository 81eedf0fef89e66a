package org.saddlepoint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.saddlepoint.solvers.InvalidInputException;

/** {@link OptionChecks}: the boundaries, NaN and infinity, and the messages. */
class OptionChecksTest {
    private static String message(Runnable check) {
        return assertThrows(InvalidInputException.class, check::run).getMessage();
    }

    @Test
    void positiveInt() {
        assertEquals(1, OptionChecks.positive("--n", 1));
        assertEquals("--n must be > 0, got 0", message(() -> OptionChecks.positive("--n", 0)));
    }

    @Test
    void positiveFinite() {
        assertEquals(1e-300, OptionChecks.positiveFinite("--beta", 1e-300));
        assertEquals("--beta must be a finite number > 0, got 0.0",
                message(() -> OptionChecks.positiveFinite("--beta", 0)));
        message(() -> OptionChecks.positiveFinite("--beta", Double.NaN));
        message(() -> OptionChecks.positiveFinite("--beta", Double.POSITIVE_INFINITY));
    }

    @Test
    void nonNegativeFinite() {
        assertEquals(0.0, OptionChecks.nonNegativeFinite("--tol", 0));
        assertEquals("--tol must be a finite number >= 0, got -0.001",
                message(() -> OptionChecks.nonNegativeFinite("--tol", -1e-3)));
        message(() -> OptionChecks.nonNegativeFinite("--tol", Double.NaN));
        message(() -> OptionChecks.nonNegativeFinite("--tol", Double.POSITIVE_INFINITY));
    }

    @Test
    void timeLimit() {
        assertNull(OptionChecks.timeLimit(null));
        assertEquals(2.5, OptionChecks.timeLimit(2.5));
        assertEquals("--time-limit must be a finite number of seconds > 0, got -5.0",
                message(() -> OptionChecks.timeLimit(-5.0)));
        message(() -> OptionChecks.timeLimit(Double.NaN));
        message(() -> OptionChecks.timeLimit(Double.POSITIVE_INFINITY));
    }
}
