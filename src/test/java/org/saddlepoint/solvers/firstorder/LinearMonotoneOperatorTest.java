package org.saddlepoint.solvers.firstorder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.SingularOps_DDRM;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.saddlepoint.solvers.iteration.IterationListener;
import org.saddlepoint.solvers.iteration.SolverResult;
import org.saddlepoint.solvers.iteration.SolverStatus;
import org.saddlepoint.solvers.iteration.StoppingRule;
import org.saddlepoint.solvers.operators.Domain;
import org.saddlepoint.solvers.operators.Geometry;
import org.saddlepoint.solvers.operators.MonotoneOperator;
import org.saddlepoint.solvers.operators.VariationalInequality;

/**
 * Unconstrained linear monotone operators F(u) = M u + q with M + M^T PSD and M nonsingular
 * (spec 7.4): the solution u* = -M^{-1} q by EJML. Extragradient (eta = 0.9/L) and optimistic
 * gradient (eta = 1/(2L)), L = ||M||_2, must reach it. (At exactly eta = 1/L the extragradient
 * map I - eta M + eta^2 M^2 has modulus 1 on an eigenvalue i L of a skew M, so the last iterate of
 * a bilinear problem does not contract; hence 0.9.) The certificate is the
 * natural residual, here ||F(u)|| = ||M (u - u*)|| >= sigma_min(M) ||u - u*||.
 */
class LinearMonotoneOperatorTest {

    /** M = S + W, S = B B^T / d + shift I (PSD), W skew-symmetric, scaled by skewWeight. */
    static double[][] randomMonotone(Random r, int d, double shift, double skewWeight) {
        double[][] b = new double[d][d];
        double[][] w = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                b[i][j] = r.nextGaussian();
            }
            for (int j = 0; j < i; j++) {
                w[i][j] = r.nextGaussian();
                w[j][i] = -w[i][j];
            }
        }
        double[][] m = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double s = 0;
                for (int k = 0; k < d; k++) {
                    s += b[i][k] * b[j][k];
                }
                m[i][j] = s / d + (i == j ? shift : 0) + skewWeight * w[i][j];
            }
        }
        return m;
    }

    /**
     * A pure skew M = Q J Q^T (an unconstrained bilinear game, M + M^T = 0) with J block diagonal
     * of 2x2 blocks [[0, s], [-s, 0]], s in [1, 2], and Q orthogonal (Gram-Schmidt of a Gaussian
     * matrix): singular values in [1, 2], so extragradient contracts at a fixed rate.
     */
    static double[][] wellConditionedSkew(Random r, int d) {
        double[][] q = new double[d][d];
        for (int k = 0; k < d; k++) {
            double[] v = new double[d];
            for (int i = 0; i < d; i++) {
                v[i] = r.nextGaussian();
            }
            for (int pass = 0; pass < 2; pass++) {
                for (int l = 0; l < k; l++) {
                    double dot = 0;
                    for (int i = 0; i < d; i++) {
                        dot += v[i] * q[l][i];
                    }
                    for (int i = 0; i < d; i++) {
                        v[i] -= dot * q[l][i];
                    }
                }
            }
            double norm = 0;
            for (double x : v) {
                norm += x * x;
            }
            norm = Math.sqrt(norm);
            for (int i = 0; i < d; i++) {
                q[k][i] = v[i] / norm;
            }
        }
        double[][] j = new double[d][d];
        for (int k = 0; k + 1 < d; k += 2) {
            double s = 1 + r.nextDouble();
            j[k][k + 1] = s;
            j[k + 1][k] = -s;
        }
        // M = Q^T J Q with the rows of q orthonormal
        double[][] m = new double[d][d];
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < d; b++) {
                double s = 0;
                for (int k = 0; k < d; k++) {
                    for (int l = 0; l < d; l++) {
                        s += q[k][a] * j[k][l] * q[l][b];
                    }
                }
                m[a][b] = s;
            }
        }
        return m;
    }

    static MonotoneOperator linear(double[][] m, double[] q) {
        return new MonotoneOperator() {
            @Override
            public int dimension() {
                return q.length;
            }

            @Override
            public void apply(double[] u, double[] out) {
                for (int i = 0; i < q.length; i++) {
                    double s = q[i];
                    for (int j = 0; j < q.length; j++) {
                        s += m[i][j] * u[j];
                    }
                    out[i] = s;
                }
            }
        };
    }

    @ParameterizedTest(name = "{0}: d={1}, shift={2}, skew={3}, seed={4}")
    @CsvSource({
            "EG, 8, 0.1, 1, 1", "EG, 15, 0.05, 0.5, 2", "EG, 6, 0.0, 1, 3",
            "OG, 8, 0.1, 1, 1", "OG, 15, 0.05, 0.5, 2", "OG, 6, 0.0, 1, 3",
            "EG, 10, 0.0, 1, 4", "OG, 10, 0.0, 1, 4"})
    void convergesToTheEjmlSolution(String method, int d, double shift, double skew, long seed) {
        Random r = new Random(seed);
        double[][] m = randomMonotone(r, d, shift, skew);
        if (seed == 4) {
            m = wellConditionedSkew(r, d);
        }
        double[] q = new double[d];
        for (int i = 0; i < d; i++) {
            q[i] = r.nextGaussian();
        }
        DMatrixRMaj mm = new DMatrixRMaj(m);
        double[] sv = SingularOps_DDRM.singularValues(mm.copy());
        double smax = 0;
        double smin = Double.POSITIVE_INFINITY;
        for (double s : sv) {
            smax = Math.max(smax, s);
            smin = Math.min(smin, s);
        }
        assertTrue(smin > 1e-3, "test matrix must be nonsingular, sigma_min = " + smin);
        // symmetric part PSD (check via the smallest eigenvalue bound x^T M x >= 0 on random x)
        for (int t = 0; t < 50; t++) {
            double[] x = new double[d];
            for (int i = 0; i < d; i++) {
                x[i] = r.nextGaussian();
            }
            double quad = 0;
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    quad += x[i] * m[i][j] * x[j];
                }
            }
            assertTrue(quad >= -1e-9);
        }
        DMatrixRMaj sol = new DMatrixRMaj(d, 1);
        DMatrixRMaj rhs = new DMatrixRMaj(d, 1);
        for (int i = 0; i < d; i++) {
            rhs.set(i, 0, -q[i]);
        }
        assertTrue(CommonOps_DDRM.solve(mm.copy(), rhs, sol));
        VariationalInequality vi = new VariationalInequality(linear(m, q), Domain.free(d));
        VariationalInequalitySolver solver = method.equals("EG")
                ? new Extragradient(Geometry.EUCLIDEAN, 0.9 / smax)
                : new OptimisticGradient(Geometry.EUCLIDEAN, 1 / (2 * smax));
        double tol = 1e-10;
        SolverResult res = solver.solve(vi, new double[d],
                StoppingRule.DEFAULT.withTolerance(tol).withMaxIterations(500_000).withCheckInterval(10), IterationListener.NONE);
        assertEquals(SolverStatus.CONVERGED, res.status(), res.toString());
        double[] u = res.point();
        double err = 0;
        for (int i = 0; i < d; i++) {
            err += (u[i] - sol.get(i, 0)) * (u[i] - sol.get(i, 0));
        }
        err = Math.sqrt(err);
        assertTrue(err <= tol / smin * 1.01 + 1e-13, "||u - u*|| = " + err + ", bound " + tol / smin);
    }
}
