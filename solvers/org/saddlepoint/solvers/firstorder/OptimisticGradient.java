package org.saddlepoint.solvers.firstorder;

import org.saddlepoint.solvers.operators.Geometry;

/**
 * Optimistic gradient in Popov's form ("past extragradient", Popov 1980), and with the entropic
 * geometry optimistic mirror descent / optimistic multiplicative weights (Rakhlin and Sridharan,
 * NeurIPS 2013; Daskalakis and Panageas, ITCS 2019):
 * <pre>
 *   u_{k+1/2} = P_{u_k}(eta F(u_{k-1/2})),   u_{k+1} = P_{u_k}(eta F(u_{k+1/2}))
 * </pre>
 * One operator evaluation per iteration; the previous one stands in for the extrapolation.
 * Ergodic gap O(max D(u, u_0) / (eta k)) for eta &lt;= 1/(2L).
 */
public final class OptimisticGradient extends ExtrapolatedProxMethod {
    public OptimisticGradient(Geometry geometry, double eta) {
        super(geometry, eta);
    }

    @Override
    public String name() {
        return geometry() == Geometry.EUCLIDEAN ? "optimistic gradient (Popov)" : "optimistic multiplicative weights";
    }

    @Override
    boolean extrapolatesFromCurrentPoint() {
        return false;
    }
}
