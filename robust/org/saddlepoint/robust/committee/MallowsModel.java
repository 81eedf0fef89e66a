package org.saddlepoint.robust.committee;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.saddlepoint.solvers.InvalidInputException;

/**
 * Rankings drawn from the Mallows model around a reference order, P(pi) proportional to
 * phi^{d_Kendall(pi, reference)}, by the repeated insertion method (Doignon, Pekec and Regenwetter,
 * Psychometrika 2004): the i-th reference item (0-based) is inserted at place i - j of the partial
 * ranking with probability proportional to phi^j, j = 0..i.
 */
public final class MallowsModel {
    private MallowsModel() {
    }

    /** One ranking (items best first) around {@code reference} with dispersion phi in [0, 1]. */
    public static int[] sample(int[] reference, double phi, Random random) {
        if (!(phi >= 0 && phi <= 1)) {
            throw new InvalidInputException("Mallows dispersion must be in [0, 1], got " + phi);
        }
        List<Integer> ranking = new ArrayList<>();
        for (int i = 0; i < reference.length; i++) {
            double total = 0;
            double w = 1;
            for (int j = 0; j <= i; j++) {
                total += w;
                w *= phi;
            }
            double u = random.nextDouble() * total;
            int j = 0;
            w = 1;
            while (j < i && u >= w) {
                u -= w;
                w *= phi;
                j++;
            }
            ranking.add(i - j, reference[i]);
        }
        return ranking.stream().mapToInt(Integer::intValue).toArray();
    }
}
