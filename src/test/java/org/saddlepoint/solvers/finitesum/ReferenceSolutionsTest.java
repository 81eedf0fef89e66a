package org.saddlepoint.solvers.finitesum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.saddlepoint.games.LpBackend;
import org.saddlepoint.games.MatrixGame;
import org.saddlepoint.games.MatrixGameLp;
import org.saddlepoint.games.MatrixGameSolution;
import org.saddlepoint.solvers.finitesum.experiments.LeastSquares;
import org.saddlepoint.solvers.finitesum.experiments.MethodName;
import org.saddlepoint.solvers.finitesum.experiments.PolicemanBurglar;
import org.saddlepoint.solvers.finitesum.experiments.Preset;
import org.saddlepoint.solvers.finitesum.experiments.QuadraticMinMax;
import org.saddlepoint.solvers.iteration.Checkpoint;
import org.saddlepoint.solvers.iteration.SolverStatus;
import org.saddlepoint.solvers.linalg.Vectors;
import org.saddlepoint.solvers.operators.Domain;

/**
 * Independent references (spec 7): linear monotone operators against an EJML solve (the
 * least-squares normal equations; the quadratic min-max KKT system), the Halpern constant on a
 * rotation, and r_eta = 0 at an LP-certified equilibrium of policeman-burglar.
 */
class ReferenceSolutionsTest {
    @Test
    void everyRestartedMethodSolvesLeastSquaresAsTheNormalEquations() {
        LeastSquares instance = LeastSquares.generate(200, 5, 9);
        FiniteSumProblem p = instance.problem();
        DMatrixRMaj a = DMatrixRMaj.wrap(200, 5, instance.rows());
        DMatrixRMaj ata = new DMatrixRMaj(5, 5);
        CommonOps_DDRM.multTransA(a, a, ata);
        DMatrixRMaj atb = new DMatrixRMaj(5, 1);
        CommonOps_DDRM.multTransA(a, DMatrixRMaj.wrap(200, 1, instance.targets()), atb);
        DMatrixRMaj solution = new DMatrixRMaj(5, 1);
        assertTrue(CommonOps_DDRM.solve(ata, atb, solution));
        double mu = smallestEigenvalue(ata) / 200;
        double tolerance = 1e-8 * p.certificate().evaluate(p.start());
        for (MethodName m : MethodName.values()) {
            FiniteSumResult r = FiniteSumSolver.solve(p, new Restarted(instance.method(m, Preset.THEORY)),
                    FiniteSumOptions.DEFAULT.withTolerance(tolerance).withMaxEpochs(200_000).withSeed(4));
            assertEquals(SolverStatus.CONVERGED, r.status(), r.toString());
            double distance = Vectors.distance(r.point(), solution.getData());
            assertTrue(distance <= 1.0001 * r.certificate() / mu + 1e-12,
                    m.cliName() + ": ||u - u*|| = " + distance + " > ||F(u)|| / mu = " + r.certificate() / mu);
        }
    }

