package org.saddlepoint.solvers.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.saddlepoint.solvers.InvalidInputException;

/** The plain-Java kernels against naive loops and the direct formulas of the steps. */
class JavaKernelsTest {
    private final Kernels kernels = Kernels.open(KernelBackend.JAVA);
    private final Random random = new Random(7);

    @AfterEach
    void close() {
        kernels.close();
    }

    @Test
    void theJavaBackendIsPlainJava() {
        assertInstanceOf(JavaKernels.class, kernels);
        assertEquals(KernelBackend.JAVA, kernels.backend());
    }

    @ParameterizedTest
    @CsvSource({"1,1,1", "7,13,1", "7,13,3", "130,257,1", "130,257,5"})
    void productsMatchNaiveLoops(int rows, int cols, int k) {
        double[] a = Naive.random(random, rows * cols);
        for (boolean transpose : new boolean[] {false, true}) {
            double[] xs = Naive.random(random, k * (transpose ? rows : cols));
            double[] expected = Naive.multiply(a, rows, cols, xs, k, transpose);
            Naive.assertClose(expected, doubleProduct(a, rows, cols, xs, k, transpose), 1e-12, "double " + transpose);
            double[] expectedFromFloats = Naive.multiply(Naive.toDouble(Naive.toFloat(a)), rows, cols,
                    Naive.toDouble(Naive.toFloat(xs)), k, transpose);
            Naive.assertClose(expectedFromFloats, floatProduct(a, rows, cols, xs, k, transpose), 1e-5,
                    "float " + transpose);
        }
    }

    private double[] doubleProduct(double[] a, int rows, int cols, double[] xs, int k, boolean transpose) {
        DeviceMatrix m = kernels.matrix(a, rows, cols);
        DeviceVector x = kernels.vector(xs);
        double[] out = new double[k * (transpose ? cols : rows)];
        DeviceVector y = kernels.zeros(Precision.DOUBLE, out.length);
        multiply(m, x, k, y, transpose);
        kernels.read(y, out);
        return out;
    }

    private double[] floatProduct(double[] a, int rows, int cols, double[] xs, int k, boolean transpose) {
        DeviceMatrix m = kernels.matrix(Naive.toFloat(a), rows, cols);
        DeviceVector x = kernels.vector(Naive.toFloat(xs));
        float[] out = new float[k * (transpose ? cols : rows)];
        DeviceVector y = kernels.zeros(Precision.FLOAT, out.length);
        multiply(m, x, k, y, transpose);
        kernels.read(y, out);
        return Naive.toDouble(out);
    }

    /** The single-vector methods for k = 1, the batch methods otherwise. */
    private void multiply(DeviceMatrix m, DeviceVector x, int k, DeviceVector y, boolean transpose) {
        if (k == 1 && transpose) {
            kernels.multiplyTranspose(m, x, y);
        } else if (k == 1) {
            kernels.multiply(m, x, y);
        } else if (transpose) {
            kernels.multiplyTransposeBatch(m, x, k, y);
        } else {
            kernels.multiplyBatch(m, x, k, y);
        }
    }

    @Test
    void regretMatchingPlusFollowsItsFormula() {
        double[] r = {0.5, 0, 2, 0.1};
        double[] u = {1, -2, 0.5, 3};
        double[] x = {0.1, 0.2, 0.3, 0.4};
        double p = 0.1 * 1 - 0.2 * 2 + 0.3 * 0.5 + 0.4 * 3; // <u, x> = 1.05
        double[] expectedR = {0.5 + 1 - p, 0, 2 + 0.5 - p, 0.1 + 3 - p};
        double sum = expectedR[0] + expectedR[2] + expectedR[3];
        double[] expectedX = {expectedR[0] / sum, 0, expectedR[2] / sum, expectedR[3] / sum};
        DeviceVector rv = kernels.vector(r);
        DeviceVector xv = kernels.vector(x);
        kernels.regretMatchingPlus(rv, kernels.vector(u), xv);
        Naive.assertClose(expectedR, readDouble(rv), 1e-15, "regrets");
        Naive.assertClose(expectedX, readDouble(xv), 1e-15, "strategy");
    }

    @Test
    void runningAverageAndScaleFollowTheirFormulas() {
        DeviceVector y = kernels.vector(new double[] {1, 2, -3});
        kernels.average(y, kernels.vector(new double[] {3, 2, 1}), 0.25);
        Naive.assertClose(new double[] {1.5, 2, -2}, readDouble(y), 1e-15, "average");
        kernels.scale(y, -2);
        Naive.assertClose(new double[] {-3, -4, 4}, readDouble(y), 1e-15, "scale");
        org.junit.jupiter.api.Assertions.assertThrows(org.saddlepoint.solvers.InvalidInputException.class,
                () -> kernels.average(y, y, 0.5));
        org.junit.jupiter.api.Assertions.assertThrows(org.saddlepoint.solvers.InvalidInputException.class,
                () -> kernels.scale(y, Double.NaN));
    }

    @Test
    void regretMatchingPlusPlaysUniformWhenNoRegretIsPositive() {
        DeviceVector r = kernels.vector(new double[] {0, 0, 0});
        DeviceVector x = kernels.vector(new double[] {0.2, 0.3, 0.5});
        kernels.regretMatchingPlus(r, kernels.vector(new double[] {2, 2, 2}), x);
        assertEquals(List.of(0.0, 0.0, 0.0), List.of(readDouble(r)[0], readDouble(r)[1], readDouble(r)[2]));
        Naive.assertClose(new double[] {1 / 3.0, 1 / 3.0, 1 / 3.0}, readDouble(x), 1e-15, "uniform");
    }

