package org.saddlepoint.robust.twostage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The Pareto dynamic program against exhaustive enumeration of every choice. */
class MultipleChoiceKnapsackTest {
    @Test
    void equalsEnumerationOnRandomInstances() {
        SplittableRandom rng = new SplittableRandom(11);
        for (int trial = 0; trial < 300; trial++) {
            int n = 1 + rng.nextInt(7);
            double[][] w = new double[n][];
            double[][] q = new double[n][];
            double total = 0;
            for (int i = 0; i < n; i++) {
                int options = rng.nextInt(3);
                w[i] = new double[options];
                q[i] = new double[options];
                for (int o = 0; o < options; o++) {
                    w[i][o] = rng.nextDouble(-2, 10);
                    q[i][o] = rng.nextDouble(-10, 3);
                    total += Math.max(0, w[i][o]);
                }
            }
            double capacity = rng.nextDouble(-1, 1) * total / 2;
            MultipleChoiceKnapsack.Solution s = MultipleChoiceKnapsack.solve(w, q, capacity);
            double best = enumerate(w, q, capacity, 0, 0, 0);
            if (best == Double.POSITIVE_INFINITY) {
                assertNull(s);
                continue;
            }
            assertEquals(best, s.cost(), 1e-9);
            double weight = 0;
            double cost = 0;
            for (int i = 0; i < n; i++) {
                int o = s.choice()[i];
                weight += o < 0 ? 0 : w[i][o];
                cost += o < 0 ? 0 : q[i][o];
            }
            assertEquals(s.cost(), cost, 1e-9);
            assertTrue(weight <= capacity + 1e-9);
        }
    }

    private static double enumerate(double[][] w, double[][] q, double capacity, int i, double weight, double cost) {
        if (i == w.length) {
            return weight <= capacity ? cost : Double.POSITIVE_INFINITY;
        }
        double best = enumerate(w, q, capacity, i + 1, weight, cost);
        for (int o = 0; o < w[i].length; o++) {
            best = Math.min(best, enumerate(w, q, capacity, i + 1, weight + w[i][o], cost + q[i][o]));
        }
        return best;
    }
}
