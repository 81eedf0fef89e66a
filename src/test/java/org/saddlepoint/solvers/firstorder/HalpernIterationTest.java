package org.saddlepoint.solvers.firstorder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.SingularOps_DDRM;
import org.junit.jupiter.api.Test;
import org.saddlepoint.solvers.iteration.Checkpoint;
import org.saddlepoint.solvers.iteration.SolverResult;
import org.saddlepoint.solvers.iteration.SolverStatus;
import org.saddlepoint.solvers.iteration.StoppingRule;
import org.saddlepoint.solvers.operators.BilinearSaddleProblem;
import org.saddlepoint.solvers.operators.Certificate;
import org.saddlepoint.solvers.operators.Domain;
import org.saddlepoint.solvers.operators.GameFixtures;
import org.saddlepoint.solvers.operators.MonotoneOperator;
import org.saddlepoint.solvers.operators.VariationalInequality;

/**
 * Halpern iteration: the tight constant ||u_k - T u_k|| <= 2 ||u_0 - u*|| / (k+1) (Lieder 2021;
 * spec 6.3, 7.5) on rotations, forward-backward on a cocoercive least-squares operator against
 * the normal equations (EJML), and PDHG as a firmly nonexpansive map in its metric.
 */
class HalpernIterationTest {

    /** Rotation by theta in R^2: nonexpansive (an isometry), fixed point 0. */
    static FixedPointMap rotation(double theta) {
        double c = Math.cos(theta);
        double s = Math.sin(theta);
        return new FixedPointMap() {
            @Override
            public int dimension() {
                return 2;
            }

            @Override
            public void apply(double[] u, double[] out) {
                out[0] = c * u[0] - s * u[1];
                out[1] = s * u[0] + c * u[1];
            }

            @Override
            public String name() {
                return "rotation";
            }
        };
    }

    /** F = I - T: monotone for nonexpansive T; its VI over R^2 is certified by ||u - T u||. */
    static VariationalInequality fixedPointProblem(FixedPointMap t) {
        MonotoneOperator f = new MonotoneOperator() {
            @Override
            public int dimension() {
                return t.dimension();
            }

            @Override
            public void apply(double[] u, double[] out) {
                t.apply(u, out);
                for (int i = 0; i < u.length; i++) {
                    out[i] = u[i] - out[i];
                }
            }
        };
        Certificate residual = new Certificate() {
            @Override
            public String name() {
                return "fixed-point residual";
            }

            @Override
            public double evaluate(double[] u) {
                double[] tu = new double[u.length];
                t.apply(u, tu);
                double s = 0;
                for (int i = 0; i < u.length; i++) {
                    s += (u[i] - tu[i]) * (u[i] - tu[i]);
                }
                return Math.sqrt(s);
            }
        };
        return new VariationalInequality(f, Domain.free(t.dimension()), residual);
    }

    static List<Checkpoint> runAndRecord(HalpernIteration h, VariationalInequality vi, double[] start, int k) {
        List<Checkpoint> seen = new ArrayList<>();
        StoppingRule rule = StoppingRule.DEFAULT.withTolerance(0).withMaxIterations(k).withCheckInterval(1);
        h.solve(vi, start, rule, seen::add);
        return seen;
    }

    @Property(tries = 40)
    void rotationMeetsTheTightHalpernBound(@ForAll @DoubleRange(min = 0.05, max = 3.14159) @net.jqwik.api.constraints.Scale(5) double theta,
                                           @ForAll @DoubleRange(min = -10, max = 10) double u0,
                                           @ForAll @DoubleRange(min = -10, max = 10) double u1) {
        FixedPointMap t = rotation(theta);
        VariationalInequality vi = fixedPointProblem(t);
        // F = I - T is monotone
        Random r = new Random(Double.doubleToLongBits(theta));
        for (int i = 0; i < 20; i++) {
            double[] u = {r.nextGaussian(), r.nextGaussian()};
            double[] v = {r.nextGaussian(), r.nextGaussian()};
            double[] fu = new double[2];
            double[] fv = new double[2];
            vi.operator().apply(u, fu);
            vi.operator().apply(v, fv);
            assertTrue((fu[0] - fv[0]) * (u[0] - v[0]) + (fu[1] - fv[1]) * (u[1] - v[1]) >= -1e-12);
        }
        double norm0 = Math.hypot(u0, u1);
        if (norm0 == 0) {
            return;
        }
        List<Checkpoint> seen = runAndRecord(new HalpernIteration(v -> t, false), vi, new double[] {u0, u1}, 600);
        assertEquals(601, seen.size());
        for (Checkpoint c : seen) {
            double bound = 2 * norm0 / (c.iteration() + 1);
            assertTrue(c.certificate() <= bound * (1 + 1e-12), "k=" + c.iteration() + ": " + c.certificate() + " > " + bound);
        }
    }

