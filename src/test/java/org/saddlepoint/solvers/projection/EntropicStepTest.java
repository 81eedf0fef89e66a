package org.saddlepoint.solvers.projection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * EntropicStep: out = argmin_{p in simplex} eta g.p + KL(p || c), whose closed form is
 * p_i = c_i exp(-eta g_i) / Z. Checked against the naive formula where it does not overflow,
 * and against the KKT conditions (log(p_i / c_i) + eta g_i equal for all i) and the prox
 * objective where it does.
 */
class EntropicStepTest {

    static double[] naive(double[] c, double[] g, double eta) {
        double[] p = new double[c.length];
        double z = 0;
        for (int i = 0; i < c.length; i++) {
            p[i] = c[i] * Math.exp(-eta * g[i]);
            z += p[i];
        }
        for (int i = 0; i < c.length; i++) {
            p[i] /= z;
        }
        return p;
    }

    static double[] step(double[] c, double[] g, double eta) {
        double[] out = new double[c.length];
        EntropicStep.step(c, g, eta, out, 0, c.length);
        return out;
    }

    static double[] randomSimplex(Random r, int n) {
        double[] p = new double[n];
        double s = 0;
        for (int i = 0; i < n; i++) {
            p[i] = 0.05 + r.nextDouble();
            s += p[i];
        }
        for (int i = 0; i < n; i++) {
            p[i] /= s;
        }
        return p;
    }

    /** eta g.p + KL(p || c), with 0 log 0 = 0. */
    static double proxObjective(double[] p, double[] c, double[] g, double eta) {
        double s = 0;
        for (int i = 0; i < p.length; i++) {
            s += eta * g[i] * p[i];
            if (p[i] > 0) {
                s += p[i] * Math.log(p[i] / c[i]);
            }
        }
        return s;
    }

    @Property(tries = 300)
    void matchesNaiveFormula(@ForAll @Size(min = 1, max = 25) List<@DoubleRange(min = -5, max = 5) Double> gl,
                             @ForAll @DoubleRange(min = 0.01, max = 10) double eta,
                             @ForAll long seed) {
        double[] g = gl.stream().mapToDouble(Double::doubleValue).toArray();
        double[] c = randomSimplex(new Random(seed), g.length);
        double[] expected = naive(c, g, eta);
        double[] p = step(c, g, eta);
        for (int i = 0; i < g.length; i++) {
            assertEquals(expected[i], p[i], 1e-13 + 1e-12 * expected[i]);
        }
    }

    @Property(tries = 200)
    void largeEtaGStaysFiniteAndSatisfiesKkt(@ForAll @Size(min = 2, max = 20) List<@DoubleRange(min = -30, max = 30) Double> dl,
                                             @ForAll @DoubleRange(min = -1e5, max = 1e5) double offset,
                                             @ForAll @IntRange(min = 0, max = 1) int sign,
                                             @ForAll long seed) {
        // eta g_i = offset + d_i with |offset| up to 1e5: exp(-eta g) over- or underflows in the naive formula
        double eta = 1.0;
        double[] g = dl.stream().mapToDouble(d -> offset + d).toArray();
        double[] c = randomSimplex(new Random(seed), g.length);
        double[] p = step(c, g, eta);
        double sum = 0;
        for (double x : p) {
            assertTrue(Double.isFinite(x) && x >= 0, Arrays.toString(p));
            sum += x;
        }
        assertEquals(1.0, sum, 1e-12 * g.length);
        // KKT: log(p_i / c_i) + eta g_i is the same constant -log Z for all i (all p_i > 0 here: |d| <= 30)
        double ref = Math.log(p[0] / c[0]) + eta * g[0];
        for (int i = 1; i < g.length; i++) {
            double k = Math.log(p[i] / c[i]) + eta * g[i];
            assertEquals(ref, k, 1e-9 * Math.max(1, Math.abs(offset) * 1e-4), "KKT at " + i);
        }
        // the shifted naive formula (mathematically the same) does not overflow. Forming
        // log c_i - eta g_i rounds the exponent by about eps |eta g_i| (a backward error within the
        // rounding of g itself), so p_i is relatively accurate to a few eps (|offset| + 30).
        double[] shifted = Arrays.stream(g).map(x -> x - offset).toArray();
        double[] expected = naive(c, shifted, eta);
        double relTol = 8 * Math.ulp(1.0) * (Math.abs(offset) + 31);
        for (int i = 0; i < g.length; i++) {
            assertEquals(expected[i], p[i], 1e-300 + relTol * expected[i]);
        }
        // argmin of the prox objective: no random simplex point does better
        Random r = new Random(seed ^ 0x5DEECE66DL);
        double fp = proxObjective(p, c, shifted, eta);
        for (int t = 0; t < 20; t++) {
            double[] q = randomSimplex(r, g.length);
            assertTrue(fp <= proxObjective(q, c, shifted, eta) + 1e-12);
        }
    }

