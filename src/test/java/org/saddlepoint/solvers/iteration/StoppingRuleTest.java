package org.saddlepoint.solvers.iteration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.saddlepoint.solvers.InvalidInputException;

class StoppingRuleTest {

    @Test
    void defaultsAndCopies() {
        StoppingRule d = StoppingRule.DEFAULT;
        assertEquals(1e-6, d.tolerance(), 0.0);
        assertEquals(100_000, d.maxIterations());
        assertEquals(Double.POSITIVE_INFINITY, d.timeLimitSeconds());
        assertEquals(10, d.checkInterval());
        StoppingRule r = d.withTolerance(0).withMaxIterations(7).withTimeLimit(2.5).withCheckInterval(3);
        assertNotSame(d, r);
        assertEquals(0, r.tolerance(), 0.0);
        assertEquals(7, r.maxIterations());
        assertEquals(2.5, r.timeLimitSeconds(), 0.0);
        assertEquals(3, r.checkInterval());
        // DEFAULT unchanged
        assertEquals(1e-6, StoppingRule.DEFAULT.tolerance(), 0.0);
        assertEquals(10, StoppingRule.DEFAULT.checkInterval());
        assertEquals(Double.POSITIVE_INFINITY, r.withTimeLimit(Double.POSITIVE_INFINITY).timeLimitSeconds());
    }

    @Test
    void invalidRulesThrow() {
        StoppingRule d = StoppingRule.DEFAULT;
        for (double t : new double[] {-1e-12, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            assertThrows(InvalidInputException.class, () -> d.withTolerance(t), "tolerance " + t);
        }
        for (int k : new int[] {0, -1, Integer.MIN_VALUE}) {
            assertThrows(InvalidInputException.class, () -> d.withMaxIterations(k), "maxIterations " + k);
            assertThrows(InvalidInputException.class, () -> d.withCheckInterval(k), "checkInterval " + k);
        }
        for (double s : new double[] {0, -1, Double.NaN, Double.NEGATIVE_INFINITY}) {
            assertThrows(InvalidInputException.class, () -> d.withTimeLimit(s), "time limit " + s);
        }
    }
}
