package org.saddlepoint.solvers.neural;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;

import org.junit.jupiter.api.Test;
import org.saddlepoint.solvers.InvalidInputException;
import org.saddlepoint.solvers.mip.MipBackend;
import org.saddlepoint.solvers.mip.MipSolve;

class PiecewiseLinearPathTest {
    private static double[] point(SplittableRandom rng, int d) {
        double[] p = new double[d];
        for (int j = 0; j < d; j++) {
            p[j] = rng.nextDouble(-1, 1);
        }
        return p;
    }

    private static double[] along(double[] from, double[] to, double t) {
        double[] p = new double[from.length];
        for (int j = 0; j < p.length; j++) {
            p[j] = from[j] + t * (to[j] - from[j]);
        }
        return p;
    }

    /** Interpolating the stored breakpoints equals the forward pass everywhere on the segment. */
    @Test
    void interpolationEqualsTheForwardPass() {
        SplittableRandom rng = new SplittableRandom(11);
        for (int trial = 0; trial < 20; trial++) {
            ReluNetwork net = ReluNetwork.initialise(new int[] {5, 24, 3}, true, rng);
            double[] from = point(rng, 5);
            double[] to = point(rng, 5);
            PiecewiseLinearPath path = PiecewiseLinearPath.of(net, from, to);
            for (int s = 0; s <= 200; s++) {
                double t = s / 200.0;
                double[] expected = net.forward(along(from, to, t));
                double[] got = path.at(t);
                for (int u = 0; u < 3; u++) {
                    assertEquals(expected[u], got[u], 1e-9);
                }
            }
        }
        assertThrows(InvalidInputException.class, () -> PiecewiseLinearPath.of(
                ReluNetwork.initialise(new int[] {2, 3, 3, 1}, true, rng), new double[2], new double[2]));
    }

    /** The incremental formulation with t fixed gives the forward pass's output (1e-6) through the pieces. */
    @Test
    void incrementalFormulationEqualsTheForwardPass() {
        SplittableRandom rng = new SplittableRandom(12);
        for (int trial = 0; trial < 10; trial++) {
            ReluNetwork net = ReluNetwork.initialise(new int[] {4, 16, 2}, true, rng);
            double[] from = point(rng, 4);
            double[] to = point(rng, 4);
            PiecewiseLinearPath path = PiecewiseLinearPath.of(net, from, to);
            double t = rng.nextDouble();
            MPSolver mip = MipBackend.CBC.newSolver();
            MPVariable position = mip.makeNumVar(t, t, "t");
            MPVariable[] d = path.embed(mip, position, "p");
            MPVariable out = mip.makeNumVar(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, "out");
            MPConstraint row = mip.makeConstraint(path.start()[0], path.start()[0]);
            row.setCoefficient(out, 1);
            for (int k = 0; k < d.length; k++) {
                row.setCoefficient(d[k], -path.slope(k, 0));
            }
            mip.objective().setCoefficient(out, trial % 2 == 0 ? 1 : -1);
            assertTrue(MipSolve.optimal(mip, 30, "test"));
            assertEquals(net.forward(along(from, to, t))[0], out.solutionValue(), 1e-6);
            mip.delete();
        }
    }

    /**
     * The budgeted gain bounds sum_i w^T (f_i(t_i) - f_i(0)) for every sampled t with sum t_i &lt;= budget
     * (valid big-M), and on a single path with budget 1 it equals the maximum over a fine grid up to the
     * grid's resolution (the concave majorant's maximum is the function's maximum).
     */
    @Test
    void budgetedGainIsAValidBound() {
        SplittableRandom rng = new SplittableRandom(13);
        ReluNetwork net = ReluNetwork.initialise(new int[] {3, 16, 4}, false, rng);
        List<PiecewiseLinearPath> paths = new ArrayList<>();
        List<double[]> ends = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            double[] from = point(rng, 3);
            double[] to = point(rng, 3);
            paths.add(PiecewiseLinearPath.of(net, from, to));
            ends.add(from);
            ends.add(to);
        }
        double[] w = {0.5, -1, 2, 0.3};
        double budget = 1.5;
        double bound = PiecewiseLinearPath.budgetedGain(paths, w, budget);
        for (int s = 0; s < 5000; s++) {
            double[] t = new double[paths.size()];
            double total = rng.nextDouble(0, budget);
            double sum = 0;
            for (int i = 0; i < t.length; i++) {
                t[i] = rng.nextDouble();
                sum += t[i];
            }
            double gain = 0;
            for (int i = 0; i < t.length; i++) {
                t[i] = Math.min(1, t[i] * total / sum);
                gain += dot(w, net.forward(along(ends.get(2 * i), ends.get(2 * i + 1), t[i])))
                        - dot(w, net.forward(ends.get(2 * i)));
            }
            assertTrue(gain <= bound + 1e-9, gain + " > " + bound);
        }
        PiecewiseLinearPath one = paths.get(0);
        double best = 0;
        for (int s = 0; s <= 10000; s++) {
            best = Math.max(best, dot(w, one.at(s / 10000.0)) - dot(w, one.start()));
        }
        assertEquals(best, PiecewiseLinearPath.budgetedGain(List.of(one), w, 1), 1e-3 * (1 + best));
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
