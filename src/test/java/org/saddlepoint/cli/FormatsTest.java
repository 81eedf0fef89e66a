package org.saddlepoint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class FormatsTest {
    @Test
    void numbersHaveSixSignificantDigitsWithoutTrailingZeros() {
        assertEquals("0", Formats.number(0.0));
        assertEquals("0.333333", Formats.number(1.0 / 3));
        assertEquals("-2", Formats.number(-2.0));
        assertEquals("1e-09", Formats.number(1e-9));
        assertEquals("1.5e-07", Formats.number(1.5e-7));
        assertEquals("123457", Formats.number(123456.7));
        assertEquals("1.23457e+07", Formats.number(12345678.0));
        assertEquals("NaN", Formats.number(Double.NaN));
    }

    @Test
    void shortStrategiesInFull() {
        assertEquals("[0.5, 0.25, 0.25]", Formats.strategy(new double[] {0.5, 0.25, 0.25}));
    }

    @Test
    void longStrategiesBySupportLargestFirst() {
        double[] p = new double[21];
        p[3] = 0.25;
        p[8] = 0.5;
        p[20] = 0.25;
        p[5] = 1e-9;
        assertEquals("support 3 of 21: #9 0.5, #4 0.25, #21 0.25", Formats.strategy(p));
    }

    @Test
    void longSupportsAreCutWithTheirRemainingMass() {
        double[] p = new double[13];
        Arrays.fill(p, 1.0 / 13);
        p[0] = 3.0 / 13;
        p[12] = 0;
        p[11] = 0;
        assertEquals("support 11 of 13: #1 0.230769, #2 0.0769231, #3 0.0769231, #4 0.0769231, #5 0.0769231, "
                + "#6 0.0769231, #7 0.0769231, #8 0.0769231, #9 0.0769231, #10 0.0769231 and 1 more (total 0.0769231)",
                Formats.strategy(p));
    }
}
