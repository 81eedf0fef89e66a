package org.saddlepoint.solvers.projection;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * SimplexProjection against an independent reference (bisection on the threshold theta of
 * sum_i max(v_i - theta, 0) = radius) and against the KKT characterisation of the projection:
 * p on the simplex and (v - p).(q - p) <= 0 for every q of the simplex (enough: every vertex).
 */
class SimplexProjectionTest {

    /** Reference: theta by bisection; p_i = max(v_i - theta, 0). */
    static double[] bisectionReference(double[] v, double radius) {
        double lo = Arrays.stream(v).min().orElseThrow() - radius / v.length;
        double hi = Arrays.stream(v).max().orElseThrow();
        for (int it = 0; it < 2000 && lo < hi; it++) {
            double mid = 0.5 * (lo + hi);
            if (mid <= lo || mid >= hi) {
                break;
            }
            double s = 0;
            for (double x : v) {
                s += Math.max(x - mid, 0);
            }
            if (s > radius) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double theta = 0.5 * (lo + hi);
        double[] p = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            p[i] = Math.max(v[i] - theta, 0);
        }
        return p;
    }

    static double[] project(double[] v, double radius) {
        double[] p = v.clone();
        SimplexProjection.project(p, 0, p.length, radius);
        return p;
    }

    static double[] toArray(List<Double> list) {
        return list.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Asserts p in radius * simplex and the variational inequality (v - p).(q - p) <= tol for all vertices q. */
    static void assertIsProjection(double[] v, double[] p, double radius, double scale) {
        double sum = 0;
        for (double x : p) {
            assertTrue(x >= 0, () -> "negative entry in " + Arrays.toString(p));
            sum += x;
        }
        assertEquals(radius, sum, 1e-12 * Math.max(radius, scale) * p.length, "sum of " + Arrays.toString(p));
        for (int j = 0; j < v.length; j++) {
            double s = 0;
            for (int i = 0; i < v.length; i++) {
                double q = i == j ? radius : 0;
                s += (v[i] - p[i]) * (q - p[i]);
            }
            double tol = 1e-12 * Math.max(1, scale) * Math.max(1, radius) * v.length;
            assertTrue(s <= tol, "KKT violated at vertex " + j + ": " + s + " for v=" + Arrays.toString(v));
        }
    }

    static double scaleOf(double[] v) {
        return Arrays.stream(v).map(Math::abs).max().orElse(1);
    }

    @Property(tries = 400)
    void matchesBisectionReference(@ForAll @Size(min = 1, max = 40) List<@DoubleRange(min = -50, max = 50) Double> list,
                                   @ForAll @DoubleRange(min = 0.01, max = 100) double radius) {
        double[] v = toArray(list);
        double[] p = project(v, radius);
        double[] ref = bisectionReference(v, radius);
        double tol = 1e-10 * Math.max(scaleOf(v), radius);
        assertArrayEquals(ref, p, tol, () -> "v=" + Arrays.toString(v) + " r=" + radius);
    }

    @Property(tries = 400)
    void satisfiesKktConditions(@ForAll @Size(min = 1, max = 40) List<@DoubleRange(min = -1e3, max = 1e3) Double> list,
                                @ForAll @DoubleRange(min = 1e-3, max = 1e3) @net.jqwik.api.constraints.Scale(6) double radius) {
        double[] v = toArray(list);
        double[] p = project(v, radius);
        assertIsProjection(v, p, radius, scaleOf(v));
    }

    @Property(tries = 300)
    void isIdempotent(@ForAll @Size(min = 1, max = 30) List<@DoubleRange(min = -10, max = 10) Double> list) {
        double[] p = project(toArray(list), 1.0);
        double[] pp = project(p, 1.0);
        assertArrayEquals(p, pp, 1e-15);
    }

    @Property(tries = 300)
    void scalesWithRadius(@ForAll @Size(min = 1, max = 30) List<@DoubleRange(min = -10, max = 10) Double> list,
                          @ForAll @DoubleRange(min = 0.1, max = 10) double radius) {
        // Proj_{r Delta}(v) = r Proj_{Delta}(v / r)
        double[] v = toArray(list);
        double[] scaled = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            scaled[i] = v[i] / radius;
        }
        double[] p = project(v, radius);
        double[] q = project(scaled, 1.0);
        for (int i = 0; i < v.length; i++) {
            assertEquals(radius * q[i], p[i], 1e-12 * Math.max(1, radius) * 10);
        }
    }

    @Property(tries = 300)
    void isTranslationInvariant(@ForAll @Size(min = 1, max = 30) List<@DoubleRange(min = -10, max = 10) Double> list,
                                @ForAll @DoubleRange(min = -100, max = 100) double shift) {
        double[] v = toArray(list);
        double[] shifted = Arrays.stream(v).map(x -> x + shift).toArray();
        assertArrayEquals(project(v, 1.0), project(shifted, 1.0), 1e-12);
    }

    @Property(tries = 200)
    void pointsOfTheSimplexAreFixed(@ForAll("simplexPoints") double[] q) {
        assertArrayEquals(q, project(q, 1.0), 1e-15);
    }