    @Test
    void rotationBoundIsNearlyTight() {
        for (double theta : new double[] {0.3, 1.0, 3.0, Math.PI - 0.01}) {
            FixedPointMap t = rotation(theta);
            List<Checkpoint> seen = runAndRecord(new HalpernIteration(v -> t, false), fixedPointProblem(t),
                    new double[] {1, 0}, 2000);
            double worst = 0;
            for (Checkpoint c : seen) {
                worst = Math.max(worst, c.certificate() * (c.iteration() + 1) / 2);
            }
            assertTrue(worst <= 1 + 1e-12 && worst >= 0.99, "theta " + theta + ": sup ratio " + worst);
        }
    }

    @Test
    void firstStepsFollowTheAnchoredRecursion() {
        FixedPointMap t = rotation(0.7);
        double[] z = {2, -1};
        SolverResult r = new HalpernIteration(v -> t, false).solve(fixedPointProblem(t), z,
                StoppingRule.DEFAULT.withTolerance(0).withMaxIterations(3).withCheckInterval(1),
                org.saddlepoint.solvers.iteration.IterationListener.NONE);
        double[] u = z.clone();
        double[] tu = new double[2];
        for (int k = 0; k < 3; k++) {
            t.apply(u, tu);
            double lambda = 1.0 / (k + 2);
            for (int i = 0; i < 2; i++) {
                u[i] = lambda * z[i] + (1 - lambda) * tu[i];
            }
        }
        t.apply(u, tu);
        // the method reports (and certifies) T(u_3), which lies in the domain even when reflected
        org.junit.jupiter.api.Assertions.assertArrayEquals(tu, r.lastIterate(), 1e-15);
        assertEquals(3, r.iterations());
    }

    @Test
    void restartedHalpernDrivesTheRotationResidualToZero() {
        FixedPointMap t = rotation(1.0);
        SolverResult r = new HalpernIteration(v -> t, true).solve(fixedPointProblem(t), new double[] {3, 4},
                StoppingRule.DEFAULT.withTolerance(1e-10).withMaxIterations(100_000).withCheckInterval(1),
                org.saddlepoint.solvers.iteration.IterationListener.NONE);
        assertEquals(SolverStatus.CONVERGED, r.status());
        // ||u - Tu|| = 2 sin(theta/2) ||u|| for a rotation: the iterate is near the fixed point 0
        assertTrue(Math.hypot(r.point()[0], r.point()[1]) <= 1e-10 / (2 * Math.sin(0.5)) * (1 + 1e-9));
    }

    /** Least squares F(u) = (1/N) sum a_i (a_i.u - b_i): cocoercive with L = max ||a_i||^2. */
    record LeastSquares(double[][] a, double[] b, double l, double[] solution, double lambdaMin) {
        static LeastSquares random(long seed, int rows, int d) {
            Random r = new Random(seed);
            double[][] a = new double[rows][d];
            double[] b = new double[rows];
            double l = 0;
            for (int i = 0; i < rows; i++) {
                double nn = 0;
                for (int j = 0; j < d; j++) {
                    a[i][j] = r.nextGaussian();
                    nn += a[i][j] * a[i][j];
                }
                b[i] = r.nextGaussian();
                l = Math.max(l, nn);
            }
            // normal equations (A^T A) u = A^T b, by EJML
            DMatrixRMaj am = new DMatrixRMaj(a);
            DMatrixRMaj ata = new DMatrixRMaj(d, d);
            CommonOps_DDRM.multTransA(am, am, ata);
            DMatrixRMaj atb = new DMatrixRMaj(d, 1);
            CommonOps_DDRM.multTransA(am, new DMatrixRMaj(rows, 1, true, b), atb);
            double lmin = Double.POSITIVE_INFINITY;
            for (double s : SingularOps_DDRM.singularValues(ata.copy())) {
                lmin = Math.min(lmin, s / rows);
            }
            DMatrixRMaj sol = new DMatrixRMaj(d, 1);
            assertTrue(CommonOps_DDRM.solve(ata.copy(), atb, sol));
            return new LeastSquares(a, b, l, sol.getData().clone(), lmin);
        }

