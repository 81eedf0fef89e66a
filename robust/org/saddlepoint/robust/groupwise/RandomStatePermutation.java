package org.saddlepoint.robust.groupwise;

import org.apache.commons.math3.random.MersenneTwister;
import org.saddlepoint.solvers.Checks;
import org.saddlepoint.solvers.InvalidInputException;

/**
 * The permutation that NumPy's legacy {@code RandomState(seed).permutation(n)} returns, which is
 * what {@code pandas.DataFrame.sample(frac=1, random_state=seed)} uses: MT19937 seeded with
 * init_genrand(seed), then a Fisher-Yates shuffle from the last position down, each swap index
 * drawn in [0, i] by masked rejection sampling of 32-bit outputs. With it, shuffle k of an
 * experiment is the very sequence of the paper's shuffle with the same seed (Acharya et al.,
 * ICLR 2024, seeds 473, 503, ...), not just one like it.
 */
public final class RandomStatePermutation {
    private RandomStatePermutation() {
    }

    /** The permutation of 0..n-1 for {@code seed} in [0, 2^32). */
    public static int[] of(int n, long seed) {
        Checks.positive("number of rows", n);
        if (seed < 0 || seed > 0xffffffffL) {
            throw new InvalidInputException("seed must be in [0, 2^32), got " + seed);
        }
        MersenneTwister mt = new MersenneTwister((int) seed);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = interval(mt, i);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }

    /** NumPy's legacy random_interval(max) for max &lt; 2^31: the smallest bit mask, then rejection. */
    private static int interval(MersenneTwister mt, int max) {
        long mask = max;
        mask |= mask >>> 1;
        mask |= mask >>> 2;
        mask |= mask >>> 4;
        mask |= mask >>> 8;
        mask |= mask >>> 16;
        long value;
        do {
            value = (mt.nextInt() & 0xffffffffL) & mask;
        } while (value > max);
        return (int) value;
    }
}
