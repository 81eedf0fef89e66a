package org.saddlepoint.solvers.regret;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import java.util.function.IntFunction;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The regret-matching family is invariant to the scale of the utilities (its Blackwell
 * projections are onto a cone: Farina, Kroer and Sandholm 2021), and Hedge with eta / c sees
 * c u exactly as Hedge with eta sees u; adaptive Hedge is also invariant to a common offset.
 * Scaling by a power of two is exact in floating point, so the strategies must agree bitwise.
 */
class LearnerScalingProperties {
    @Property(tries = 60)
    void scalingByAPowerOfTwoChangesNoStrategy(@ForAll @IntRange(min = 1, max = 8) int n,
                                               @ForAll @IntRange(min = 1, max = 60) int rounds,
                                               @ForAll @IntRange(min = -20, max = 20) int exponent,
                                               @ForAll long seed) {
        double c = Math.scalb(1.0, exponent);
        assertSameStrategies(RegretMatching::new, RegretMatching::new, n, rounds, seed, c, 0);
        assertSameStrategies(RegretMatchingPlus::new, RegretMatchingPlus::new, n, rounds, seed, c, 0);
        assertSameStrategies(PredictiveRegretMatchingPlus::new, PredictiveRegretMatchingPlus::new, n, rounds, seed, c, 0);
        assertSameStrategies(k -> Hedge.fixed(k, 0.7), k -> Hedge.fixed(k, 0.7 / c), n, rounds, seed, c, 0);
        assertSameStrategies(Hedge::adaptive, Hedge::adaptive, n, rounds, seed, c, 0);
    }

    @Property(tries = 60)
    void adaptiveHedgeIgnoresACommonOffset(@ForAll @IntRange(min = 1, max = 8) int n,
                                           @ForAll @IntRange(min = 1, max = 60) int rounds,
                                           @ForAll @IntRange(min = -1_000_000, max = 1_000_000) int offset,
                                           @ForAll long seed) {
        assertSameStrategies(Hedge::adaptive, Hedge::adaptive, n, rounds, seed, 1.0, offset);
    }

    /**
     * Feeds u (dyadic, k/1024 with |k| &lt; 1024, so sums stay exact) to one learner and
     * c u + offset to the other, and compares strategies bitwise every round.
     */
    private static void assertSameStrategies(IntFunction<RegretMinimizer> plain, IntFunction<RegretMinimizer> scaled,
                                             int n, int rounds, long seed, double c, double offset) {
        RegretMinimizer a = plain.apply(n);
        RegretMinimizer b = scaled.apply(n);
        Random rng = new Random(seed);
        for (int t = 0; t < rounds; t++) {
            assertArrayEquals(a.strategy(), b.strategy(), 0.0, a.name() + ", round " + t);
            double[] u = new double[n];
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                u[i] = (rng.nextInt(2047) - 1023) / 1024.0;
                v[i] = c * u[i] + offset;
            }
            a.observe(u);
            b.observe(v);
        }
        assertArrayEquals(a.strategy(), b.strategy(), 0.0, a.name() + ", last round");
    }
}
