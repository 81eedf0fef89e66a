package org.saddlepoint.solvers.finitesum;

import org.saddlepoint.solvers.InvalidInputException;

/**
 * The parameters the loopless variance-reduced methods of Alacaoglu and Malitsky (COLT 2022)
 * share: the snapshot probability p and the mixing weight alpha of z^ = alpha z + (1 - alpha) w.
 */
final class Loopless {
    private Loopless() {
    }

    /** Requires p in (0, 1]. */
    static double probability(double p) {
        if (!(p > 0 && p <= 1)) {
            throw new InvalidInputException("p must lie in (0, 1], got " + p);
        }
        return p;
    }

    /** Requires alpha in [0, 1). */
    static double mixing(double alpha) {
        if (!(alpha >= 0 && alpha < 1)) {
            throw new InvalidInputException("alpha must lie in [0, 1), got " + alpha);
        }
        return alpha;
    }
}
