package org.saddlepoint.solvers.operators;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.saddlepoint.solvers.operators.GameFixtures.bilinear;
import static org.saddlepoint.solvers.operators.GameFixtures.bruteForceGap;
import static org.saddlepoint.solvers.operators.GameFixtures.concat;
import static org.saddlepoint.solvers.operators.GameFixtures.randomSimplexPoint;

import java.util.Random;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.saddlepoint.solvers.InvalidInputException;
import org.saddlepoint.solvers.linalg.DenseMatrix;

/**
 * BilinearSaddleProblem (max_x min_y x^T K y): its duality gap against brute force over
 * vertices, its zero set against closed-form and support-enumeration equilibria, monotonicity of
 * its operator, and both conventions of spec 6.4.
 */
class BilinearSaddleProblemTest {

    @Test
    void matchingPenniesGapIsZeroExactlyAtTheEquilibrium() {
        BilinearSaddleProblem p = GameFixtures.game(GameFixtures.MATCHING_PENNIES);
        assertEquals(0, p.gap(new double[] {0.5, 0.5}, new double[] {0.5, 0.5}), 0.0);
        // elsewhere: gap = |2 x1 - 1| + |2 y1 - 1| for matching pennies (closed form)
        Random r = new Random(1);
        for (int t = 0; t < 200; t++) {
            double x1 = r.nextDouble();
            double y1 = r.nextDouble();
            double expected = Math.abs(2 * x1 - 1) + Math.abs(2 * y1 - 1);
            assertEquals(expected, p.gap(new double[] {x1, 1 - x1}, new double[] {y1, 1 - y1}), 1e-14);
        }
        assertEquals(0, p.value(new double[] {0.5, 0.5}, new double[] {0.3, 0.7}), 1e-15);
    }

    @Test
    void rockPaperScissorsGapIsZeroAtUniformAndPositiveElsewhere() {
        BilinearSaddleProblem p = GameFixtures.game(GameFixtures.ROCK_PAPER_SCISSORS);
        double[] u = {1.0 / 3, 1.0 / 3, 1.0 / 3};
        assertEquals(0, p.gap(u, u), 1e-15);
        Random r = new Random(2);
        for (int t = 0; t < 200; t++) {
            double[] x = randomSimplexPoint(r, 3);
            double[] y = randomSimplexPoint(r, 3);
            double g = p.gap(x, y);
            assertTrue(g > 0);
            assertEquals(bruteForceGap(GameFixtures.ROCK_PAPER_SCISSORS, x, y), g, 1e-14);
        }
    }

    @Property(tries = 200)
    void gapMatchesBruteForceAndWeakDuality(@ForAll @IntRange(min = 1, max = 12) int m,
                                            @ForAll @IntRange(min = 1, max = 12) int n,
                                            @ForAll long seed) {
        double[][] a = GameFixtures.randomMatrix(seed, m, n);
        BilinearSaddleProblem p = GameFixtures.game(a);
        Random r = new Random(seed + 1);
        double[] x = randomSimplexPoint(r, m);
        double[] y = randomSimplexPoint(r, n);
        double direct = bruteForceGap(a, x, y);
        assertTrue(direct >= -1e-14);
        double gap = p.gap(x, y);
        assertEquals(Math.max(0, direct), gap, 1e-13);
        assertEquals(gap, p.gap(concat(x, y)), 0.0);
        assertEquals(gap, p.gapCertificate().evaluate(concat(x, y)), 0.0);
        // weak duality: x'^T A y - x^T A y' <= gap for any feasible x', y'
        for (int t = 0; t < 10; t++) {
            double[] x2 = randomSimplexPoint(r, m);
            double[] y2 = randomSimplexPoint(r, n);
            assertTrue(bilinear(a, x2, y) - bilinear(a, x, y2) <= gap + 1e-13);
        }
        assertEquals(bilinear(a, x, y), p.value(x, y), 1e-13);
    }