    private static double smallestEigenvalue(DMatrixRMaj symmetric) {
        var eig = org.ejml.dense.row.factory.DecompositionFactory_DDRM.eig(symmetric.numRows, false, true);
        assertTrue(eig.decompose(symmetric.copy()));
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < symmetric.numRows; i++) {
            min = Math.min(min, eig.getEigenvalue(i).getReal());
        }
        return min;
    }

    /**
     * G = N_box: least squares on [-0.2, 0.2]^d. The KKT conditions of the constrained minimiser,
     * checked coordinate by coordinate, are the reference: F_j = 0 inside, F_j &lt;= 0 at the upper
     * bound, F_j &gt;= 0 at the lower one.
     */
    @Test
    void algorithm1SolvesABoxConstrainedLeastSquaresProblem() {
        LeastSquares instance = LeastSquares.generate(300, 6, 3);
        FiniteSumProblem free = instance.problem();
        FiniteSumProblem boxed = new FiniteSumProblem("boxed least squares", instance, Domain.box(6, -0.2, 0.2),
                new double[6], free.lipschitzOnAverage(), free.lipschitz());
        FiniteSumResult r = FiniteSumSolver.solve(boxed, new Restarted(VarianceReducedHalpern.theory(boxed)),
                FiniteSumOptions.DEFAULT.withTolerance(1e-10).withMaxEpochs(200_000).withSeed(2));
        assertEquals(SolverStatus.CONVERGED, r.status(), r.toString());
        assertTrue(r.certificateName().startsWith("natural residual"));
        double[] u = r.point();
        double[] f = new double[6];
        instance.apply(u, f);
        int active = 0;
        for (int j = 0; j < 6; j++) {
            assertTrue(Math.abs(u[j]) <= 0.2 + 1e-15, "in the box");
            if (u[j] >= 0.2 - 1e-7) {
                assertTrue(f[j] <= 1e-7, "upper bound " + j + ": F_j = " + f[j]);
                active++;
            } else if (u[j] <= -0.2 + 1e-7) {
                assertTrue(f[j] >= -1e-7, "lower bound " + j + ": F_j = " + f[j]);
                active++;
            } else {
                assertEquals(0.0, f[j], 1e-7, "interior " + j);
            }
        }
        assertTrue(active > 0, "the box binds");
    }

    @Test
    void extragradientSolvesTheQuadraticMinMaxAsItsKktSystem() {
        QuadraticMinMax instance = QuadraticMinMax.generate(8);
        FiniteSumProblem p = instance.problem();
        DMatrixRMaj m = DMatrixRMaj.wrap(16, 16, instance.jacobian().toRowMajor());
        double[] c = instance.constant();
        DMatrixRMaj rhs = new DMatrixRMaj(16, 1);
        for (int j = 0; j < 16; j++) {
            rhs.set(j, 0, -c[j]);
        }
        DMatrixRMaj solution = new DMatrixRMaj(16, 1);
        assertTrue(CommonOps_DDRM.solve(m, rhs, solution));
        for (MethodName method : new MethodName[] {MethodName.EG, MethodName.ALG2}) {
            FiniteSumResult r = FiniteSumSolver.solve(p, new Restarted(instance.method(method, Preset.THEORY)),
                    FiniteSumOptions.DEFAULT.withTolerance(1e-9).withMaxEpochs(400_000).withSeed(1));
            assertEquals(SolverStatus.CONVERGED, r.status(), r.toString());
            double[] f = new double[16];
            p.operator().apply(solution.getData(), f);
            assertTrue(Vectors.norm2(f) <= 1e-12, "the EJML solution solves F = 0");
            assertTrue(Vectors.distance(r.point(), solution.getData()) <= 1e-6, method + ": " + Arrays.toString(r.point()));
        }
    }

    /** F = I - T for T the rotation by theta: with eta = 1, deterministic Halpern is Halpern on T. */
    static FiniteSumProblem rotation(double theta) {
        double cos = Math.cos(theta);
        double sin = Math.sin(theta);
        FiniteSumOperator f = new FiniteSumOperator() {
            @Override
            public int dimension() {
                return 2;
            }

            @Override
            public int components() {
                return 1;
            }

            @Override
            public void addComponent(int i, double[] u, double scale, double[] out) {
                out[0] += scale * (u[0] - (cos * u[0] - sin * u[1]));
                out[1] += scale * (u[1] - (sin * u[0] + cos * u[1]));
            }

            @Override
            public double componentLipschitz(int i) {
                return 2;
            }
        };
        return new FiniteSumProblem("rotation", f, Domain.free(2), new double[] {1, 0}, 2, 2);
    }

    @Test
    void halpernMeetsLiedersTightConstantOnRotations() {
        double worst = 0;
        for (double theta : new double[] {0.3, 1.0, 2.0, 3.0, Math.PI - 1e-3}) {
            FiniteSumProblem p = rotation(theta);
            FiniteSumResult r = FiniteSumSolver.solve(p, new DeterministicHalpern(1.0),
                    FiniteSumOptions.DEFAULT.withMaxEpochs(2000).withCheckEpochs(1));
            for (Checkpoint c : r.history()) {
                int k = c.iteration();
                double bound = 2.0 / (k + 1);
                assertTrue(c.certificate() <= bound * (1 + 1e-12), "theta " + theta + " k " + k + ": " + c.certificate());
                if (k >= 100) {
                    worst = Math.max(worst, c.certificate() / bound);
                }
            }
        }
        assertTrue(worst >= 0.95, "near-tight for theta near pi: " + worst);
    }

    @Test
    void naturalResidualVanishesAtTheLpEquilibrium() {
        PolicemanBurglar instance = PolicemanBurglar.generate(30, 2);
        MatrixGameSolution lp = MatrixGameLp.solve(MatrixGame.of(instance.matrix()), LpBackend.GLOP, Double.POSITIVE_INFINITY);
        assertEquals(SolverStatus.OPTIMAL, lp.status());
        double[] u = new double[60];
        System.arraycopy(lp.colStrategy(), 0, u, 0, 30);
        System.arraycopy(lp.rowStrategy(), 0, u, 30, 30);
        FiniteSumProblem p = instance.problem();
        assertTrue(p.gap().orElseThrow().evaluate(u) <= 1e-9 * instance.matrix().max(), "LP gap");
        assertEquals(0.0, p.certificate().evaluate(u), 1e-10, "r_1 at the equilibrium");
        assertEquals(0.0, p.withResidualEta(0.01).certificate().evaluate(u), 1e-10, "r_0.01 at the equilibrium");
        assertTrue(p.certificate().evaluate(p.start()) > 1e-3, "and not elsewhere");
    }
}
