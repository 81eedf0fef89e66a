package org.saddlepoint.solvers.operators;

import org.saddlepoint.solvers.InvalidInputException;
import org.saddlepoint.solvers.projection.EntropicStep;

/**
 * The prox-mapping of a first-order method: out = argmin_{u in C} eta g.u + D(u, center), with
 * D the Bregman divergence of the geometry (Nemirovski 2004, eq. 2.1).
 */
public enum Geometry {
    /** D = squared Euclidean distance / 2: out = Proj_C(center - eta g). Any domain. */
    EUCLIDEAN {
        @Override
        public void step(Domain domain, double[] center, double[] g, double eta, double[] out) {
            for (int i = 0; i < out.length; i++) {
                out[i] = center[i] - eta * g[i];
            }
            domain.project(out);
        }
    },
    /**
     * D = KL divergence on each simplex block: multiplicative weights (see {@link EntropicStep}).
     * Simplex products only.
     */
    ENTROPIC {
        @Override
        public void step(Domain domain, double[] center, double[] g, double eta, double[] out) {
            for (Domain.Block b : domain.blocks()) {
                EntropicStep.step(center, g, eta, out, b.offset(), b.length());
            }
        }

        /**
         * A zero entry stays zero under multiplicative updates, so a start on the boundary of a
         * simplex is moved inside: u = (1 - 1e-3) u + 1e-3 centre. Interior starts are kept.
         */
        @Override
        public double[] interiorStart(Domain domain, double[] u) {
            for (double v : u) {
                if (!(v > 0)) {
                    double[] center = domain.center();
                    for (int i = 0; i < u.length; i++) {
                        u[i] = (1 - BOUNDARY_MIX) * u[i] + BOUNDARY_MIX * center[i];
                    }
                    break;
                }
            }
            return u;
        }

        @Override
        public void requireCompatible(Domain domain) {
            if (!domain.isSimplexProduct()) {
                throw new InvalidInputException("the entropic geometry needs a product of simplices, got " + domain.blocks());
            }
        }
    };

    /** Weight of the centre mixed into a boundary start by {@link #ENTROPIC}. */
    private static final double BOUNDARY_MIX = 1e-3;

    /** Writes the prox-step from {@code center} along {@code g} with step {@code eta} into {@code out}. */
    public abstract void step(Domain domain, double[] center, double[] g, double eta, double[] out);

    /**
     * Turns a start already projected onto {@code domain} into one the geometry can move from
     * (modifying and returning {@code u}); the identity for {@link #EUCLIDEAN}.
     */
    public double[] interiorStart(Domain domain, double[] u) {
        return u;
    }

    /** Throws {@link InvalidInputException} if this geometry cannot act on {@code domain}. */
    public void requireCompatible(Domain domain) {
    }
}
