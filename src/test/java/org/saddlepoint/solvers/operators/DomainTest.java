package org.saddlepoint.solvers.operators;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.saddlepoint.solvers.InvalidInputException;

/** Domain: block-wise projection, support function by brute force over vertices, contains, centre. */
class DomainTest {

    /** simplex(a) x box(b, lo, hi) x simplex(c) x free(d) */
    static Domain mixed(int a, int b, double lo, double hi, int c, int d) {
        return new Domain.Builder().simplex(a).box(b, lo, hi).simplex(c).free(d).build();
    }

    /** Brute force max over the vertices of simplex(n): g.e_j. */
    static double simplexSupport(double[] g, int off, int n) {
        double best = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < n; j++) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += g[off + i] * (i == j ? 1 : 0);
            }
            best = Math.max(best, s);
        }
        return best;
    }

    /** Brute force max over the 2^n vertices of a box. */
    static double boxSupport(double[] g, int off, int n, double lo, double hi) {
        double best = Double.NEGATIVE_INFINITY;
        for (int mask = 0; mask < (1 << n); mask++) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += g[off + i] * (((mask >> i) & 1) == 1 ? hi : lo);
            }
            best = Math.max(best, s);
        }
        return best;
    }

    @Property(tries = 300)
    void supportMatchesBruteForceOverVertices(@ForAll @IntRange(min = 1, max = 6) int a,
                                              @ForAll @IntRange(min = 1, max = 6) int b,
                                              @ForAll @IntRange(min = 1, max = 6) int c,
                                              @ForAll long seed) {
        Random r = new Random(seed);
        double lo = -3 * r.nextDouble();
        double hi = lo + 4 * r.nextDouble();
        Domain dom = new Domain.Builder().simplex(a).box(b, lo, hi).simplex(c).build();
        double[] g = new double[a + b + c];
        for (int i = 0; i < g.length; i++) {
            g[i] = r.nextGaussian();
        }
        double expected = simplexSupport(g, 0, a) + boxSupport(g, a, b, lo, hi) + simplexSupport(g, a + b, c);
        assertEquals(expected, dom.support(g), 1e-12);
        // support >= g.u for feasible u (random projected points)
        for (int t = 0; t < 10; t++) {
            double[] u = new double[g.length];
            for (int i = 0; i < u.length; i++) {
                u[i] = 3 * r.nextGaussian();
            }
            dom.project(u);
            assertTrue(dom.contains(u, 1e-12));
            double gu = 0;
            for (int i = 0; i < u.length; i++) {
                gu += g[i] * u[i];
            }
            assertTrue(gu <= dom.support(g) + 1e-12);
        }
    }

    @Test
    void supportOfFreeAndUnboundedBlocks() {
        Domain free = Domain.free(3);
        assertEquals(0, free.support(new double[] {0, 0, 0}), 0.0);
        assertEquals(Double.POSITIVE_INFINITY, free.support(new double[] {0, -1e-300, 0}));
        Domain halfLine = Domain.box(2, 0, Double.POSITIVE_INFINITY);
        assertEquals(0, halfLine.support(new double[] {-1, -2}), 0.0);
        assertEquals(Double.POSITIVE_INFINITY, halfLine.support(new double[] {-1, 2}));
        Domain lowerOpen = Domain.box(1, Double.NEGATIVE_INFINITY, 5);
        assertEquals(Double.POSITIVE_INFINITY, lowerOpen.support(new double[] {-1}));
        assertEquals(10, lowerOpen.support(new double[] {2}), 0.0);
        assertEquals(0, lowerOpen.support(new double[] {0}), 0.0);
        Domain s = Domain.simplex(3).times(Domain.free(1));
        assertEquals(4, s.support(new double[] {1, 4, -2, 0}), 0.0);
        assertEquals(Double.POSITIVE_INFINITY, s.support(new double[] {1, 4, -2, 1}));
    }

    @Property(tries = 200)
    void projectionActsBlockByBlock(@ForAll long seed) {
        Random r = new Random(seed);
        Domain dom = mixed(3, 2, -1, 1, 4, 2);
        double[] u = new double[dom.dimension()];
        for (int i = 0; i < u.length; i++) {
            u[i] = 5 * r.nextGaussian();
        }
        double[] p = u.clone();
        dom.project(p);
        // independent block references
        double[] s1 = bisectionSimplex(Arrays.copyOfRange(u, 0, 3));
        double[] s2 = bisectionSimplex(Arrays.copyOfRange(u, 5, 9));
        assertArrayEquals(s1, Arrays.copyOfRange(p, 0, 3), 1e-10);
        for (int i = 3; i < 5; i++) {
            assertEquals(Math.max(-1, Math.min(1, u[i])), p[i], 0.0);
        }
        assertArrayEquals(s2, Arrays.copyOfRange(p, 5, 9), 1e-10);
        assertEquals(u[9], p[9], 0.0);
        assertEquals(u[10], p[10], 0.0);
        assertTrue(dom.contains(p, 1e-12));
        double[] pp = p.clone();
        dom.project(pp);
        assertArrayEquals(p, pp, 1e-15);
    }

    static double[] bisectionSimplex(double[] v) {
        double lo = Arrays.stream(v).min().orElseThrow() - 1.0 / v.length;
        double hi = Arrays.stream(v).max().orElseThrow();
        for (int it = 0; it < 200; it++) {
            double mid = 0.5 * (lo + hi);
            double s = 0;
            for (double x : v) {
                s += Math.max(x - mid, 0);
            }
            if (s > 1) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double theta = 0.5 * (lo + hi);
        return Arrays.stream(v).map(x -> Math.max(x - theta, 0)).toArray();
    }

    @Test
    void centre() {
        Domain dom = new Domain.Builder().simplex(4).box(2, -1, 3).box(1, 2, Double.POSITIVE_INFINITY)
                .box(1, Double.NEGATIVE_INFINITY, -3).box(1, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY)
                .free(2).simplex(1).build();
        assertArrayEquals(new double[] {0.25, 0.25, 0.25, 0.25, 1, 1, 2, -3, 0, 0, 0, 1}, dom.center(), 0.0);
        assertTrue(dom.contains(dom.center(), 0));
        assertEquals(12, dom.dimension());
    }

    @Test
    void containsChecksBoundsSumsAndLength() {
        Domain dom = Domain.simplex(3).times(Domain.box(2, 0, 1));
        assertTrue(dom.contains(new double[] {0.2, 0.3, 0.5, 0, 1}, 0));
        assertFalse(dom.contains(new double[] {0.2, 0.3, 0.5, 0}, 1e-9));
        assertFalse(dom.contains(new double[] {0.2, 0.3, 0.6, 0, 1}, 1e-9));
        assertFalse(dom.contains(new double[] {-0.1, 0.6, 0.5, 0, 1}, 1e-9));
        assertFalse(dom.contains(new double[] {0.2, 0.3, 0.5, 0, 1.1}, 1e-9));
        assertFalse(dom.contains(new double[] {0.2, 0.3, 0.5, Double.NaN, 1}, 1e-9));
        assertFalse(Domain.free(2).contains(new double[] {Double.NaN, 1}, 1));
        assertTrue(Domain.free(2).contains(new double[] {-1e300, 1e300}, 0));
        assertTrue(dom.contains(new double[] {0.2, 0.3, 0.5 + 1e-10, -1e-10, 1}, 1e-9));
    }

    @Test
    void productsAndBlocks() {
        Domain p = Domain.simplex(2).times(Domain.box(3, 0, 2)).times(Domain.free(1));
        assertEquals(6, p.dimension());
        assertEquals(3, p.blocks().size());
        assertEquals(new Domain.Block(Domain.Kind.BOX, 2, 3, 0, 2), p.blocks().get(1));
        assertEquals(5, p.blocks().get(2).offset());
        assertFalse(p.isSimplexProduct());
        assertTrue(Domain.simplex(2).times(Domain.simplex(5)).isSimplexProduct());
        assertThrows(UnsupportedOperationException.class, () -> p.blocks().clear());
    }

    @Test
    void invalidDomainsThrow() {
        assertThrows(InvalidInputException.class, () -> Domain.simplex(0));
        assertThrows(InvalidInputException.class, () -> Domain.box(-1, 0, 1));
        assertThrows(InvalidInputException.class, () -> Domain.box(2, 1, 0));
        assertThrows(InvalidInputException.class, () -> Domain.box(2, Double.NaN, 0));
        assertThrows(InvalidInputException.class, () -> Domain.box(2, 0, Double.NaN));
        assertThrows(InvalidInputException.class, () -> Domain.free(0));
        assertThrows(InvalidInputException.class, () -> new Domain.Builder().build());
    }
}
