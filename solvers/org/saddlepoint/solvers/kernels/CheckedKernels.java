package org.saddlepoint.solvers.kernels;

import java.util.List;
import java.util.Objects;

import org.saddlepoint.solvers.InvalidInputException;

/**
 * The argument checks of every {@link Kernels} operation, done once here; implementations receive
 * only operands whose shapes, lengths and precisions agree.
 */
abstract class CheckedKernels implements Kernels {

    protected abstract DeviceMatrix newMatrix(Object data, Precision precision, int rows, int cols);

    protected abstract DeviceVector newVector(Object data, Precision precision, int length);

    protected abstract void readInto(DeviceVector v, Object out);

    protected abstract void writeFrom(DeviceVector v, Object values);

    protected abstract void doMultiply(DeviceMatrix a, DeviceVector xs, int k, DeviceVector ys, boolean transpose);

    protected abstract void doRegretMatchingPlus(DeviceVector regrets, DeviceVector utility, DeviceVector strategy);

    protected abstract void doMultiplicativeWeights(DeviceVector strategy, DeviceVector utility, double eta);

    protected abstract void doAverage(DeviceVector average, DeviceVector x, double weight);

    protected abstract void doScale(DeviceVector v, double factor);

    protected abstract double doExtreme(DeviceVector v, boolean max);

    protected abstract void doDenseLayer(DenseLayer layer, DeviceVector in, int batch, boolean relu, DeviceVector out);

    @Override
    public final DeviceMatrix matrix(double[] a, int rows, int cols) {
        checkMatrixData(Objects.requireNonNull(a, "a").length, rows, cols);
        return newMatrix(a, Precision.DOUBLE, rows, cols);
    }

    @Override
    public final DeviceMatrix matrix(float[] a, int rows, int cols) {
        checkMatrixData(Objects.requireNonNull(a, "a").length, rows, cols);
        return newMatrix(a, Precision.FLOAT, rows, cols);
    }

    @Override
    public final DeviceVector vector(double[] values) {
        checkLength(Objects.requireNonNull(values, "values").length);
        return newVector(values, Precision.DOUBLE, values.length);
    }

    @Override
    public final DeviceVector vector(float[] values) {
        checkLength(Objects.requireNonNull(values, "values").length);
        return newVector(values, Precision.FLOAT, values.length);
    }

    @Override
    public final DeviceVector zeros(Precision precision, int length) {
        checkLength(length);
        return newVector(null, Objects.requireNonNull(precision, "precision"), length);
    }

    @Override
    public final void read(DeviceVector v, double[] out) {
        checkTransfer(v, Precision.DOUBLE, Objects.requireNonNull(out, "out").length);
        readInto(v, out);
    }

    @Override
    public final void read(DeviceVector v, float[] out) {
        checkTransfer(v, Precision.FLOAT, Objects.requireNonNull(out, "out").length);
        readInto(v, out);
    }

    @Override
    public final void write(DeviceVector v, double[] values) {
        checkTransfer(v, Precision.DOUBLE, Objects.requireNonNull(values, "values").length);
        writeFrom(v, values);
    }

    @Override
    public final void write(DeviceVector v, float[] values) {
        checkTransfer(v, Precision.FLOAT, Objects.requireNonNull(values, "values").length);
        writeFrom(v, values);
    }

    @Override
    public final void multiply(DeviceMatrix a, DeviceVector x, DeviceVector y) {
        multiplyBatch(a, x, 1, y);
    }

    @Override
    public final void multiplyTranspose(DeviceMatrix a, DeviceVector x, DeviceVector y) {
        multiplyTransposeBatch(a, x, 1, y);
    }

    @Override
    public final void multiplyBatch(DeviceMatrix a, DeviceVector xs, int k, DeviceVector ys) {
        checkProduct(a, xs, k, ys, a.cols(), a.rows());
        doMultiply(a, xs, k, ys, false);
    }

    @Override
    public final void multiplyTransposeBatch(DeviceMatrix a, DeviceVector xs, int k, DeviceVector ys) {
        checkProduct(a, xs, k, ys, a.rows(), a.cols());
        doMultiply(a, xs, k, ys, true);
    }

    @Override
    public final void regretMatchingPlus(DeviceVector regrets, DeviceVector utility, DeviceVector strategy) {
        checkSameVectors(regrets, utility, strategy);
        checkDistinct(regrets, strategy, "regrets and strategy");
        doRegretMatchingPlus(regrets, utility, strategy);
    }

    @Override
    public final void multiplicativeWeights(DeviceVector strategy, DeviceVector utility, double eta) {
        checkSameVectors(strategy, utility);
        checkDistinct(strategy, utility, "strategy and utility");
        if (!Double.isFinite(eta)) {
            throw new InvalidInputException("the step size eta must be finite, got " + eta);
        }
        doMultiplicativeWeights(strategy, utility, eta);
    }

