package org.saddlepoint.robust.ldr;

import java.util.Random;

import org.saddlepoint.solvers.InvalidInputException;

/**
 * The label-noise generators of the authors' code for Zhu, Ying and Yang (ICML 2023): uniform
 * noise (with probability q the label is replaced by a class drawn uniformly from all K, so it may
 * stay correct: the flip rate is q (K-1)/K) and class-dependent noise (with probability q the label
 * is mapped through a fixed pairing).
 */
public final class LabelNoise {
    private LabelNoise() {
    }

    /** Uniform noise at level q in [0, 1]. */
    public static int[] uniform(int[] labels, int classes, double q, Random random) {
        checkLevel(q);
        int[] out = labels.clone();
        for (int i = 0; i < out.length; i++) {
            if (random.nextDouble() < q) {
                out[i] = random.nextInt(classes);
            }
        }
        return out;
    }

    /** Class-dependent noise at level q: with probability q, y becomes pairing[y]. */
    public static int[] classDependent(int[] labels, int[] pairing, double q, Random random) {
        checkLevel(q);
        int[] out = labels.clone();
        for (int i = 0; i < out.length; i++) {
            if (random.nextDouble() < q) {
                out[i] = pairing[labels[i]];
            }
        }
        return out;
    }

    /** The code's generic pairing y -&gt; (y + 1) mod K. */
    public static int[] nextClassPairing(int classes) {
        int[] p = new int[classes];
        for (int y = 0; y < classes; y++) {
            p[y] = (y + 1) % classes;
        }
        return p;
    }

    /** The code's pairing for Letter (26 classes), 0-based pairs swapped, other classes fixed. */
    public static int[] letterPairing() {
        int[][] pairs = {{1, 3}, {2, 6}, {4, 5}, {7, 13}, {8, 11}, {10, 23}, {12, 22}, {14, 16}, {15, 17}, {20, 21}};
        int[] p = new int[26];
        for (int y = 0; y < 26; y++) {
            p[y] = y;
        }
        for (int[] pair : pairs) {
            p[pair[0]] = pair[1];
            p[pair[1]] = pair[0];
        }
        return p;
    }

    private static void checkLevel(double q) {
        if (!(q >= 0 && q <= 1)) {
            throw new InvalidInputException("noise level must be in [0, 1], got " + q);
        }
    }
}
