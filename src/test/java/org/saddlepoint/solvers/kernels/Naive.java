package org.saddlepoint.solvers.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

/** Naive double loops, the independent reference of the kernels' tests, and the comparison they use. */
final class Naive {
    private Naive() {
    }

    /** Batch of y_b = A x_b (transpose: A^T x_b), vectors stacked, in double whatever the input. */
    static double[] multiply(double[] a, int rows, int cols, double[] xs, int k, boolean transpose) {
        int in = transpose ? rows : cols;
        int out = transpose ? cols : rows;
        double[] ys = new double[k * out];
        for (int b = 0; b < k; b++) {
            for (int o = 0; o < out; o++) {
                double s = 0;
                for (int i = 0; i < in; i++) {
                    double aij = transpose ? a[i * cols + o] : a[o * cols + i];
                    s += aij * xs[b * in + i];
                }
                ys[b * out + o] = s;
            }
        }
        return ys;
    }

    /** One dense layer on a batch: W in + b, then ReLU if asked. */
    static double[] dense(double[] w, int rows, int cols, double[] bias, double[] xs, int k, boolean relu) {
        double[] ys = multiply(w, rows, cols, xs, k, false);
        for (int i = 0; i < ys.length; i++) {
            ys[i] += bias[i % rows];
            ys[i] = relu ? Math.max(ys[i], 0) : ys[i];
        }
        return ys;
    }

    static double[] random(Random random, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = 2 * random.nextDouble() - 1;
        }
        return v;
    }

    /** A random probability vector with every entry positive. */
    static double[] distribution(Random random, int n) {
        double[] v = new double[n];
        double s = 0;
        for (int i = 0; i < n; i++) {
            v[i] = 0.05 + random.nextDouble();
            s += v[i];
        }
        for (int i = 0; i < n; i++) {
            v[i] /= s;
        }
        return v;
    }

    static float[] toFloat(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }

    static double[] toDouble(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }

    /**
     * max_i |actual_i - expected_i| &lt;= relative * max_i |expected_i|: relative to the largest entry
     * of the result, so that entries that cancel to near zero do not count more than the others.
     */
    static void assertClose(double[] expected, double[] actual, double relative, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        double scale = 0;
        double error = 0;
        for (int i = 0; i < expected.length; i++) {
            scale = Math.max(scale, Math.abs(expected[i]));
            error = Math.max(error, Math.abs(actual[i] - expected[i]));
        }
        assertTrue(error <= relative * scale, what + ": error " + error + " > " + relative + " * " + scale);
    }
}
