package org.saddlepoint.solvers.finitesum;

import org.saddlepoint.solvers.Checks;

/**
 * Variance-reduced forward-reflected-backward (VR-FoRB) of Alacaoglu and Malitsky, "Stochastic
 * Variance Reduction for Variational Inequality Methods" (COLT 2022), Algorithm 3, as the inner
 * resolvent solver of Algorithm 2 of Cai, Alacaoglu and Diakonikolas (ICLR 2024; spec
 * monotone-operators 2.2). It approximates v = J_{eta(F+G)}(c), the solution of
 * 0 in Phi(v) + eta G(v) with Phi(v) = eta F(v) + v - c, which is 1-strongly monotone with
 * components Phi^_i(v) = eta F^_i(v) + v - c:
 * <pre>
 *   v = w = w_prev = c;  Phi(w)                                                    cost n
 *   repeat M times:
 *     v^ = alpha v + (1 - alpha) w
 *     v  = J_{gamma eta G}(v^ - gamma [Phi(w) + Phi^_i(v) - Phi^_i(w_prev)])     i ~ Q, cost 2
 *     w_prev = w
 *     with probability p: w = v, Phi(w)                                           cost n
 * </pre>
 * On success of the p-coin the snapshot becomes the current inner iterate, as in [AM22]. The
 * authors' experiment scripts reset it to the outer centre c instead, which looks like a slip;
 * {@code snapshotAtCenter = true} replicates them.
 */
public final class VrForb {
    private final double p;
    private final double alpha;
    private final double gamma;
    private final boolean snapshotAtCenter;

    /**
     * @param p                snapshot probability in (0, 1]
     * @param alpha            mixing weight in [0, 1)
     * @param gamma            inner step
     * @param snapshotAtCenter the scripts' snapshot w = c instead of [AM22]'s w = v
     */
    public VrForb(double p, double alpha, double gamma, boolean snapshotAtCenter) {
        this.p = Loopless.probability(p);
        this.alpha = Loopless.mixing(alpha);
        this.gamma = Checks.positive("gamma", gamma);
        this.snapshotAtCenter = snapshotAtCenter;
    }

    @Override
    public String toString() {
        return "VR-FoRB (p=" + (float) p + ", alpha=" + (float) alpha + ", gamma=" + (float) gamma
                + (snapshotAtCenter ? ", snapshot at centre" : "") + ")";
    }

    /** The buffers of one run; not thread-safe. */
    Workspace workspace(FiniteSumOracle oracle) {
        return new Workspace(oracle);
    }

    final class Workspace {
        private final FiniteSumOracle oracle;
        private final double[] w;
        private final double[] previous;
        private final double[] phiW;
        private final double[] g;

        private Workspace(FiniteSumOracle oracle) {
            this.oracle = oracle;
            int d = oracle.dimension();
            this.w = new double[d];
            this.previous = new double[d];
            this.phiW = new double[d];
            this.g = new double[d];
        }

        /** Writes an approximation of J_{eta(F+G)}(center) after {@code steps} inner steps into {@code v}. */
        void resolvent(double[] center, double eta, int steps, double[] v) {
            System.arraycopy(center, 0, v, 0, v.length);
            System.arraycopy(center, 0, w, 0, v.length);
            System.arraycopy(center, 0, previous, 0, v.length);
            snapshot(center, eta);
            for (int t = 0; t < steps; t++) {
                for (int j = 0; j < v.length; j++) {
                    g[j] = phiW[j] + v[j] - previous[j];
                }
                oracle.addDifference(oracle.sample(), v, previous, eta, g);
                ForwardBackwardStep.apply(oracle.domain(), 1 - alpha, w, v, gamma, g, v);
                System.arraycopy(w, 0, previous, 0, v.length);
                if (oracle.coin(p)) {
                    System.arraycopy(snapshotAtCenter ? center : v, 0, w, 0, v.length);
                    snapshot(center, eta);
                }
            }
        }

        /** Phi(w) = eta F(w) + w - c, cost n. */
        private void snapshot(double[] center, double eta) {
            oracle.full(w, phiW);
            for (int j = 0; j < phiW.length; j++) {
                phiW[j] = eta * phiW[j] + w[j] - center[j];
            }
        }
    }
}
