package org.saddlepoint.bench;

import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.saddlepoint.solvers.kernels.DeviceMatrix;
import org.saddlepoint.solvers.kernels.DeviceVector;
import org.saddlepoint.solvers.kernels.KernelBackend;
import org.saddlepoint.solvers.kernels.Kernels;
import org.saddlepoint.solvers.kernels.Precision;

/**
 * The cost of one alternating regret-matching+ round's products on each {@link Kernels} backend:
 * u = A y and v = A^T x on a dense n x n matrix that lives in the backend, uploaded once.
 *
 * <p>{@code backend} is {@code java} ({@link KernelBackend#JAVA}) or {@code opencl}
 * ({@link KernelBackend#OPENCL}); if OpenCL was asked for but {@link Kernels#open} fell back to
 * plain Java, the trial setup throws, so a Java number can never be reported as an OpenCL one.
 * {@code precision} is the element type of the matrix and vectors in the backend.
 *
 * <p>One benchmark invocation ({@link #iteration}) enqueues both products and then reads back one
 * number, {@code max(u) + max(v)}, which waits for the device work (the OpenCL queue is in order)
 * and depends on both products, so neither can be skipped; the two reductions are O(n), next to
 * the 2 n^2 multiply-adds. Bytes of A streamed per invocation: 2 n^2 x (4 float, 8 double);
 * {@link Report} divides them by the time.
 *
 * <p>The inputs are random from a fixed seed (the same matrix, rounded, for both precisions), made
 * and uploaded in the trial setup, which also checks both products once against a reference
 * computed on the host in double, so a miswired or broken backend fails instead of being timed.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx4g"})
public class KernelBackendBenchmark {
    static final long SEED = 0x5add1e9017L;

    @Param({"java", "opencl"})
    public String backend;

    @Param({"float", "double"})
    public String precision;

    /** 500 is for smoke runs only; the measured sizes are 2000 and 8000. */
    @Param({"2000", "8000"})
    public int n;

    private Kernels kernels;
    private DeviceMatrix a;
    private DeviceVector x;
    private DeviceVector y;
    private DeviceVector u;
    private DeviceVector v;

    @Setup(Level.Trial)
    public void setUp() {
        KernelBackend asked = switch (backend) {
            case "java" -> KernelBackend.JAVA;
            case "opencl" -> KernelBackend.OPENCL;
            default -> throw new IllegalArgumentException("backend must be java or opencl, not " + backend);
        };
        Precision p = switch (precision) {
            case "float" -> Precision.FLOAT;
            case "double" -> Precision.DOUBLE;
            default -> throw new IllegalArgumentException("precision must be float or double, not " + precision);
        };
        kernels = Kernels.open(asked);
        if (kernels.backend() != asked) {
            KernelBackend got = kernels.backend();
            kernels.close();
            kernels = null;
            throw new IllegalStateException("asked for backend " + asked + " but Kernels.open gave " + got
                    + ": not timing it under the wrong name");
        }
        System.out.println("SP-BENCH-BACKEND backend=" + backend + " precision=" + precision + " n=" + n
                + " device=\"" + kernels.description().replace('"', '\'') + "\"");

        SplittableRandom rng = new SplittableRandom(SEED);
        double[] ad = new double[Math.multiplyExact(n, n)];
        for (int k = 0; k < ad.length; k++) {
            ad[k] = rng.nextDouble(-1.0, 1.0);
        }
        double[] xd = new double[n];
        double[] yd = new double[n];
        for (int k = 0; k < n; k++) {
            xd[k] = rng.nextDouble(-1.0, 1.0);
            yd[k] = rng.nextDouble(-1.0, 1.0);
        }
        if (p == Precision.FLOAT) {
            float[] af = toFloat(ad);
            // The reference below uses the rounded inputs, so only the float arithmetic differs.
            for (int k = 0; k < ad.length; k++) {
                ad[k] = af[k];
            }
            float[] xf = toFloat(xd);
            float[] yf = toFloat(yd);
            for (int k = 0; k < n; k++) {
                xd[k] = xf[k];
                yd[k] = yf[k];
            }
            a = kernels.matrix(af, n, n);
            x = kernels.vector(xf);
            y = kernels.vector(yf);
        } else {
            a = kernels.matrix(ad, n, n);
            x = kernels.vector(xd);
            y = kernels.vector(yd);
        }
        u = kernels.zeros(p, n);
        v = kernels.zeros(p, n);
        verify(ad, xd, yd, p);
    }

    /** Both products once against a host reference in double: u = A y, v = A^T x. */
    private void verify(double[] ad, double[] xd, double[] yd, Precision p) {
        double[] refU = new double[n];
        double[] refV = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            double xi = xd[i];
            int row = i * n;
            for (int j = 0; j < n; j++) {
                double aij = ad[row + j];
                s += aij * yd[j];
                refV[j] += aij * xi;
            }
            refU[i] = s;
        }
        kernels.multiply(a, y, u);
        kernels.multiplyTranspose(a, x, v);
        double[] gotU = new double[n];
        double[] gotV = new double[n];
        if (p == Precision.FLOAT) {
            float[] f = new float[n];
            kernels.read(u, f);
            for (int k = 0; k < n; k++) {
                gotU[k] = f[k];
            }
            kernels.read(v, f);
            for (int k = 0; k < n; k++) {
                gotV[k] = f[k];
            }
        } else {
            kernels.read(u, gotU);
            kernels.read(v, gotV);
        }
        // Entries in [-1, 1]: n-term sums in float are good to about 1e-7 n, in double to 1e-16 n.
        double tol = p == Precision.FLOAT ? 2e-4 * n : 1e-9 * n;
        check("A y", refU, gotU, tol);
        check("A^T x", refV, gotV, tol);
    }

    private void check(String what, double[] ref, double[] got, double tol) {
        for (int k = 0; k < n; k++) {
            if (!(Math.abs(got[k] - ref[k]) <= tol)) {
                throw new IllegalStateException(String.format(Locale.ROOT,
                        "%s on %s/%s: entry %d is %s, expected %s", what, backend, precision, k, got[k], ref[k]));
            }
        }
    }

    private static float[] toFloat(double[] d) {
        float[] f = new float[d.length];
        for (int k = 0; k < d.length; k++) {
            f[k] = (float) d[k];
        }
        return f;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (kernels != null) {
            kernels.close();
            kernels = null;
        }
    }

    /**
     * The two products of one alternating RM+ round (A y, then A^T x), and one small read that
     * waits for them: the returned value depends on both outputs.
     */
    @Benchmark
    public double iteration() {
        kernels.multiply(a, y, u);
        kernels.multiplyTranspose(a, x, v);
        return kernels.max(u) + kernels.max(v);
    }
}
