package org.saddlepoint.solvers.kernels;

import org.saddlepoint.solvers.InvalidInputException;
import org.saddlepoint.solvers.linalg.MatVec;

/**
 * The plain-Java {@link Kernels}, the reference every other backend is tested against: row-major
 * arrays and plain loops (the double products are {@link MatVec}'s). Float data is multiplied in
 * float, as on a device; the float vector steps are computed in double and rounded once.
 */
public final class JavaKernels extends CheckedKernels {

    /** A vector or matrix held in a Java array: exactly one of {@code d} and {@code f} is set. */
    private final class Array extends Handle {
        final double[] d;
        final float[] f;

        Array(Object data, int rows, int cols) {
            super(JavaKernels.this, data instanceof double[] ? Precision.DOUBLE : Precision.FLOAT, rows, cols);
            this.d = data instanceof double[] a ? a : null;
            this.f = data instanceof float[] a ? a : null;
        }

        @Override
        void release() {
            // arrays are freed by the garbage collector
        }
    }

    @Override
    public KernelBackend backend() {
        return KernelBackend.JAVA;
    }

    @Override
    public String description() {
        return "plain Java";
    }

    @Override
    public void close() {
        // arrays are freed by the garbage collector
    }

    @Override
    protected DeviceMatrix newMatrix(Object data, Precision precision, int rows, int cols) {
        return new Array(copy(data, precision, rows * cols), rows, cols);
    }

    @Override
    protected DeviceVector newVector(Object data, Precision precision, int length) {
        return new Array(copy(data, precision, length), 1, length);
    }

    private static Object copy(Object data, Precision precision, int length) {
        if (data == null) {
            return precision == Precision.DOUBLE ? new double[length] : new float[length];
        }
        return data instanceof double[] d ? d.clone() : ((float[]) data).clone();
    }

    @Override
    protected void readInto(DeviceVector v, Object out) {
        Array a = own(v);
        System.arraycopy(a.d != null ? a.d : a.f, 0, out, 0, a.length());
    }

    @Override
    protected void writeFrom(DeviceVector v, Object values) {
        Array a = own(v);
        System.arraycopy(values, 0, a.d != null ? a.d : a.f, 0, a.length());
    }

    @Override
    protected void doMultiply(DeviceMatrix m, DeviceVector xs, int k, DeviceVector ys, boolean transpose) {
        Array a = own(m);
        Array x = own(xs);
        Array y = own(ys);
        if (a.d != null) {
            multiplyDouble(a, x.d, k, y.d, transpose);
        } else if (transpose) {
            multiplyTransposeFloat(a, x.f, k, y.f);
        } else {
            multiplyFloat(a, x.f, k, y.f);
        }
    }

    /** Each vector of the batch through MatVec, on slices. */
    private static void multiplyDouble(Array a, double[] xs, int k, double[] ys, boolean transpose) {
        int in = transpose ? a.rows : a.cols;
        int out = transpose ? a.cols : a.rows;
        double[] x = k == 1 ? xs : new double[in];
        double[] y = k == 1 ? ys : new double[out];
        for (int b = 0; b < k; b++) {
            if (k > 1) {
                System.arraycopy(xs, b * in, x, 0, in);
            }
            if (transpose) {
                MatVec.multiplyTranspose(a.d, a.rows, a.cols, x, y);
            } else {
                MatVec.multiply(a.d, a.rows, a.cols, x, y);
            }
            if (k > 1) {
                System.arraycopy(y, 0, ys, b * out, out);
            }
        }
    }

    /** ys[b][i] = row i of A . xs[b]: A streamed once, each row against every vector of the batch. */
    private static void multiplyFloat(Array a, float[] xs, int k, float[] ys) {
        for (int i = 0; i < a.rows; i++) {
            for (int b = 0; b < k; b++) {
                ys[b * a.rows + i] = FloatMatVec.dot(a.f, i * a.cols, xs, b * a.cols, a.cols);
            }
        }
    }

    /** ys[b] = sum_i xs[b][i] row i of A: A streamed once. */
    private static void multiplyTransposeFloat(Array a, float[] xs, int k, float[] ys) {
        java.util.Arrays.fill(ys, 0f);
        for (int i = 0; i < a.rows; i++) {
            for (int b = 0; b < k; b++) {
                FloatMatVec.axpy(xs[b * a.rows + i], a.f, i * a.cols, ys, b * a.cols, a.cols);
            }
        }
    }

