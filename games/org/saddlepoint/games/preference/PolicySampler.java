package org.saddlepoint.games.preference;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Draws responses from a policy by inverse transform on its cumulative sums (binary search). */
final class PolicySampler {
    private final double[] cumulative;
    private final double total;

    PolicySampler(double[] policy) {
        cumulative = new double[policy.length];
        double c = 0;
        for (int y = 0; y < policy.length; y++) {
            c += policy[y];
            cumulative[y] = c;
        }
        total = c;
    }

    /** A response y with probability policy[y]. */
    int draw(SplittableRandom random) {
        double r = random.nextDouble() * total;
        int i = Arrays.binarySearch(cumulative, r);
        int at = i >= 0 ? i + 1 : -i - 1;
        return Math.min(at, cumulative.length - 1);
    }
}