    @Test
    void multiplicativeWeightsFollowsItsFormula() {
        double[] x = Naive.distribution(random, 9);
        double[] u = Naive.random(random, 9);
        double eta = 0.7;
        double[] expected = new double[9];
        double sum = 0;
        for (int i = 0; i < 9; i++) {
            expected[i] = x[i] * Math.exp(eta * u[i]);
            sum += expected[i];
        }
        for (int i = 0; i < 9; i++) {
            expected[i] /= sum;
        }
        DeviceVector xv = kernels.vector(x);
        kernels.multiplicativeWeights(xv, kernels.vector(u), eta);
        Naive.assertClose(expected, readDouble(xv), 1e-14, "mw");
    }

    @Test
    void multiplicativeWeightsStaysFiniteWithHugeUtilities() {
        DeviceVector x = kernels.vector(new double[] {0.25, 0.25, 0.5, 0});
        kernels.multiplicativeWeights(x, kernels.vector(new double[] {1e6, 1e6 - 1, -1e6, 1e6}), 1.0);
        double[] out = readDouble(x);
        double e = Math.exp(-1);
        Naive.assertClose(new double[] {1 / (1 + e), e / (1 + e), 0, 0}, out, 1e-15, "mw huge");
        DeviceVector f = kernels.vector(new float[] {0.5f, 0.5f});
        kernels.multiplicativeWeights(f, kernels.vector(new float[] {1e30f, -1e30f}), 1e5);
        float[] fo = new float[2];
        kernels.read(f, fo);
        assertEquals(1f, fo[0]);
        assertEquals(0f, fo[1]);
    }

    @Test
    void maxAndMinAreTheExtremeEntries() {
        double[] v = {3, -7.5, 11, 0};
        assertEquals(11, kernels.max(kernels.vector(v)));
        assertEquals(-7.5, kernels.min(kernels.vector(v)));
        assertEquals(-7.5, kernels.min(kernels.vector(Naive.toFloat(v))));
        assertTrue(Double.isNaN(kernels.max(kernels.vector(new double[] {1, Double.NaN, 2}))));
    }

    @Test
    void forwardMatchesNaiveLayers() {
        int[] widths = {5, 8, 6, 3};
        int batch = 4;
        double[] input = Naive.random(random, batch * widths[0]);
        List<double[]> w = new java.util.ArrayList<>();
        List<double[]> b = new java.util.ArrayList<>();
        double[] expected = input;
        for (int l = 0; l + 1 < widths.length; l++) {
            w.add(Naive.random(random, widths[l + 1] * widths[l]));
            b.add(Naive.random(random, widths[l + 1]));
            expected = Naive.dense(w.get(l), widths[l + 1], widths[l], b.get(l), expected, batch, l + 2 < widths.length);
        }
        List<DenseLayer> layers = new java.util.ArrayList<>();
        for (int l = 0; l < w.size(); l++) {
            layers.add(new DenseLayer(kernels.matrix(w.get(l), widths[l + 1], widths[l]), kernels.vector(b.get(l))));
        }
        DeviceVector out = kernels.zeros(Precision.DOUBLE, batch * 3);
        kernels.forward(layers, kernels.vector(input), batch, out);
        Naive.assertClose(expected, readDouble(out), 1e-14, "forward");
    }

    @Test
    void badShapesAreInvalidInput() {
        DeviceMatrix m = kernels.matrix(new double[6], 2, 3);
        assertThrows(InvalidInputException.class, () -> kernels.matrix(new double[5], 2, 3));
        assertThrows(InvalidInputException.class, () -> kernels.matrix(new float[0], 0, 3));
        assertThrows(InvalidInputException.class, () -> kernels.vector(new double[0]));
        assertThrows(InvalidInputException.class,
                () -> kernels.multiply(m, kernels.zeros(Precision.DOUBLE, 2), kernels.zeros(Precision.DOUBLE, 2)));
        assertThrows(InvalidInputException.class,
                () -> kernels.multiply(m, kernels.zeros(Precision.FLOAT, 3), kernels.zeros(Precision.DOUBLE, 2)));
        assertThrows(InvalidInputException.class,
                () -> kernels.multiplyBatch(m, kernels.zeros(Precision.DOUBLE, 6), 2, kernels.zeros(Precision.DOUBLE, 2)));
        assertThrows(InvalidInputException.class, () -> kernels.read(kernels.zeros(Precision.DOUBLE, 2), new double[3]));
        DeviceVector v = kernels.zeros(Precision.DOUBLE, 2);
        assertThrows(InvalidInputException.class, () -> kernels.multiplicativeWeights(v, v, 1));
        assertThrows(InvalidInputException.class,
                () -> kernels.multiplicativeWeights(v, kernels.zeros(Precision.DOUBLE, 2), Double.NaN));
        try (Kernels other = Kernels.open(KernelBackend.JAVA)) {
            assertThrows(InvalidInputException.class, () -> other.max(v));
        }
    }

    private double[] readDouble(DeviceVector v) {
        double[] out = new double[v.length()];
        kernels.read(v, out);
        return out;
    }
}
