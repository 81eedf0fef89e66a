package org.saddlepoint.solvers.projection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** BoxProjection against the per-coordinate KKT conditions and known cases. */
class BoxProjectionTest {

    @Property(tries = 300)
    void isTheEuclideanProjection(@ForAll @Size(min = 1, max = 30) List<@DoubleRange(min = -100, max = 100) Double> list,
                                  @ForAll @DoubleRange(min = -20, max = 20) double a,
                                  @ForAll @DoubleRange(min = 0, max = 40) double width) {
        double lower = a;
        double upper = a + width;
        double[] v = list.stream().mapToDouble(Double::doubleValue).toArray();
        double[] p = v.clone();
        BoxProjection.project(p, 0, p.length, lower, upper);
        for (int i = 0; i < v.length; i++) {
            assertTrue(p[i] >= lower && p[i] <= upper);
            // (v_i - p_i)(q - p_i) <= 0 for q in {lower, upper} (hence for all q of the interval)
            assertTrue((v[i] - p[i]) * (lower - p[i]) <= 0);
            assertTrue((v[i] - p[i]) * (upper - p[i]) <= 0);
            if (v[i] >= lower && v[i] <= upper) {
                assertEquals(v[i], p[i], 0.0);
            }
        }
        double[] pp = p.clone();
        BoxProjection.project(pp, 0, pp.length, lower, upper);
        assertArrayEquals(p, pp, 0.0);
    }

    @Test
    void knownCasesAndSlice() {
        double[] v = {-3, 0.5, 7, 2, -9};
        BoxProjection.project(v, 1, 3, 0, 1);
        assertArrayEquals(new double[] {-3, 0.5, 1, 1, -9}, v, 0.0);
        double[] w = {-3, 5};
        BoxProjection.project(w, 0, 2, 2, 2);
        assertArrayEquals(new double[] {2, 2}, w, 0.0);
    }

    @Test
    void infiniteBounds() {
        double[] v = {-1e300, 3, 1e300};
        BoxProjection.project(v, 0, 3, 0, Double.POSITIVE_INFINITY);
        assertArrayEquals(new double[] {0, 3, 1e300}, v, 0.0);
        double[] w = {-1e300, 3, 1e300};
        BoxProjection.project(w, 0, 3, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
        assertArrayEquals(new double[] {-1e300, 3, 1e300}, w, 0.0);
    }
}