    @Override
    public final void average(DeviceVector average, DeviceVector x, double weight) {
        checkSameVectors(average, x);
        checkDistinct(average, x, "average and x");
        if (!Double.isFinite(weight)) {
            throw new InvalidInputException("the averaging weight must be finite, got " + weight);
        }
        doAverage(average, x, weight);
    }

    @Override
    public final void scale(DeviceVector v, double factor) {
        Objects.requireNonNull(v, "v");
        if (!Double.isFinite(factor)) {
            throw new InvalidInputException("the scale factor must be finite, got " + factor);
        }
        doScale(v, factor);
    }

    @Override
    public final double max(DeviceVector v) {
        Objects.requireNonNull(v, "v");
        return doExtreme(v, true);
    }

    @Override
    public final double min(DeviceVector v) {
        Objects.requireNonNull(v, "v");
        return doExtreme(v, false);
    }

    @Override
    public final void forward(List<DenseLayer> layers, DeviceVector input, int batch, DeviceVector output) {
        checkNetwork(layers, input, batch, output);
        DeviceVector in = input;
        for (int l = 0; l < layers.size(); l++) {
            DenseLayer layer = layers.get(l);
            boolean last = l == layers.size() - 1;
            DeviceVector out = last ? output
                    : zeros(input.precision(), Math.toIntExact((long) batch * layer.weights().rows()));
            doDenseLayer(layer, in, batch, !last, out);
            if (in != input) {
                in.close();
            }
            in = out;
        }
    }

    private static void checkMatrixData(int length, int rows, int cols) {
        if (rows < 1 || cols < 1) {
            throw new InvalidInputException("a matrix needs at least one row and one column, got " + rows + " x " + cols);
        }
        if ((long) rows * cols != length) {
            throw new InvalidInputException("a " + rows + " x " + cols + " matrix needs " + (long) rows * cols
                    + " entries, got " + length);
        }
    }

    private static void checkLength(int length) {
        if (length < 1) {
            throw new InvalidInputException("a vector needs at least one entry, got length " + length);
        }
    }

    private static void checkTransfer(DeviceVector v, Precision precision, int length) {
        Objects.requireNonNull(v, "v");
        checkPrecision(precision, v.precision());
        checkLength("the array", length, v.length());
    }

    private static void checkProduct(DeviceMatrix a, DeviceVector xs, int k, DeviceVector ys, int in, int out) {
        Objects.requireNonNull(a, "a");
        if (k < 1) {
            throw new InvalidInputException("a batch needs at least one vector, got k = " + k);
        }
        checkPrecision(a.precision(), xs.precision());
        checkPrecision(a.precision(), ys.precision());
        checkLength("the input", (long) k * in, xs.length());
        checkLength("the output", (long) k * out, ys.length());
        checkDistinct(xs, ys, "input and output");
    }

    private static void checkSameVectors(DeviceVector first, DeviceVector... others) {
        Objects.requireNonNull(first, "vector");
        for (DeviceVector v : others) {
            checkPrecision(first.precision(), Objects.requireNonNull(v, "vector").precision());
            checkLength("every vector", first.length(), v.length());
        }
    }

    private static void checkNetwork(List<DenseLayer> layers, DeviceVector input, int batch, DeviceVector output) {
        if (Objects.requireNonNull(layers, "layers").isEmpty()) {
            throw new InvalidInputException("a network needs at least one layer");
        }
        if (batch < 1) {
            throw new InvalidInputException("a batch needs at least one vector, got " + batch);
        }
        long width = layers.get(0).weights().cols();
        checkLength("the input", batch * width, input.length());
        for (DenseLayer layer : layers) {
            DeviceMatrix w = layer.weights();
            checkLength("the input width of a layer", width, w.cols());
            checkLength("a bias", w.rows(), layer.bias().length());
            checkPrecision(input.precision(), w.precision());
            checkPrecision(input.precision(), layer.bias().precision());
            width = w.rows();
        }
        checkPrecision(input.precision(), output.precision());
        checkLength("the output", batch * width, output.length());
        checkDistinct(input, output, "input and output");
    }

    private static void checkPrecision(Precision expected, Precision actual) {
        if (expected != actual) {
            throw new InvalidInputException("precision mismatch: expected " + expected + ", got " + actual);
        }
    }

    private static void checkLength(String what, long expected, long actual) {
        if (expected != actual) {
            throw new InvalidInputException(what + " must have length " + expected + ", got " + actual);
        }
    }

    private static void checkDistinct(Object a, Object b, String what) {
        if (a == b) {
            throw new InvalidInputException(what + " must be different vectors");
        }
    }
}
