package org.saddlepoint.solvers.firstorder;

import org.saddlepoint.solvers.linalg.SpectralNorm;
import org.saddlepoint.solvers.operators.BilinearSaddleProblem;
import org.saddlepoint.solvers.operators.Geometry;

/**
 * The first-order methods under test, each with its theoretical step for a matrix game:
 * extragradient / mirror-prox eta = 1/L, optimistic eta = 1/(2L), Halpern on PDHG with
 * tau = sigma = 0.9/||A||_2. L is ||A||_2 in the Euclidean geometry (from SpectralNorm, which
 * estimates from below, hence the factor 0.99) and max |A_ij| in the entropic one.
 */
enum GameMethod {
    EXTRAGRADIENT_EUCLIDEAN, MIRROR_PROX_ENTROPIC, OPTIMISTIC_EUCLIDEAN, OPTIMISTIC_ENTROPIC, HALPERN_PDHG;

    static double spectralNorm(BilinearSaddleProblem p) {
        return SpectralNorm.estimate(p.coupling(), 1e-10, 100_000);
    }

    /** @param factor multiplies the theoretical step (1 = theory) */
    VariationalInequalitySolver create(BilinearSaddleProblem p, double factor) {
        double maxAbs = p.coupling().maxAbsEntry();
        return switch (this) {
            case EXTRAGRADIENT_EUCLIDEAN -> new Extragradient(Geometry.EUCLIDEAN, factor * 0.99 / spectralNorm(p));
            case MIRROR_PROX_ENTROPIC -> new Extragradient(Geometry.ENTROPIC, factor / maxAbs);
            case OPTIMISTIC_EUCLIDEAN -> new OptimisticGradient(Geometry.EUCLIDEAN, factor * 0.99 / (2 * spectralNorm(p)));
            case OPTIMISTIC_ENTROPIC -> new OptimisticGradient(Geometry.ENTROPIC, factor / (2 * maxAbs));
            case HALPERN_PDHG -> {
                double step = factor * 0.9 / spectralNorm(p);
                yield new HalpernIteration(vi -> new PrimalDualHybridGradientMap(p, step, step), true);
            }
        };
    }

    VariationalInequalitySolver create(BilinearSaddleProblem p) {
        return create(p, 1.0);
    }

    boolean entropic() {
        return this == MIRROR_PROX_ENTROPIC || this == OPTIMISTIC_ENTROPIC;
    }
}
