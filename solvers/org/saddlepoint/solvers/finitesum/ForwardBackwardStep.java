package org.saddlepoint.solvers.finitesum;

import org.saddlepoint.solvers.operators.Domain;

/**
 * The step every method here is built from: out = J_{eta G}(lambda a + (1 - lambda) v - eta g),
 * with J the projection onto C. Lambda is the Halpern anchor weight (Algorithm 1, EAG), 1 - alpha
 * of the snapshot mixing of VR-EG and VR-FoRB, or 0 for a plain forward-backward step.
 * {@code out} may be {@code v}.
 */
final class ForwardBackwardStep {
    private ForwardBackwardStep() {
    }

    static void apply(Domain domain, double lambda, double[] a, double[] v, double eta, double[] g, double[] out) {
        double keep = 1 - lambda;
        for (int j = 0; j < out.length; j++) {
            out[j] = lambda * a[j] + keep * v[j] - eta * g[j];
        }
        domain.project(out);
    }

    /** The Halpern combination out = lambda a + (1 - lambda) v ({@code out} may be {@code v}). */
    static void anchor(double lambda, double[] a, double[] v, double[] out) {
        for (int j = 0; j < out.length; j++) {
            out[j] = lambda * a[j] + (1 - lambda) * v[j];
        }
    }
}