    @Test
    void naiveFormulaOverflowsWhereTheStepDoesNot() {
        double[] c = {0.25, 0.25, 0.5};
        double[] g = {-1e5, -1e5 + 1, -1e5 + 2};
        double[] bad = naive(c, g, 1.0);
        assertTrue(Double.isNaN(bad[0]), "the naive formula is expected to overflow here");
        double[] p = step(c, g, 1.0);
        // closed form from the shifted exponents 0, -1, -2 with weights 0.25, 0.25, 0.5
        double z = 0.25 + 0.25 * Math.exp(-1) + 0.5 * Math.exp(-2);
        double[] expected = {0.25 / z, 0.25 * Math.exp(-1) / z, 0.5 * Math.exp(-2) / z};
        // log c_i - eta g_i is rounded at ulp(1e5): the output is relatively accurate to a few of those
        for (int i = 0; i < 3; i++) {
            assertEquals(expected[i], p[i], 4 * Math.ulp(1e5) * expected[i]);
        }
    }

    @Test
    void hugeGapsGiveAVertexWithoutNaN() {
        double[] c = {0.2, 0.3, 0.5};
        assertArrayEquals(new double[] {0, 1, 0}, step(c, new double[] {1e5, -1e5, 3e4}, 1.0), 0.0);
        assertArrayEquals(new double[] {1, 0, 0}, step(c, new double[] {-1e300, 1e300, 0}, 1.0), 0.0);
        assertArrayEquals(new double[] {0, 0, 1}, step(c, new double[] {3, 2, 1}, 1e6), 0.0);
        // tiny centre entries and a huge step
        double[] p = step(new double[] {1e-300, 1 - 1e-300}, new double[] {-1e4, 1e4}, 1.0);
        assertArrayEquals(new double[] {1, 0}, p, 0.0);
    }

    @Test
    void zeroCentreEntryStaysZeroAndSliceIsRespected() {
        double[] c = {7, 0.5, 0, 0.5, 7};
        double[] g = {0, 1, -100, 1, 0};
        double[] out = {-1, -1, -1, -1, -1};
        EntropicStep.step(c, g, 1.0, out, 1, 3);
        assertArrayEquals(new double[] {-1, 0.5, 0, 0.5, -1}, out, 1e-15);
    }

    @Test
    void zeroStepOrConstantGradientKeepsTheCentre() {
        double[] c = {0.1, 0.2, 0.7};
        assertArrayEquals(c, step(c, new double[] {3, -1, 2}, 0.0), 1e-15);
        // eta g = 1e5: the exponent is rounded at ulp(1e5) ~ 1.5e-11, the output relatively to that
        double[] p = step(c, new double[] {4e4, 4e4, 4e4}, 2.5);
        for (int i = 0; i < 3; i++) {
            assertEquals(c[i], p[i], 4 * Math.ulp(1e5) * c[i]);
        }
    }

    @Test
    void inPlaceUpdateMatchesOutOfPlace() {
        double[] c = {0.1, 0.2, 0.3, 0.4};
        double[] g = {1, -2, 0.5, 3};
        double[] expected = step(c, g, 0.7);
        double[] inPlace = c.clone();
        EntropicStep.step(inPlace, g, 0.7, inPlace, 0, 4);
        assertArrayEquals(expected, inPlace, 0.0);
    }
}