    @Override
    protected void doRegretMatchingPlus(DeviceVector regrets, DeviceVector utility, DeviceVector strategy) {
        Array r = own(regrets);
        Array u = own(utility);
        Array x = own(strategy);
        if (r.d != null) {
            regretMatchingPlus(r.d, u.d, x.d);
            return;
        }
        double[] rd = toDouble(r.f);
        double[] xd = toDouble(x.f);
        regretMatchingPlus(rd, toDouble(u.f), xd);
        copyInto(rd, r.f);
        copyInto(xd, x.f);
    }

    /** RM+ on double arrays; see {@link Kernels#regretMatchingPlus}. */
    static void regretMatchingPlus(double[] r, double[] u, double[] x) {
        int n = r.length;
        double p = MatVec.dot(u, 0, x, n);
        double t = 0;
        for (int i = 0; i < n; i++) {
            double ri = r[i] + u[i] - p;
            ri = ri > 0 ? ri : 0;
            r[i] = ri;
            t += ri;
        }
        for (int i = 0; i < n; i++) {
            x[i] = t > 0 ? r[i] / t : 1.0 / n;
        }
    }

    @Override
    protected void doMultiplicativeWeights(DeviceVector strategy, DeviceVector utility, double eta) {
        Array x = own(strategy);
        Array u = own(utility);
        if (x.d != null) {
            multiplicativeWeights(x.d, u.d, eta);
            return;
        }
        double[] xd = toDouble(x.f);
        multiplicativeWeights(xd, toDouble(u.f), (float) eta);
        copyInto(xd, x.f);
    }

    /** Multiplicative weights on double arrays, log-sum-exp stable; see {@link Kernels#multiplicativeWeights}. */
    static void multiplicativeWeights(double[] x, double[] u, double eta) {
        int n = x.length;
        double m = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            m = Math.max(m, Math.log(x[i]) + eta * u[i]);
        }
        double t = 0;
        for (int i = 0; i < n; i++) {
            double e = Math.exp(Math.log(x[i]) + eta * u[i] - m);
            x[i] = e;
            t += e;
        }
        for (int i = 0; i < n; i++) {
            x[i] /= t;
        }
    }

    @Override
    protected void doAverage(DeviceVector average, DeviceVector x, double weight) {
        Array y = own(average);
        Array v = own(x);
        if (y.d != null) {
            double[] yd = y.d;
            double[] xd = v.d;
            for (int i = 0; i < yd.length; i++) {
                yd[i] += weight * (xd[i] - yd[i]);
            }
            return;
        }
        float w = (float) weight;
        float[] yf = y.f;
        float[] xf = v.f;
        for (int i = 0; i < yf.length; i++) {
            yf[i] += w * (xf[i] - yf[i]);
        }
    }

    @Override
    protected void doScale(DeviceVector v, double factor) {
        Array a = own(v);
        if (a.d != null) {
            for (int i = 0; i < a.d.length; i++) {
                a.d[i] *= factor;
            }
            return;
        }
        float c = (float) factor;
        for (int i = 0; i < a.f.length; i++) {
            a.f[i] *= c;
        }
    }

    @Override
    protected double doExtreme(DeviceVector v, boolean max) {
        Array a = own(v);
        double e = a.d != null ? a.d[0] : a.f[0];
        for (int i = 0; i < a.length(); i++) {
            double vi = a.d != null ? a.d[i] : a.f[i];
            e = max ? Math.max(e, vi) : Math.min(e, vi);
        }
        return e;
    }

    @Override
    protected void doDenseLayer(DenseLayer layer, DeviceVector in, int batch, boolean relu, DeviceVector out) {
        doMultiply(layer.weights(), in, batch, out, false);
        Array bias = own(layer.bias());
        Array y = own(out);
        int width = bias.length();
        for (int i = 0; i < y.length(); i++) {
            if (y.d != null) {
                y.d[i] = activate(y.d[i] + bias.d[i % width], relu);
            } else {
                y.f[i] = (float) activate(y.f[i] + bias.f[i % width], relu);
            }
        }
    }

    /** max(v, 0) (NaN to 0) if relu, else v. */
    private static double activate(double v, boolean relu) {
        return relu && !(v > 0) ? 0 : v;
    }

    private Array own(Object handle) {
        return Handle.own(handle, this, Array.class);
    }

    private static double[] toDouble(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }

    private static void copyInto(double[] d, float[] f) {
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) d[i];
        }
    }
}
