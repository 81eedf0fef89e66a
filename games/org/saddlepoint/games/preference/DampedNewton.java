package org.saddlepoint.games.preference;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.saddlepoint.solvers.SaddlepointException;

/**
 * Newton-type minimisation in a few dimensions: steps -H^{-1} g with a positive definite H
 * supplied by the objective (its Hessian, or the Hessian of its convex part), halved until the
 * Armijo condition holds; stops when the Newton decrement -g^T d falls below 1e-10 or no step
 * decreases the objective. Shared by the reward and policy fits of VPO, RPO and rDPO.
 */
final class DampedNewton {
    private static final int MAX_STEPS = 100;

    /** A smooth objective in R^d. */
    interface Objective {
        double value(double[] x);

        /** Writes the gradient into {@code g} and a positive definite curvature (d x d, row-major) into {@code h}. */
        void derivatives(double[] x, double[] g, double[] h);
    }

    private DampedNewton() {
    }

    static double[] minimize(Objective objective, double[] start) {
        int d = start.length;
        double[] x = start.clone();
        double f = objective.value(x);
        for (int step = 0; step < MAX_STEPS; step++) {
            double[] g = new double[d];
            DMatrixRMaj h = new DMatrixRMaj(d, d);
            objective.derivatives(x, g, h.getData());
            double[] dir = direction(h, g);
            double slope = 0;
            for (int i = 0; i < d; i++) {
                slope += g[i] * dir[i];
            }
            if (-slope < 1e-10) {
                break;
            }
            double t = 1;
            double[] trial = new double[d];
            double ft = Double.POSITIVE_INFINITY;
            for (int halving = 0; halving < 50; halving++, t *= 0.5) {
                for (int i = 0; i < d; i++) {
                    trial[i] = x[i] + t * dir[i];
                }
                ft = objective.value(trial);
                if (ft <= f + 1e-4 * t * slope) {
                    break;
                }
            }
            if (!(ft < f)) {
                break;
            }
            x = trial;
            f = ft;
        }
        return x;
    }

    /** -H^{-1} g. */
    private static double[] direction(DMatrixRMaj h, double[] g) {
        DMatrixRMaj rhs = new DMatrixRMaj(g.length, 1);
        for (int i = 0; i < g.length; i++) {
            rhs.set(i, 0, -g[i]);
        }
        DMatrixRMaj x = new DMatrixRMaj(g.length, 1);
        if (!CommonOps_DDRM.solve(h, rhs, x)) {
            throw new SaddlepointException("singular Newton system (" + g.length + " parameters)");
        }
        return x.getData();
    }
}
