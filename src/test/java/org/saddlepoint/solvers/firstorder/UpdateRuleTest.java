package org.saddlepoint.solvers.firstorder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;
import org.saddlepoint.solvers.iteration.IterationListener;
import org.saddlepoint.solvers.iteration.SolverResult;
import org.saddlepoint.solvers.iteration.StoppingRule;
import org.saddlepoint.solvers.operators.BilinearSaddleProblem;
import org.saddlepoint.solvers.operators.GameFixtures;
import org.saddlepoint.solvers.operators.Geometry;

/**
 * The first iterations of each method against the update rules of spec 6.1 / 6.2 written out by
 * hand: F(x, y) = (-A y, A^T x); multiplicative steps x+ ∝ x exp(eta A y), y+ ∝ y exp(-eta A^T x).
 */
class UpdateRuleTest {
    static final double[][] A = {{2, -1, 0.5}, {-1, 1, 3}};

    static double[] f(double[] u) {
        double[] x = GameFixtures.slice(u, 0, 2);
        double[] y = GameFixtures.slice(u, 2, 5);
        double[] ay = GameFixtures.times(A, y);
        double[] atx = GameFixtures.timesTranspose(A, x);
        return new double[] {-ay[0], -ay[1], atx[0], atx[1], atx[2]};
    }

    /** Entropic prox step: block-wise c_i exp(-eta g_i), normalised. */
    static double[] entropic(double[] c, double[] g, double eta) {
        double[] out = new double[5];
        int[][] blocks = {{0, 2}, {2, 5}};
        for (int[] b : blocks) {
            double z = 0;
            for (int i = b[0]; i < b[1]; i++) {
                out[i] = c[i] * Math.exp(-eta * g[i]);
                z += out[i];
            }
            for (int i = b[0]; i < b[1]; i++) {
                out[i] /= z;
            }
        }
        return out;
    }

    static double[] euclidean(BilinearSaddleProblem p, double[] c, double[] g, double eta) {
        double[] out = new double[5];
        for (int i = 0; i < 5; i++) {
            out[i] = c[i] - eta * g[i];
        }
        p.domain().project(out);
        return out;
    }

    static SolverResult run(VariationalInequalitySolver s, BilinearSaddleProblem p, double[] u0, int k) {
        return s.solve(p.asVariationalInequality(), u0,
                StoppingRule.DEFAULT.withTolerance(0).withMaxIterations(k).withCheckInterval(1), IterationListener.NONE);
    }

    @Test
    void mirrorProxTwoIterations() {
        BilinearSaddleProblem p = GameFixtures.game(A);
        double[] u = {0.3, 0.7, 0.2, 0.5, 0.3};
        double eta = 0.4;
        double[] sumHalf = new double[5];
        for (int k = 0; k < 2; k++) {
            double[] half = entropic(u, f(u), eta);
            u = entropic(u, f(half), eta);
            for (int i = 0; i < 5; i++) {
                sumHalf[i] += half[i] / 2;
            }
        }
        SolverResult r = run(new Extragradient(Geometry.ENTROPIC, eta), p, new double[] {0.3, 0.7, 0.2, 0.5, 0.3}, 2);
        assertArrayEquals(u, r.lastIterate(), 1e-14);
        assertArrayEquals(sumHalf, r.averageIterate(), 1e-14);
    }

    @Test
    void popovThreeIterationsBothGeometries() {
        BilinearSaddleProblem p = GameFixtures.game(A);
        double[] u0 = {0.3, 0.7, 0.2, 0.5, 0.3};
        double eta = 0.15;
        for (Geometry geo : Geometry.values()) {
            double[] u = u0.clone();
            double[] g = f(u); // F(u_{-1/2}) := F(u_0)
            double[] half = null;
            double[] avg = new double[5];
            for (int k = 0; k < 3; k++) {
                half = geo == Geometry.ENTROPIC ? entropic(u, g, eta) : euclidean(p, u, g, eta);
                g = f(half);
                u = geo == Geometry.ENTROPIC ? entropic(u, g, eta) : euclidean(p, u, g, eta);
                for (int i = 0; i < 5; i++) {
                    avg[i] += half[i] / 3;
                }
            }
            SolverResult r = run(new OptimisticGradient(geo, eta), p, u0, 3);
            assertArrayEquals(half, r.lastIterate(), 1e-14, geo.toString());
            assertArrayEquals(avg, r.averageIterate(), 1e-14, geo.toString());
        }
    }
}
