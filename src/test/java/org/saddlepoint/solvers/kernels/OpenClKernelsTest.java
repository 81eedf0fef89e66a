package org.saddlepoint.solvers.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.saddlepoint.solvers.InvalidInputException;

/**
 * Every kernel on OpenCL against its plain-Java twin, on the same data: float within 1e-5, double
 * within 1e-12, relative to the largest entry of the result. Skipped where no OpenCL device exists.
 */
class OpenClKernelsTest {
    private static final double FLOAT_TOL = 1e-5;
    private static final double DOUBLE_TOL = 1e-12;
    private static Kernels cl;
    private static Kernels plain;
    private final Random random = new Random(11);

    @BeforeAll
    static void open() {
        OpenClDevices.Listing listing = OpenClDevices.list();
        Assumptions.assumeFalse(listing.devices().isEmpty(), "no OpenCL device: " + listing.reason());
        cl = OpenClKernels.open();
        plain = new JavaKernels();
    }

    @AfterAll
    static void close() {
        if (cl != null) {
            cl.close();
        }
    }

    @Test
    void openclIsWhatOpenclGives() {
        try (Kernels opencl = Kernels.open(KernelBackend.OPENCL)) {
            assertInstanceOf(OpenClKernels.class, opencl);
            assertEquals(KernelBackend.OPENCL, opencl.backend());
            assertTrue(opencl.description().startsWith("OpenCL: "), opencl.description());
        }
    }

    /** Runs {@code op} on both backends with the same data in {@code precision}; compares {@code result}. */
    private interface Op {
        DeviceVector run(Kernels k, Precision precision);
    }

    private void compare(Op op, String what) {
        for (Precision p : Precision.values()) {
            Naive.assertClose(read(plain, op.run(plain, p)), read(cl, op.run(cl, p)),
                    p == Precision.FLOAT ? FLOAT_TOL : DOUBLE_TOL, what + " " + p);
        }
    }

    private static DeviceVector upload(Kernels k, Precision p, double[] values) {
        return p == Precision.DOUBLE ? k.vector(values) : k.vector(Naive.toFloat(values));
    }

    private static DeviceMatrix upload(Kernels k, Precision p, double[] a, int rows, int cols) {
        return p == Precision.DOUBLE ? k.matrix(a, rows, cols) : k.matrix(Naive.toFloat(a), rows, cols);
    }

    private static double[] read(Kernels k, DeviceVector v) {
        if (v.precision() == Precision.DOUBLE) {
            double[] out = new double[v.length()];
            k.read(v, out);
            return out;
        }
        float[] out = new float[v.length()];
        k.read(v, out);
        return Naive.toDouble(out);
    }

    @ParameterizedTest
    @CsvSource({"1,1,1", "1,1,2", "7,13,1", "7,13,3", "9,8,3", "5,16,2", "3,48,2", "33,100,2", "130,257,1", "130,257,5"})
    void productsMatchJava(int rows, int cols, int k) {
        double[] a = Naive.random(random, rows * cols);
        double[] xs = Naive.random(random, k * cols);
        double[] ys = Naive.random(random, k * rows);
        compare((kernels, p) -> {
            DeviceVector out = kernels.zeros(p, k * rows);
            kernels.multiplyBatch(upload(kernels, p, a, rows, cols), upload(kernels, p, xs), k, out);
            return out;
        }, "A x");
        compare((kernels, p) -> {
            DeviceVector out = kernels.zeros(p, k * cols);
            kernels.multiplyTransposeBatch(upload(kernels, p, a, rows, cols), upload(kernels, p, ys), k, out);
            return out;
        }, "A^T y");
    }

    @Test
    void singleVectorProductsMatchNaiveLoops() {
        double[] a = Naive.random(random, 7 * 13);
        double[] x = Naive.random(random, 13);
        DeviceVector y = cl.zeros(Precision.DOUBLE, 7);
        cl.multiply(cl.matrix(a, 7, 13), cl.vector(x), y);
        Naive.assertClose(Naive.multiply(a, 7, 13, x, 1, false), read(cl, y), DOUBLE_TOL, "A x");
        DeviceVector z = cl.zeros(Precision.DOUBLE, 13);
        cl.multiplyTranspose(cl.matrix(a, 7, 13), cl.vector(read(cl, y)), z);
        Naive.assertClose(Naive.multiply(a, 7, 13, read(cl, y), 1, true), read(cl, z), DOUBLE_TOL, "A^T y");
    }

