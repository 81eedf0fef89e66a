package org.saddlepoint.solvers.regret;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AveragingTest {
    private static double weight(Averaging a, int t) {
        return switch (a) {
            case UNIFORM -> 1;
            case LINEAR -> t;
            case QUADRATIC -> (double) t * t;
        };
    }

    @ParameterizedTest
    @EnumSource(Averaging.class)
    void fractionIsTheWeightOverTheRunningTotal(Averaging averaging) {
        double total = 0;
        for (int t = 1; t <= 100_000; t++) {
            total += weight(averaging, t);
            assertEquals(weight(averaging, t) / total, averaging.fraction(t), 1e-15 * averaging.fraction(t), "t=" + t);
        }
    }

    @ParameterizedTest
    @EnumSource(Averaging.class)
    void incrementalAverageEqualsTheWeightedSum(Averaging averaging) {
        Random rng = new Random(2);
        int n = 4;
        double[] avg = new double[n];
        double[] sum = new double[n];
        double total = 0;
        for (int t = 1; t <= 500; t++) {
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = rng.nextDouble();
                sum[i] += weight(averaging, t) * x[i];
            }
            total += weight(averaging, t);
            averaging.accumulate(avg, x, t);
        }
        double[] expected = new double[n];
        for (int i = 0; i < n; i++) {
            expected[i] = sum[i] / total;
        }
        assertArrayEquals(expected, avg, 1e-12);
    }
}