    @Property(tries = 200)
    void operatorIsTheSkewMapAndMonotone(@ForAll @IntRange(min = 1, max = 10) int m,
                                         @ForAll @IntRange(min = 1, max = 10) int n,
                                         @ForAll long seed) {
        double[][] a = GameFixtures.gaussianMatrix(seed, m, n);
        BilinearSaddleProblem p = GameFixtures.game(a);
        MonotoneOperator f = p.operator();
        assertEquals(m + n, f.dimension());
        Random r = new Random(seed);
        double[] u = new double[m + n];
        double[] v = new double[m + n];
        for (int i = 0; i < m + n; i++) {
            u[i] = 10 * r.nextGaussian();
            v[i] = 10 * r.nextGaussian();
        }
        double[] fu = new double[m + n];
        double[] fv = new double[m + n];
        f.apply(u, fu);
        f.apply(v, fv);
        // F(x, y) = (-A y, A^T x), naive
        double[] ay = GameFixtures.times(a, GameFixtures.slice(u, m, m + n));
        double[] atx = GameFixtures.timesTranspose(a, GameFixtures.slice(u, 0, m));
        for (int i = 0; i < m; i++) {
            assertEquals(-ay[i], fu[i], 1e-12);
        }
        for (int j = 0; j < n; j++) {
            assertEquals(atx[j], fu[m + j], 1e-12);
        }
        double s = 0;
        double scale = 0;
        for (int i = 0; i < m + n; i++) {
            s += (fu[i] - fv[i]) * (u[i] - v[i]);
            scale += Math.abs((fu[i] - fv[i]) * (u[i] - v[i]));
        }
        assertTrue(s >= -1e-9, "monotone");
        assertEquals(0, s, 1e-13 * Math.max(1, scale), "skew-symmetric: (F(u)-F(v)).(u-v) = 0");
    }

    /**
     * Spec 6.4, convention 1: min_{x in Delta_n} max_{y in Delta_m} y^T A x with
     * Gap = max_i (A x)_i - min_j (A^T y)_j. The maximiser y picks rows of A, so this is the
     * library's game on A with the stacking (y, x); written with x first it is the library's game
     * on -A^T (max_x min_y x^T (-A^T) y = -min_x max_y y^T A x).
     * Convention 2: max_{x in Delta_m} min_{y in Delta_n} x^T A y, Gap = max_i (A y)_i - min_j (A^T x)_j:
     * the library's own.
     */
    @Property(tries = 150)
    void bothConventionsOfSpec64(@ForAll @IntRange(min = 1, max = 7) int m, @ForAll @IntRange(min = 1, max = 7) int n,
                                 @ForAll long seed) {
        double[][] a = GameFixtures.randomMatrix(seed, m, n);
        Random r = new Random(~seed);
        // convention 1: x in Delta_n (minimiser), y in Delta_m (maximiser)
        double[] x = randomSimplexPoint(r, n);
        double[] y = randomSimplexPoint(r, m);
        double spec1 = max(GameFixtures.times(a, x)) - min(GameFixtures.timesTranspose(a, y));
        assertEquals(Math.max(0, spec1), GameFixtures.game(a).gap(y, x), 1e-13);
        BilinearSaddleProblem transposed = GameFixtures.game(GameFixtures.negate(GameFixtures.transpose(a)));
        assertEquals(Math.max(0, spec1), transposed.gap(x, y), 1e-13);
        // convention 2: x in Delta_m (maximiser), y in Delta_n (minimiser)
        double[] x2 = randomSimplexPoint(r, m);
        double[] y2 = randomSimplexPoint(r, n);
        double spec2 = max(GameFixtures.times(a, y2)) - min(GameFixtures.timesTranspose(a, x2));
        assertEquals(Math.max(0, spec2), GameFixtures.game(a).gap(x2, y2), 1e-13);
    }

    @Test
    void bothConventionsOnMatchingPennies() {
        double[][] a = GameFixtures.MATCHING_PENNIES;
        double[] h = {0.5, 0.5};
        assertEquals(0, GameFixtures.game(a).gap(h, h), 0.0);
        assertEquals(0, GameFixtures.game(GameFixtures.negate(GameFixtures.transpose(a))).gap(h, h), 0.0);
        // the row player of [[1,-1],[-1,1]] is the matcher: x = (1, 0) against y = (1, 0) wins 1
        assertEquals(1, GameFixtures.game(a).value(new double[] {1, 0}, new double[] {1, 0}), 0.0);
        // at x = (0.9, 0.1), y = (0.5, 0.5): convention 2 gap = max(Ay) - min(A^T x) = 0 - (-0.8) = 0.8
        assertEquals(0.8, GameFixtures.game(a).gap(new double[] {0.9, 0.1}, h), 1e-15);
    }

