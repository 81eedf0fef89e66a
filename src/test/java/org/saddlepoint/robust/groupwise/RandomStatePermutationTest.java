package org.saddlepoint.robust.groupwise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.saddlepoint.solvers.InvalidInputException;

/** Against outputs of NumPy 2.4.6's {@code np.random.RandomState(seed).permutation(n)}. */
class RandomStatePermutationTest {
    @Test
    void matchesNumpy() {
        assertArrayEquals(new int[] {3, 5, 9, 7, 4, 0, 2, 1, 8, 6}, RandomStatePermutation.of(10, 473));
        assertArrayEquals(new int[] {18, 1, 19, 8, 10, 17, 6, 13, 4, 2, 5, 14, 9, 7, 16, 11, 3, 0, 15, 12},
                RandomStatePermutation.of(20, 0));
        int[] medical = RandomStatePermutation.of(1338, 473);
        assertArrayEquals(new int[] {526, 908, 1051, 822, 1330, 1301, 1120, 601, 98, 1318},
                Arrays.copyOf(medical, 10));
        assertArrayEquals(new int[] {1310, 1202, 178, 1119, 1113}, Arrays.copyOfRange(medical, 1333, 1338));
        assertArrayEquals(new int[] {40355, 35119, 42648, 1186, 5354, 4989, 54130, 34630},
                Arrays.copyOf(RandomStatePermutation.of(70_000, 205), 8));
    }

    @Test
    void isAPermutation() {
        int[] p = RandomStatePermutation.of(1000, 12345);
        Arrays.sort(p);
        for (int i = 0; i < p.length; i++) {
            assertEquals(i, p[i]);
        }
    }

    @Test
    void rejectsBadSeed() {
        assertThrows(InvalidInputException.class, () -> RandomStatePermutation.of(5, -1));
        assertThrows(InvalidInputException.class, () -> RandomStatePermutation.of(0, 1));
    }
}
