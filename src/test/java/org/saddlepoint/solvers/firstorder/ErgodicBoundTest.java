package org.saddlepoint.solvers.firstorder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.saddlepoint.solvers.iteration.IterationListener;
import org.saddlepoint.solvers.iteration.SolverResult;
import org.saddlepoint.solvers.iteration.StoppingRule;
import org.saddlepoint.solvers.operators.BilinearSaddleProblem;
import org.saddlepoint.solvers.operators.GameFixtures;
import org.saddlepoint.solvers.operators.Geometry;

/**
 * The ergodic guarantee of extragradient / mirror-prox (Nemirovski 2004; spec 6.1): with
 * eta = 1/L the average of the half-iterates after K iterations has
 * Gap <= max_{u in C} D(u, u_0) / (eta K).
 * Entropic: L = max|A_ij|, D = KL, max D(u, uniform) = Theta = ln m + ln n; the spec's test bound
 * is 2 Theta L / K, and the theorem itself gives Theta L / K (both are asserted). From a general
 * interior start max D(u, u0) = -ln min x0 - ln min y0.
 * Euclidean: L = ||A||_2 (EJML), D = ||u - u0||^2 / 2, max over the product of simplices
 * = (||x0||^2 + 1 - 2 min x0 + ||y0||^2 + 1 - 2 min y0)/2, at most diameter^2/2 = 2.
 */
class ErgodicBoundTest {

    static final int[] HORIZONS = {1, 2, 3, 5, 10, 40, 200};

    static SolverResult run(VariationalInequalitySolver s, BilinearSaddleProblem p, double[] start, int k) {
        StoppingRule rule = StoppingRule.DEFAULT.withTolerance(0).withMaxIterations(k).withCheckInterval(k);
        return s.solve(p.asVariationalInequality(), start, rule, IterationListener.NONE);
    }

    @Property(tries = 40)
    void entropicMirrorProxFromUniform(@ForAll @IntRange(min = 1, max = 9) int m, @ForAll @IntRange(min = 2, max = 9) int n,
                                       @ForAll long seed) {
        double[][] a = GameFixtures.gaussianMatrix(seed, m, n);
        BilinearSaddleProblem p = GameFixtures.game(a);
        double l = GameFixtures.maxAbs(a);
        double theta = Math.log(m) + Math.log(n);
        Extragradient mp = new Extragradient(Geometry.ENTROPIC, 1 / l);
        for (int k : HORIZONS) {
            SolverResult r = run(mp, p, p.domain().center(), k);
            if (r.iterations() < k) {
                continue; // converged exactly (gap 0) earlier
            }
            double[] avg = r.averageIterate();
            double gap = GameFixtures.bruteForceGap(a, GameFixtures.slice(avg, 0, m), GameFixtures.slice(avg, m, m + n));
            assertTrue(gap <= 2 * theta * l / k, "spec bound: gap " + gap + " at K=" + k);
            assertTrue(gap <= theta * l / k * (1 + 1e-9) + 1e-13, "Nemirovski bound: gap " + gap + " at K=" + k);
        }
    }

    @Property(tries = 40)
    void entropicMirrorProxFromAnInteriorStart(@ForAll @IntRange(min = 2, max = 7) int m,
                                               @ForAll @IntRange(min = 2, max = 7) int n, @ForAll long seed) {
        double[][] a = GameFixtures.randomMatrix(seed, m, n);
        BilinearSaddleProblem p = GameFixtures.game(a);
        Random r = new Random(seed);
        double[] x0 = GameFixtures.randomSimplexPoint(r, m);
        double[] y0 = GameFixtures.randomSimplexPoint(r, n);
        double radius = -Math.log(min(x0)) - Math.log(min(y0));
        double l = GameFixtures.maxAbs(a);
        Extragradient mp = new Extragradient(Geometry.ENTROPIC, 1 / l);
        for (int k : HORIZONS) {
            SolverResult res = run(mp, p, GameFixtures.concat(x0, y0), k);
            double[] avg = res.averageIterate();
            double gap = GameFixtures.bruteForceGap(a, GameFixtures.slice(avg, 0, m), GameFixtures.slice(avg, m, m + n));
            assertTrue(gap <= radius * l / k * (1 + 1e-9) + 1e-13, "gap " + gap + " at K=" + k);
        }
    }

    @Property(tries = 40)
    void euclideanExtragradient(@ForAll @IntRange(min = 1, max = 9) int m, @ForAll @IntRange(min = 2, max = 9) int n,
                                @ForAll boolean fromCenter, @ForAll long seed) {
        double[][] a = GameFixtures.gaussianMatrix(seed, m, n);
        BilinearSaddleProblem p = GameFixtures.game(a);
        double l = GameFixtures.spectralNormEjml(a);
        Random r = new Random(seed);
        double[] x0 = fromCenter ? GameFixtures.slice(p.domain().center(), 0, m) : GameFixtures.randomSimplexPoint(r, m);
        double[] y0 = fromCenter ? GameFixtures.slice(p.domain().center(), m, m + n) : GameFixtures.randomSimplexPoint(r, n);
        double maxDist2 = dot(x0, x0) + 1 - 2 * min(x0) + dot(y0, y0) + 1 - 2 * min(y0);
        assertTrue(maxDist2 <= 4 + 1e-12, "at most the squared diameter of the product");
        double eta = 1 / l;
        Extragradient eg = new Extragradient(Geometry.EUCLIDEAN, eta);
        for (int k : HORIZONS) {
            SolverResult res = run(eg, p, GameFixtures.concat(x0, y0), k);
            if (res.iterations() < k) {
                continue;
            }
            double[] avg = res.averageIterate();
            double gap = GameFixtures.bruteForceGap(a, GameFixtures.slice(avg, 0, m), GameFixtures.slice(avg, m, m + n));
            assertTrue(gap <= maxDist2 / (2 * eta * k) * (1 + 1e-9) + 1e-13, "gap " + gap + " at K=" + k);
            assertTrue(gap <= 4 / (2 * eta * k) * (1 + 1e-9) + 1e-13, "diameter bound, gap " + gap + " at K=" + k);
        }
    }

    /** The average reported is the average of the half-iterates: after one iteration it is u_{1/2}. */
    @org.junit.jupiter.api.Test
    void averageAfterOneIterationIsTheFirstHalfStep() {
        double[][] a = {{2, -1, 0}, {-1, 1, 3}};
        BilinearSaddleProblem p = GameFixtures.game(a);
        double[] u0 = p.domain().center();
        double eta = 0.3;
        double[] f = new double[5];
        p.operator().apply(u0, f);
        double[] half = new double[5];
        for (int i = 0; i < 5; i++) {
            half[i] = u0[i] - eta * f[i];
        }
        p.domain().project(half);
        SolverResult r = run(new Extragradient(Geometry.EUCLIDEAN, eta), p, u0, 1);
        org.junit.jupiter.api.Assertions.assertArrayEquals(half, r.averageIterate(), 1e-15);
        // and the last iterate is u_1 = Proj(u0 - eta F(u_{1/2}))
        double[] fh = new double[5];
        p.operator().apply(half, fh);
        double[] u1 = new double[5];
        for (int i = 0; i < 5; i++) {
            u1[i] = u0[i] - eta * fh[i];
        }
        p.domain().project(u1);
        org.junit.jupiter.api.Assertions.assertArrayEquals(u1, r.lastIterate(), 1e-15);
        assertEquals(1, r.iterations());
    }

    static double min(double[] v) {
        double m = Double.POSITIVE_INFINITY;
        for (double x : v) {
            m = Math.min(m, x);
        }
        return m;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