        MonotoneOperator operator() {
            int d = a[0].length;
            return new MonotoneOperator() {
                @Override
                public int dimension() {
                    return d;
                }

                @Override
                public void apply(double[] u, double[] out) {
                    java.util.Arrays.fill(out, 0);
                    for (int i = 0; i < a.length; i++) {
                        // component F_i(u) = a_i (a_i.u - b_i), averaged over i
                        double res = -b[i];
                        for (int j = 0; j < d; j++) {
                            res += a[i][j] * u[j];
                        }
                        for (int j = 0; j < d; j++) {
                            out[j] += a[i][j] * res / a.length;
                        }
                    }
                }
            };
        }
    }

    @Property(tries = 10)
    void forwardBackwardHalpernMeetsItsBoundOnLeastSquares(@ForAll long seed, @ForAll @IntRange(min = 2, max = 8) int d) {
        LeastSquares ls = LeastSquares.random(seed, 5 * d, d);
        VariationalInequality vi = new VariationalInequality(ls.operator(), Domain.free(d));
        double eta = 1 / ls.l();
        double[] u0 = new double[d];
        double dist0 = 0;
        for (int j = 0; j < d; j++) {
            dist0 += ls.solution()[j] * ls.solution()[j];
        }
        dist0 = Math.sqrt(dist0);
        List<Checkpoint> seen = runAndRecord(new HalpernIteration(v -> new ForwardBackwardMap(v, eta), false), vi, u0, 400);
        // certificate = ||F(u_k)|| = ||u_k - T u_k|| / eta <= 2 ||u0 - u*|| / (eta (k+1))
        for (Checkpoint c : seen) {
            double bound = 2 * dist0 / (eta * (c.iteration() + 1));
            assertTrue(c.certificate() <= bound * (1 + 1e-9), "k=" + c.iteration());
        }
    }

    @Test
    void restartedForwardBackwardHalpernSolvesTheNormalEquations() {
        for (long seed = 1; seed <= 3; seed++) {
            LeastSquares ls = LeastSquares.random(seed, 60, 10);
            VariationalInequality vi = new VariationalInequality(ls.operator(), Domain.free(10));
            double tol = 1e-10;
            SolverResult r = new HalpernIteration(v -> new ForwardBackwardMap(v, 1 / ls.l()), true).solve(vi,
                    new double[10], StoppingRule.DEFAULT.withTolerance(tol).withMaxIterations(200_000).withCheckInterval(5),
                    org.saddlepoint.solvers.iteration.IterationListener.NONE);
            assertEquals(SolverStatus.CONVERGED, r.status(), r.toString());
            // strong monotonicity: ||u - u*|| <= ||F(u)|| / lambda_min(A^T A / N)
            double err = 0;
            for (int j = 0; j < 10; j++) {
                err = Math.max(err, Math.abs(r.point()[j] - ls.solution()[j]));
            }
            assertTrue(err <= tol / ls.lambdaMin() * 1.01 + 1e-13, "error " + err);
        }
    }

