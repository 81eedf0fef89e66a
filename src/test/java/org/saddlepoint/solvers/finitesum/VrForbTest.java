package org.saddlepoint.solvers.finitesum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.saddlepoint.solvers.finitesum.experiments.LeastSquares;
import org.saddlepoint.solvers.iteration.SolverStatus;
import org.saddlepoint.solvers.linalg.Vectors;

/**
 * VR-FoRB as the resolvent solver of Algorithm 2: on least squares the exact resolvent
 * J_{eta F}(c) solves (I + eta A^T A / n) v = c + eta A^T b / n (EJML); with the [AM22] snapshot
 * (w = v) the inner iterate converges to it linearly, with the scripts' snapshot (w = c) it
 * stalls at the estimator's variance. Importance sampling keeps Algorithm 1 convergent on rows of
 * unequal norms.
 */
class VrForbTest {
    @Test
    void innerIterateConvergesToTheExactResolvent() {
        int n = 50;
        int d = 4;
        LeastSquares instance = LeastSquares.generate(n, d, 6);
        FiniteSumProblem p = instance.problem();
        double eta = 3.0;
        double[] center = {1, -2, 0.5, 3};
        DMatrixRMaj a = DMatrixRMaj.wrap(n, d, instance.rows());
        DMatrixRMaj m = new DMatrixRMaj(d, d);
        CommonOps_DDRM.multTransA(eta / n, a, a, m);
        for (int j = 0; j < d; j++) {
            m.add(j, j, 1);
        }
        DMatrixRMaj rhs = new DMatrixRMaj(d, 1);
        CommonOps_DDRM.multTransA(eta / n, a, DMatrixRMaj.wrap(n, 1, instance.targets()), rhs);
        for (int j = 0; j < d; j++) {
            rhs.add(j, 0, center[j]);
        }
        DMatrixRMaj exact = new DMatrixRMaj(d, 1);
        assertTrue(CommonOps_DDRM.solve(m, rhs, exact));

        double pSnap = 1.0 / n;
        double gamma = 0.5 * Math.sqrt(pSnap * (1 - pSnap)) / (eta * p.lipschitzOnAverage() + 1);
        double[] amm = resolvent(p, new VrForb(pSnap, 1 - pSnap, gamma, false), center, eta);
        double[] script = resolvent(p, new VrForb(pSnap, 1 - pSnap, gamma, true), center, eta);
        double start = Vectors.distance(center, exact.getData());
        assertTrue(Vectors.distance(amm, exact.getData()) <= 1e-8 * start, "[AM22] snapshot: " + Vectors.distance(amm, exact.getData()));
        assertTrue(Vectors.distance(script, exact.getData()) > 1e-6 * start, "the scripts' snapshot stalls");
    }

    private static double[] resolvent(FiniteSumProblem p, VrForb forb, double[] center, double eta) {
        FiniteSumOracle oracle = new FiniteSumOracle(p, Sampling.uniform(p.components()), 2);
        double[] v = new double[center.length];
        forb.workspace(oracle).resolvent(center, eta, 200_000, v);
        return v;
    }

    @Test
    void algorithm1WithImportanceSamplingConvergesOnUnequalRows() {
        int n = 400;
        int d = 5;
        LeastSquares unit = LeastSquares.generate(n, d, 8);
        double[] rows = unit.rows();
        for (int i = 0; i < n; i++) {
            double s = 1 + 9.0 * i / n;
            for (int j = 0; j < d; j++) {
                rows[i * d + j] *= s;
            }
        }
        LeastSquares scaled = new LeastSquares(n, d, rows, unit.targets());
        FiniteSumProblem p = scaled.problem();
        double meanL = 0;
        for (int i = 0; i < n; i++) {
            meanL += scaled.componentLipschitz(i) / n;
        }
        double target = 1e-3 * p.certificate().evaluate(p.start());
        FiniteSumResult r = FiniteSumSolver.solve(p, new VarianceReducedHalpern(1 / meanL),
                FiniteSumOptions.DEFAULT.withImportanceSampling(true).withTolerance(target).withMaxEpochs(20_000));
        assertEquals(SolverStatus.CONVERGED, r.status(), r.toString());
    }
}