    @Provide
    Arbitrary<double[]> simplexPoints() {
        return Arbitraries.doubles().between(0, 1).list().ofMinSize(1).ofMaxSize(20)
                .filter(l -> l.stream().mapToDouble(Double::doubleValue).sum() > 0)
                .map(l -> {
                    double[] a = toArray(l);
                    double s = Arrays.stream(a).sum();
                    return Arrays.stream(a).map(x -> x / s).toArray();
                });
    }

    @Test
    void lengthOneIsAlwaysTheRadius() {
        for (double v : new double[] {-1e6, -3, 0, 0.25, 1, 7, 1e6}) {
            for (double r : new double[] {0.5, 1, 3}) {
                double[] p = {v};
                SimplexProjection.project(p, 0, 1, r);
                assertEquals(r, p[0], 1e-15 * Math.max(1, Math.abs(v)), "v=" + v + " r=" + r);
            }
        }
    }

    @Test
    void ties() {
        assertArrayEquals(new double[] {1.0 / 3, 1.0 / 3, 1.0 / 3}, project(new double[] {5, 5, 5}, 1), 1e-15);
        assertArrayEquals(new double[] {0.5, 0.5, 0}, project(new double[] {2, 2, 0}, 1), 1e-15);
        assertArrayEquals(new double[] {0.5, 0.5, 0, 0}, project(new double[] {-1, -1, -7, -7}, 1), 1e-15);
        assertArrayEquals(new double[] {0.25, 0.25, 0.25, 0.25}, project(new double[] {0, 0, 0, 0}, 1), 1e-15);
        // a tie exactly at the threshold: theta = 1, the third entry sits on the boundary
        assertArrayEquals(new double[] {1, 1, 0}, project(new double[] {2, 2, 1}, 2), 1e-15);
    }

    @Test
    void knownSmallCases() {
        assertArrayEquals(new double[] {1, 0}, project(new double[] {3, 1}, 1), 1e-15);
        assertArrayEquals(new double[] {0.75, 0.25}, project(new double[] {1, 0.5}, 1), 1e-15);
        assertArrayEquals(new double[] {0.6, 0.3, 0.1}, project(new double[] {0.6, 0.3, 0.1}, 1), 1e-15);
        assertArrayEquals(new double[] {2.5, 0.5}, project(new double[] {3, 1}, 3), 1e-15);
    }

    @Test
    void projectsOnlyTheRequestedSlice() {
        double[] v = {9, 3, 1, -2, 9};
        SimplexProjection.project(v, 1, 3, 1.0);
        assertArrayEquals(new double[] {9, 1, 0, 0, 9}, v, 1e-15);
        double[] w = {0.5, 0.5, 7};
        SimplexProjection.project(w);
        assertArrayEquals(new double[] {0, 0, 1}, w, 1e-15);
    }

    @Test
    void tinyValues() {
        double[] v = {1e-300, 2e-300, 0};
        assertArrayEquals(new double[] {1.0 / 3, 1.0 / 3, 1.0 / 3}, project(v, 1), 1e-15);
        double[] w = {-1e-300, 4e-310, Double.MIN_VALUE};
        assertIsProjection(w, project(w, 1), 1, 1);
    }

    /**
     * Entries of magnitude beyond 2^53 * radius, or a radius far below ulp(max v): the exact
     * projection is well defined (a vertex, or the uniform point for equal entries), and the
     * output must lie on the simplex.
     */
    @Test
    void hugeValuesAndTinyRadiusStayOnTheSimplex() {
        assertAll(
                () -> assertArrayEquals(new double[] {1, 0}, project(new double[] {1e17, 0}, 1), 1e-12, "(1e17, 0)"),
                () -> assertArrayEquals(new double[] {0.5, 0.5}, project(new double[] {1e308, 1e308}, 1), 1e-12,
                        "(1e308, 1e308)"),
                () -> assertArrayEquals(new double[] {0, 1}, project(new double[] {-1e300, 1e300}, 1), 1e-12,
                        "(-1e300, 1e300)"),
                () -> assertArrayEquals(new double[] {1, 0}, project(new double[] {-1e17, -1e17 - 1024}, 1), 1e-12,
                        "(-1e17, -1e17-1024)"),
                () -> assertArrayEquals(new double[] {1e-20, 0}, project(new double[] {1, 0.5}, 1e-20), 1e-32,
                        "radius 1e-20"));
    }

    /** Same as above as a property: any finite input, at any scale, lands on the simplex. */
    @Property(tries = 300)
    void anyFiniteInputLandsOnTheSimplex(@ForAll @Size(min = 1, max = 10) List<@DoubleRange(min = -1, max = 1) Double> list,
                                         @ForAll @net.jqwik.api.constraints.IntRange(min = -300, max = 300) int exponent) {
        double scale = Math.pow(10, exponent);
        double[] v = toArray(list);
        for (int i = 0; i < v.length; i++) {
            v[i] *= scale;
        }
        double[] p = project(v, 1.0);
        double sum = 0;
        for (double x : p) {
            assertTrue(x >= 0 && Double.isFinite(x), Arrays.toString(p));
            sum += x;
        }
        assertEquals(1.0, sum, 1e-12 * v.length, () -> "v=" + Arrays.toString(v) + " -> " + Arrays.toString(p));
    }
}
