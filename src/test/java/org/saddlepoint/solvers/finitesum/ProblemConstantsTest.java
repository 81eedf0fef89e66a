package org.saddlepoint.solvers.finitesum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.NormOps_DDRM;
import org.ejml.dense.row.SingularOps_DDRM;
import org.junit.jupiter.api.Test;
import org.saddlepoint.solvers.finitesum.experiments.LeastSquares;
import org.saddlepoint.solvers.finitesum.experiments.MethodName;
import org.saddlepoint.solvers.finitesum.experiments.PolicemanBurglar;
import org.saddlepoint.solvers.finitesum.experiments.Preset;
import org.saddlepoint.solvers.finitesum.experiments.QuadraticMinMax;

/**
 * The constants the presets are built from, against EJML: L_F = ||A||_2 (policeman-burglar), the
 * spectral norm of the Jacobian (quadratic), lambda_max(A^T A)/n (least squares); ||A||_F; the
 * expected-Lipschitz bound E ||F_i(u) - F_i(v)||^2 &lt;= L^2 ||u - v||^2 by exact enumeration on
 * random pairs; and the presets' steps as documented.
 */
class ProblemConstantsTest {
    static double largestSingularValue(DMatrixRMaj m) {
        double[] values = SingularOps_DDRM.singularValues(m.copy());
        double max = 0;
        for (double v : values) {
            max = Math.max(max, v);
        }
        return max;
    }

    @Test
    void lipschitzConstantsMatchEjml() {
        PolicemanBurglar pb = PolicemanBurglar.generate(60, 4);
        DMatrixRMaj a = DMatrixRMaj.wrap(60, 60, pb.matrix().toRowMajor());
        assertEquals(largestSingularValue(a), pb.spectralNorm(), 1e-8 * pb.spectralNorm());
        assertEquals(pb.spectralNorm(), pb.problem().lipschitz());
        assertEquals(NormOps_DDRM.normF(a), pb.frobeniusNorm(), 1e-10 * pb.frobeniusNorm());

        QuadraticMinMax qp = QuadraticMinMax.generate(30);
        double jacobian = largestSingularValue(DMatrixRMaj.wrap(60, 60, qp.jacobian().toRowMajor()));
        assertEquals(jacobian, qp.problem().lipschitz(), 1e-8 * jacobian);

        LeastSquares ls = LeastSquares.generate(500, 6, 2);
        double sigma = largestSingularValue(DMatrixRMaj.wrap(500, 6, ls.rows()));
        assertEquals(sigma * sigma / 500, ls.problem().lipschitz(), 1e-8);
        assertEquals(1.0, ls.problem().lipschitzOnAverage(), 1e-12, "unit rows: L = max ||a_i||^2 = 1");
    }

    @Test
    void expectedLipschitzBoundHolds() {
        List<FiniteSumProblem> problems = List.of(PolicemanBurglar.generate(25, 1).problem(),
                QuadraticMinMax.generate(12).problem(), LeastSquares.generate(80, 4, 1).problem());
        for (FiniteSumProblem p : problems) {
            FiniteSumOperator f = p.operator();
            for (long seed = 0; seed < 20; seed++) {
                double[] u = FiniteSumOperatorTest.randomPoint(f.dimension(), 2 * seed);
                double[] v = FiniteSumOperatorTest.randomPoint(f.dimension(), 2 * seed + 1);
                double mean = 0;
                for (int i = 0; i < f.components(); i++) {
                    double[] diff = new double[f.dimension()];
                    f.addComponentDifference(i, u, v, 1.0, diff);
                    double s = 0;
                    for (double x : diff) {
                        s += x * x;
                    }
                    mean += s / f.components();
                }
                double d2 = 0;
                for (int j = 0; j < u.length; j++) {
                    d2 += (u[j] - v[j]) * (u[j] - v[j]);
                }
                double l = p.lipschitzOnAverage();
                assertTrue(mean <= l * l * d2 * (1 + 1e-12), p + ": " + mean + " > " + l * l * d2);
            }
        }
    }

    @Test
    void presetsTakeTheDocumentedSteps() {
        PolicemanBurglar pb = PolicemanBurglar.generate(40, 2);
        VarianceReducedHalpern paper = (VarianceReducedHalpern) pb.method(MethodName.ALG1, Preset.PAPER);
        assertEquals(5 / pb.frobeniusNorm(), paper.eta(), 1e-15);
        VarianceReducedHalpern theory = (VarianceReducedHalpern) pb.method(MethodName.ALG1, Preset.THEORY);
        assertEquals(1 / pb.problem().lipschitzOnAverage(), theory.eta(), 1e-15);
        assertEquals(0.3, ((VarianceReducedHalpern) QuadraticMinMax.generate(20).method(MethodName.ALG1, Preset.PAPER)).eta());
        assertTrue(pb.method(MethodName.EG, Preset.PAPER).name().contains("eta=" + (float) (5 / pb.spectralNorm())));
        assertTrue(pb.method(MethodName.HALPERN, Preset.PAPER).name()
                .equals(pb.method(MethodName.HALPERN, Preset.THEORY).name()), "no script value: theory");
        InexactHalpern alg2 = (InexactHalpern) pb.method(MethodName.ALG2, Preset.PAPER);
        assertEquals(1, alg2.innerSteps(0), "floor(2 ln 2) = 1");
        assertEquals(4, alg2.innerSteps(10), "floor(2 ln 12) = 4");
        InexactHalpern paperSize = (InexactHalpern) PolicemanBurglar.generate(500, 1).method(MethodName.ALG2, Preset.PAPER);
        assertEquals(17, paperSize.innerSteps(0), "floor(25 ln 2): the script's M_0 at n = 500");
    }
}