    @ParameterizedTest
    @CsvSource({"1", "7", "257", "1000"})
    void regretMatchingPlusMatchesJava(int n) {
        double[] r = Arrays.stream(Naive.random(random, n)).map(Math::abs).toArray();
        double[] u = Naive.random(random, n);
        double[] x = Naive.distribution(random, n);
        double[] regrets = r;
        for (boolean strategy : new boolean[] {false, true}) {
            compare((kernels, p) -> {
                DeviceVector rv = upload(kernels, p, regrets);
                DeviceVector xv = upload(kernels, p, x);
                kernels.regretMatchingPlus(rv, upload(kernels, p, u), xv);
                return strategy ? xv : rv;
            }, strategy ? "RM+ strategy" : "RM+ regrets");
        }
    }

    @ParameterizedTest
    @CsvSource({"1,1", "7,0.25", "257,0.0078125", "1000,0.3"})
    void runningAverageAndScaleMatchJava(int n, double w) {
        double[] avg = Naive.random(random, n);
        double[] x = Naive.random(random, n);
        compare((kernels, p) -> {
            DeviceVector y = upload(kernels, p, avg);
            kernels.average(y, upload(kernels, p, x), w);
            return y;
        }, "running average");
        compare((kernels, p) -> {
            DeviceVector v = upload(kernels, p, x);
            kernels.scale(v, -w);
            return v;
        }, "scale");
    }

    @Test
    void regretMatchingPlusPlaysUniformWithoutPositiveRegret() {
        DeviceVector r = cl.vector(new double[5]);
        DeviceVector x = cl.vector(new double[] {0.1, 0.2, 0.3, 0.2, 0.2});
        cl.regretMatchingPlus(r, cl.vector(new double[] {1, 1, 1, 1, 1}), x);
        Naive.assertClose(new double[5], read(cl, r), 0, "regrets");
        Naive.assertClose(new double[] {0.2, 0.2, 0.2, 0.2, 0.2}, read(cl, x), DOUBLE_TOL, "uniform");
    }

    @ParameterizedTest
    @CsvSource({"1,0.5", "9,0.5", "257,2", "1000,1e4"})
    void multiplicativeWeightsMatchesJava(int n, double eta) {
        double[] x = Naive.distribution(random, n);
        double[] u = Naive.random(random, n);
        compare((kernels, p) -> {
            DeviceVector xv = upload(kernels, p, x);
            kernels.multiplicativeWeights(xv, upload(kernels, p, u), eta);
            return xv;
        }, "MW");
    }

    @Test
    void multiplicativeWeightsStaysFiniteWithHugeUtilities() {
        for (Precision p : Precision.values()) {
            DeviceVector x = upload(cl, p, new double[] {0.5, 0.25, 0.25});
            cl.multiplicativeWeights(x, upload(cl, p, new double[] {1e30, -1e30, 0}), 1e5);
            Naive.assertClose(new double[] {1, 0, 0}, read(cl, x), 0, "MW huge " + p);
        }
    }

    @ParameterizedTest
    @CsvSource({"1", "7", "300", "5000"})
    void maxAndMinMatchJava(int n) {
        double[] v = Naive.random(random, n);
        for (Precision p : Precision.values()) {
            assertEquals(plain.max(upload(plain, p, v)), cl.max(upload(cl, p, v)), 0.0, "max " + p);
            assertEquals(plain.min(upload(plain, p, v)), cl.min(upload(cl, p, v)), 0.0, "min " + p);
        }
        v[n / 2] = Double.NaN;
        assertTrue(Double.isNaN(cl.max(cl.vector(v))), "NaN propagates");
    }

    @ParameterizedTest
    @CsvSource({"1", "6"})
    void forwardMatchesJava(int batch) {
        int[] widths = {13, 32, 7, 1};
        double[] input = Naive.random(random, batch * widths[0]);
        List<double[]> weights = new ArrayList<>();
        List<double[]> biases = new ArrayList<>();
        for (int l = 0; l + 1 < widths.length; l++) {
            weights.add(Naive.random(random, widths[l + 1] * widths[l]));
            biases.add(Naive.random(random, widths[l + 1]));
        }
        compare((kernels, p) -> {
            List<DenseLayer> layers = new ArrayList<>();
            for (int l = 0; l < weights.size(); l++) {
                layers.add(new DenseLayer(upload(kernels, p, weights.get(l), widths[l + 1], widths[l]),
                        upload(kernels, p, biases.get(l))));
            }
            DeviceVector out = kernels.zeros(p, batch);
            kernels.forward(layers, upload(kernels, p, input), batch, out);
            return out;
        }, "forward");
    }

    @Test
    void handlesStayInTheirBackend() {
        DeviceVector v = cl.vector(new double[] {1, 2});
        assertThrows(InvalidInputException.class, () -> plain.max(v));
        v.close();
        assertThrows(IllegalStateException.class, () -> cl.max(v));
        assertFalse(OpenClDevices.list().devices().isEmpty());
    }
}
