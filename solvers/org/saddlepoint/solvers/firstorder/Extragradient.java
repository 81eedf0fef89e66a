package org.saddlepoint.solvers.firstorder;

import org.saddlepoint.solvers.operators.Geometry;

/**
 * Extragradient (Korpelevich 1976) and, in a non-Euclidean geometry, mirror-prox (Nemirovski,
 * SIAM J. Optim. 2004, Algorithm 2.1):
 * <pre>
 *   u_{k+1/2} = P_{u_k}(eta F(u_k)),   u_{k+1} = P_{u_k}(eta F(u_{k+1/2}))
 * </pre>
 * with P the prox-mapping of the {@link Geometry}. Two operator evaluations per iteration.
 * The ergodic average of the u_{k+1/2} has gap at most max D(u, u_0) / (eta k) for
 * eta &lt;= 1/L (Nemirovski 2004, Theorem 3.1), L the Lipschitz constant of F in the geometry's
 * norm: the spectral norm for a bilinear coupling under {@link Geometry#EUCLIDEAN}, the
 * largest absolute entry under {@link Geometry#ENTROPIC}.
 */
public final class Extragradient extends ExtrapolatedProxMethod {
    public Extragradient(Geometry geometry, double eta) {
        super(geometry, eta);
    }

    @Override
    public String name() {
        return geometry() == Geometry.EUCLIDEAN ? "extragradient" : "mirror-prox (entropic)";
    }

    @Override
    boolean extrapolatesFromCurrentPoint() {
        return true;
    }
}
