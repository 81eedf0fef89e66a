package org.saddlepoint.solvers.operators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.saddlepoint.solvers.operators.GameFixtures.randomSimplexPoint;

import java.util.Random;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.saddlepoint.solvers.InvalidInputException;
import org.saddlepoint.solvers.projection.SimplexProjection;

/**
 * NaturalResidual r_eta(u) = ||u - Proj_C(u - eta F(u))|| / eta: a direct formula, zero at
 * equilibria, positive elsewhere, and the residual-to-gap inequality of spec 6.4:
 * Gap(ubar) <= D (1 + eta L_F) r_eta(u) at ubar = Proj(u - eta F(u)), D = 2 on Delta_m x Delta_n.
 */
class NaturalResidualTest {

    /** sqrt(||x - P(x + eta A y)||^2 + ||y - P(y - eta A^T x)||^2) / eta, with naive products. */
    static double direct(double[][] a, double[] x, double[] y, double eta) {
        double[] ay = GameFixtures.times(a, y);
        double[] atx = GameFixtures.timesTranspose(a, x);
        double[] px = new double[x.length];
        double[] py = new double[y.length];
        for (int i = 0; i < x.length; i++) {
            px[i] = x[i] + eta * ay[i];
        }
        for (int j = 0; j < y.length; j++) {
            py[j] = y[j] - eta * atx[j];
        }
        SimplexProjection.project(px);
        SimplexProjection.project(py);
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += (x[i] - px[i]) * (x[i] - px[i]);
        }
        for (int j = 0; j < y.length; j++) {
            s += (y[j] - py[j]) * (y[j] - py[j]);
        }
        return Math.sqrt(s) / eta;
    }

    @Property(tries = 200)
    void matchesDirectFormula(@ForAll @IntRange(min = 1, max = 10) int m, @ForAll @IntRange(min = 1, max = 10) int n,
                              @ForAll @DoubleRange(min = 0.01, max = 10) double eta, @ForAll long seed) {
        double[][] a = GameFixtures.randomMatrix(seed, m, n);
        BilinearSaddleProblem p = GameFixtures.game(a);
        Random r = new Random(seed);
        double[] x = randomSimplexPoint(r, m);
        double[] y = randomSimplexPoint(r, n);
        NaturalResidual res = new NaturalResidual(p.operator(), p.domain(), eta);
        assertEquals(direct(a, x, y, eta), res.evaluate(GameFixtures.concat(x, y)), 1e-12 / Math.min(1, eta));
        assertTrue(res.name().contains("eta=" + eta), res.name());
    }

    @Test
    void zeroAtKnownEquilibriaPositiveElsewhere() {
        for (double[][] a : new double[][][] {GameFixtures.MATCHING_PENNIES, GameFixtures.ROCK_PAPER_SCISSORS}) {
            BilinearSaddleProblem p = GameFixtures.game(a);
            NaturalResidual res = new NaturalResidual(p.operator(), p.domain(), 1.0);
            assertEquals(0, res.evaluate(p.domain().center()), 1e-15);
            Random r = new Random(a.length);
            for (int t = 0; t < 100; t++) {
                double[] u = GameFixtures.concat(randomSimplexPoint(r, a.length), randomSimplexPoint(r, a.length));
                double gap = p.gap(u);
                assertTrue(gap > 1e-9);
                assertTrue(res.evaluate(u) > 0, "residual must be positive off the equilibrium");
            }
        }
    }

    @Test
    void unconstrainedResidualIsTheOperatorNorm() {
        MonotoneOperator f = new MonotoneOperator() {
            @Override
            public int dimension() {
                return 2;
            }

            @Override
            public void apply(double[] u, double[] out) {
                out[0] = 2 * u[0] + u[1] - 1;
                out[1] = -u[0] + 3 * u[1] + 4;
            }
        };
        NaturalResidual res = new NaturalResidual(f, Domain.free(2), 0.37);
        double[] u = {0.3, -2};
        assertEquals(Math.hypot(2 * 0.3 - 2 - 1, -0.3 - 6 + 4), res.evaluate(u), 1e-14);
        VariationalInequality vi = new VariationalInequality(f, Domain.free(2));
        assertEquals(Math.hypot(2 * 0.3 - 2 - 1, -0.3 - 6 + 4), vi.certificate().evaluate(u), 1e-14);
        assertTrue(vi.certificate().name().contains("eta=1.0"));
    }

    @Test
    void invalidEtaOrDimensionThrows() {
        BilinearSaddleProblem p = GameFixtures.game(GameFixtures.MATCHING_PENNIES);
        for (double eta : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThrows(InvalidInputException.class, () -> new NaturalResidual(p.operator(), p.domain(), eta));
        }
        assertThrows(InvalidInputException.class, () -> new VariationalInequality(p.operator(), Domain.simplex(3)));
    }

    /**
     * Spec 6.4: with ubar = Proj(u - eta F(u)), Gap(ubar) <= 2 (1 + eta ||A||_2) r_eta(u) on
     * random points (of the domain and outside it) of random games.
     */
    @Property(tries = 300)
    void residualBoundsTheGapAtTheProjectedPoint(@ForAll @IntRange(min = 1, max = 12) int m,
                                                 @ForAll @IntRange(min = 1, max = 12) int n,
                                                 @ForAll @DoubleRange(min = 0.01, max = 20) double eta,
                                                 @ForAll boolean feasible, @ForAll long seed) {
        double[][] a = GameFixtures.gaussianMatrix(seed, m, n);
        BilinearSaddleProblem p = GameFixtures.game(a);
        double lf = GameFixtures.spectralNormEjml(a);
        Random r = new Random(seed * 31 + 7);
        double[] u;
        if (feasible) {
            u = GameFixtures.concat(randomSimplexPoint(r, m), randomSimplexPoint(r, n));
        } else {
            u = new double[m + n];
            for (int i = 0; i < u.length; i++) {
                u[i] = r.nextGaussian();
            }
        }
        double[] fu = new double[m + n];
        p.operator().apply(u, fu);
        double[] ubar = new double[m + n];
        for (int i = 0; i < ubar.length; i++) {
            ubar[i] = u[i] - eta * fu[i];
        }
        p.domain().project(ubar);
        double rEta = new NaturalResidual(p.operator(), p.domain(), eta).evaluate(u);
        double gap = GameFixtures.bruteForceGap(a, GameFixtures.slice(ubar, 0, m), GameFixtures.slice(ubar, m, m + n));
        assertTrue(gap <= 2 * (1 + eta * lf) * rEta + 1e-12,
                () -> "gap " + gap + " > bound " + 2 * (1 + eta * lf) * rEta);
    }
}
