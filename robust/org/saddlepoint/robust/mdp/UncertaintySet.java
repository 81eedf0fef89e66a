package org.saddlepoint.robust.mdp;

import java.util.Arrays;

import org.saddlepoint.solvers.InvalidInputException;

/**
 * A d-rectangular uncertainty set (Ma et al. 2022; Liu and Xu, AISTATS 2024, Section 3): at every step h
 * and coordinate i the adversary replaces the factor mu_{h,i} by any distribution within divergence
 * radius rho_{h,i} of it, the same choice for every (s, a) and independently across (h, i). Immutable.
 */
public final class UncertaintySet {
    private final Divergence divergence;
    private final double[][] radius;

    private UncertaintySet(Divergence divergence, double[][] radius) {
        this.divergence = divergence;
        this.radius = new double[radius.length][];
        for (int h = 0; h < radius.length; h++) {
            this.radius[h] = radius[h].clone();
            for (int i = 0; i < radius[h].length; i++) {
                double r = radius[h][i];
                boolean valid = divergence == Divergence.TOTAL_VARIATION ? r >= 0 && r <= 1 : r >= 0 && r < Double.POSITIVE_INFINITY;
                if (!valid) {
                    throw new InvalidInputException("radius rho[" + h + "][" + i + "] = " + r + " is out of range for "
                            + divergence + (divergence == Divergence.TOTAL_VARIATION ? " ([0, 1])" : " ([0, inf))"));
                }
            }
        }
    }

    /** The set with radii {@code radius[h][i]}. */
    public static UncertaintySet of(Divergence divergence, double[][] radius) {
        if (divergence == null || radius == null || radius.length == 0) {
            throw new InvalidInputException("an uncertainty set needs a divergence and at least one step of radii");
        }
        return new UncertaintySet(divergence, radius);
    }

    /** Radius {@code rho} on coordinate {@code i} at step {@code h} only, zero elsewhere (spec 5.2: [C]'s Rho). */
    public static UncertaintySet single(Divergence divergence, int horizon, int dimension, int h, int i, double rho) {
        if (h < 0 || h >= horizon || i < 0 || i >= dimension) {
            throw new InvalidInputException("(step " + h + ", coordinate " + i + ") is outside " + horizon + " x " + dimension);
        }
        double[][] r = new double[horizon][dimension];
        r[h][i] = rho;
        return of(divergence, r);
    }

    /** The same radius {@code rho} on every step and coordinate. */
    public static UncertaintySet uniform(Divergence divergence, int horizon, int dimension, double rho) {
        double[][] r = new double[horizon][dimension];
        for (double[] row : r) {
            Arrays.fill(row, rho);
        }
        return of(divergence, r);
    }

    /** No uncertainty: the nominal model (every radius 0). */
    public static UncertaintySet none(int horizon, int dimension) {
        return of(Divergence.TOTAL_VARIATION, new double[horizon][dimension]);
    }

    public Divergence divergence() {
        return divergence;
    }

    public int horizon() {
        return radius.length;
    }

    public int dimension() {
        return radius[0].length;
    }

    /** rho_{h,i}. */
    public double radius(int h, int i) {
        return radius[h][i];
    }

    /** rho_{h,.}: a copy. */
    public double[] radii(int h) {
        return radius[h].clone();
    }

    /** Throws unless this set has the horizon and dimension of {@code mdp}. */
    void requireShape(LinearMdp<?> mdp) {
        if (horizon() != mdp.horizon() || dimension() != mdp.dimension()) {
            throw new InvalidInputException("uncertainty set is " + horizon() + " x " + dimension()
                    + " (steps x coordinates), the MDP has H = " + mdp.horizon() + ", d = " + mdp.dimension());
        }
    }
}