    @Property(tries = 60)
    void gapVanishesAtSupportEnumerationEquilibriaInBothConventions(@ForAll @IntRange(min = 1, max = 4) int m,
                                                                      @ForAll @IntRange(min = 1, max = 4) int n,
                                                                      @ForAll long seed) {
        double[][] a = GameFixtures.randomMatrix(seed, m, n);
        GameFixtures.Equilibrium eq = GameFixtures.supportEnumeration(a);
        assertNotNull(eq, "a random game has an equilibrium with equal-size supports");
        BilinearSaddleProblem p = GameFixtures.game(a);
        assertEquals(0, p.gap(eq.x(), eq.y()), 1e-12);
        assertEquals(eq.value(), p.value(eq.x(), eq.y()), 1e-12);
        // spec convention 1 (min_x max_y y^T A x) names the column player x and the row player y:
        // Gap = max_i (A x)_i - min_j (A^T y)_j at x = eq.y, y = eq.x
        double spec1 = max(GameFixtures.times(a, eq.y())) - min(GameFixtures.timesTranspose(a, eq.x()));
        assertTrue(Math.abs(spec1) <= 1e-12, "spec convention 1 gap " + spec1);
        // the same game written max-first with the column player first: coupling -A^T
        assertEquals(0, GameFixtures.game(GameFixtures.negate(GameFixtures.transpose(a))).gap(eq.y(), eq.x()), 1e-12);
        // NaturalResidual vanishes there too (spec 7.6)
        NaturalResidual res = new NaturalResidual(p.operator(), p.domain(), 1.0);
        assertEquals(0, res.evaluate(eq.stacked()), 1e-10);
    }

    @Test
    void generalBoxDomainsUseTheSupportFunction() {
        double[][] a = {{1, -2, 0.5}, {3, 0, -1}};
        BilinearSaddleProblem p = new BilinearSaddleProblem(DenseMatrix.of(a), Domain.box(2, -1, 2), Domain.box(3, 0, 1));
        Random r = new Random(3);
        for (int t = 0; t < 50; t++) {
            double[] x = {-1 + 3 * r.nextDouble(), -1 + 3 * r.nextDouble()};
            double[] y = {r.nextDouble(), r.nextDouble(), r.nextDouble()};
            double best = Double.NEGATIVE_INFINITY;
            for (int mask = 0; mask < 4; mask++) {
                double[] xv = {(mask & 1) == 1 ? 2 : -1, (mask & 2) == 2 ? 2 : -1};
                best = Math.max(best, bilinear(a, xv, y));
            }
            double worst = Double.POSITIVE_INFINITY;
            for (int mask = 0; mask < 8; mask++) {
                double[] yv = {mask & 1, (mask >> 1) & 1, (mask >> 2) & 1};
                worst = Math.min(worst, bilinear(a, x, yv));
            }
            assertEquals(best - worst, p.gap(x, y), 1e-13);
        }
    }

    @Test
    void stackingAndShape() {
        BilinearSaddleProblem p = GameFixtures.game(GameFixtures.randomMatrix(5, 3, 2));
        double[] u = p.stack(new double[] {1, 2, 3}, new double[] {4, 5});
        assertArrayEquals(new double[] {1, 2, 3, 4, 5}, u, 0.0);
        assertArrayEquals(new double[] {1, 2, 3}, p.maxPart(u), 0.0);
        assertArrayEquals(new double[] {4, 5}, p.minPart(u), 0.0);
        assertEquals(5, p.domain().dimension());
        assertEquals(5, p.asVariationalInequality().dimension());
        assertEquals("duality gap", p.asVariationalInequality().certificate().name());
        assertThrows(InvalidInputException.class,
                () -> new BilinearSaddleProblem(DenseMatrix.of(new double[][] {{1, 2}}), Domain.simplex(2), Domain.simplex(2)));
    }

    static double max(double[] v) {
        double m = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            m = Math.max(m, x);
        }
        return m;
    }

    static double min(double[] v) {
        double m = Double.POSITIVE_INFINITY;
        for (double x : v) {
            m = Math.min(m, x);
        }
        return m;
    }
}