    /**
     * PDHG is firmly nonexpansive in the metric M = [[I/tau, K], [K^T, I/sigma]] when
     * tau sigma ||K||^2 < 1: ||Tu - Tv||_M^2 <= (Tu - Tv)^T M (u - v). Its fixed points are the
     * saddle points.
     */
    @Property(tries = 100)
    void pdhgIsFirmlyNonexpansiveInItsMetric(@ForAll @IntRange(min = 1, max = 7) int m, @ForAll @IntRange(min = 1, max = 7) int n,
                                             @ForAll long seed) {
        double[][] a = GameFixtures.gaussianMatrix(seed, m, n);
        BilinearSaddleProblem p = GameFixtures.game(a);
        double step = 0.9 / GameFixtures.spectralNormEjml(a);
        PrimalDualHybridGradientMap t = new PrimalDualHybridGradientMap(p, step, step);
        assertEquals(m + n, t.dimension());
        Random r = new Random(seed);
        for (int trial = 0; trial < 10; trial++) {
            double[] u = new double[m + n];
            double[] v = new double[m + n];
            for (int i = 0; i < m + n; i++) {
                u[i] = r.nextGaussian();
                v[i] = r.nextGaussian();
            }
            double[] tu = new double[m + n];
            double[] tv = new double[m + n];
            t.apply(u, tu);
            t.apply(v, tv);
            double[] dt = new double[m + n];
            double[] du = new double[m + n];
            for (int i = 0; i < m + n; i++) {
                dt[i] = tu[i] - tv[i];
                du[i] = u[i] - v[i];
            }
            double lhs = metric(a, step, step, dt, dt);
            double rhs = metric(a, step, step, dt, du);
            assertTrue(lhs <= rhs + 1e-10 * (1 + Math.abs(rhs)), "lhs " + lhs + " rhs " + rhs);
        }
        GameFixtures.Equilibrium eq = m <= 4 && n <= 4 ? GameFixtures.supportEnumeration(GameFixtures.randomMatrix(seed, m, n)) : null;
        if (eq != null) {
            BilinearSaddleProblem q = GameFixtures.game(GameFixtures.randomMatrix(seed, m, n));
            PrimalDualHybridGradientMap tq = new PrimalDualHybridGradientMap(q, 0.5, 0.7);
            double[] out = new double[m + n];
            tq.apply(eq.stacked(), out);
            org.junit.jupiter.api.Assertions.assertArrayEquals(eq.stacked(), out, 1e-12);
        }
    }

    /** p^T M q with M = [[I/tau, K], [K^T, I/sigma]] on u = (x, y). */
    static double metric(double[][] k, double tau, double sigma, double[] p, double[] q) {
        int m = k.length;
        int n = k[0].length;
        double[] px = GameFixtures.slice(p, 0, m);
        double[] py = GameFixtures.slice(p, m, m + n);
        double[] qx = GameFixtures.slice(q, 0, m);
        double[] qy = GameFixtures.slice(q, m, m + n);
        double s = 0;
        for (int i = 0; i < m; i++) {
            s += px[i] * qx[i] / tau;
        }
        for (int j = 0; j < n; j++) {
            s += py[j] * qy[j] / sigma;
        }
        return s + GameFixtures.bilinear(k, px, qy) + GameFixtures.bilinear(k, qx, py);
    }

    @Test
    void pdhgMapMatchesItsFormula() {
        double[][] a = {{1, -2}, {0.5, 3}, {-1, 1}};
        BilinearSaddleProblem p = GameFixtures.game(a);
        double tau = 0.2;
        double sigma = 0.3;
        double[] u = {0.2, 0.5, 0.3, 0.6, 0.4};
        double[] x = GameFixtures.slice(u, 0, 3);
        double[] y = GameFixtures.slice(u, 3, 5);
        double[] ky = GameFixtures.times(a, y);
        double[] xp = new double[3];
        for (int i = 0; i < 3; i++) {
            xp[i] = x[i] + tau * ky[i];
        }
        org.saddlepoint.solvers.projection.SimplexProjection.project(xp);
        double[] ext = new double[3];
        for (int i = 0; i < 3; i++) {
            ext[i] = 2 * xp[i] - x[i];
        }
        double[] kt = GameFixtures.timesTranspose(a, ext);
        double[] yp = new double[2];
        for (int j = 0; j < 2; j++) {
            yp[j] = y[j] - sigma * kt[j];
        }
        org.saddlepoint.solvers.projection.SimplexProjection.project(yp);
        double[] out = new double[5];
        new PrimalDualHybridGradientMap(p, tau, sigma).apply(u, out);
        org.junit.jupiter.api.Assertions.assertArrayEquals(GameFixtures.concat(xp, yp), out, 1e-15);
    }
}
