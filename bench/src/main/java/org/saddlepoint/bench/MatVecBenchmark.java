package org.saddlepoint.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.ejml.data.DMatrixRMaj;
import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.CommonOps_FDRM;
import org.ojalgo.OjAlgoUtils;
import org.ojalgo.matrix.store.R032Store;
import org.ojalgo.matrix.store.R064Store;
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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.saddlepoint.solvers.linalg.KernelThreads;
import org.saddlepoint.solvers.linalg.MatVec;

/**
 * y = A x and y = A^T x for a dense n x n matrix, single-threaded, by kernel (the library's
 * loops split over threads are {@link MatVecThreadsBenchmark}):
 * <ul>
 *   <li>{@code loopDouble*}: the library's plain loops ({@link MatVec}); {@code loopDoubleBoth} is
 *       {@link MatVec#multiplyBoth}, both products in one pass over A;</li>
 *   <li>{@code loopFloat*}: the same loops in float ({@link FloatMatVec});</li>
 *   <li>{@code ejml*}: EJML's {@code CommonOps_DDRM} / {@code CommonOps_FDRM} mult and multTransA
 *       (row-major, like the library);</li>
 *   <li>{@code ojalgo*}: ojAlgo's {@code R064Store} / {@code R032Store} (the double and float
 *       physical stores, formerly Primitive64Store / Primitive32Store; column-major), with
 *       {@code fillByMultiplying}: A x as (A)(x), A^T x as the row vector (x^T)(A). ojAlgo is
 *       limited to one thread so that every kernel runs on one core.</li>
 * </ul>
 * The bytes of A streamed per operation are 8 n^2 (double) or 4 n^2 (float), for
 * {@code *Both} too (one pass, two products); {@link Report} divides them by the time.
 * Inputs are random from a fixed seed, made in a trial-level setup that also checks every
 * kernel against a reference product, so a miswired kernel cannot be timed.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class MatVecBenchmark {
    static final long SEED = 0x5add1e9017L;

    @Param({"500", "2000"})
    public int n;

    // Plain arrays (row-major). Non-final fields of the state: nothing can be constant-folded.
    private double[] a;
    private double[] x;
    private double[] y;
    private double[] outRows;
    private double[] outCols;
    private float[] af;
    private float[] xf;
    private float[] yf;
    private float[] outRowsF;
    private float[] outColsF;

    // EJML (row-major, wraps its own copies).
    private DMatrixRMaj ejmlA;
    private DMatrixRMaj ejmlX;
    private DMatrixRMaj ejmlOut;
    private FMatrixRMaj ejmlAf;
    private FMatrixRMaj ejmlXf;
    private FMatrixRMaj ejmlOutF;

    // ojAlgo (column-major physical stores).
    private R064Store ojA;
    private R064Store ojX;
    private R064Store ojXRow;
    private R064Store ojOut;
    private R064Store ojOutRow;
    private R032Store ojAf;
    private R032Store ojXf;
    private R032Store ojXRowf;
    private R032Store ojOutF;
    private R032Store ojOutRowF;

    @Setup(Level.Trial)
    public void setUp() {
        OjAlgoUtils.limitThreadsTo(1);
        KernelThreads.setCount(1);
        double[][] axy = inputs(n);
        a = axy[0];
        x = axy[1];
        y = axy[2];
        outRows = new double[n];
        outCols = new double[n];
        af = toFloat(a);
        xf = toFloat(x);
        yf = toFloat(y);
        outRowsF = new float[n];
        outColsF = new float[n];

        ejmlA = DMatrixRMaj.wrap(n, n, a.clone());
        ejmlX = DMatrixRMaj.wrap(n, 1, x.clone());
        ejmlOut = new DMatrixRMaj(n, 1);
        ejmlAf = FMatrixRMaj.wrap(n, n, af.clone());
        ejmlXf = FMatrixRMaj.wrap(n, 1, xf.clone());
        ejmlOutF = new FMatrixRMaj(n, 1);

        ojA = R064Store.FACTORY.make(n, n);
        ojAf = R032Store.FACTORY.make(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                ojA.set(i, j, a[i * n + j]);
                ojAf.set(i, j, af[i * n + j]);
            }
        }
        ojX = R064Store.FACTORY.make(n, 1);
        ojXRow = R064Store.FACTORY.make(1, n);
        ojXf = R032Store.FACTORY.make(n, 1);
        ojXRowf = R032Store.FACTORY.make(1, n);
        for (int k = 0; k < n; k++) {
            ojX.set(k, 0, x[k]);
            ojXRow.set(0, k, x[k]);
            ojXf.set(k, 0, xf[k]);
            ojXRowf.set(0, k, xf[k]);
        }
        ojOut = R064Store.FACTORY.make(n, 1);
        ojOutRow = R064Store.FACTORY.make(1, n);
        ojOutF = R032Store.FACTORY.make(n, 1);
        ojOutRowF = R032Store.FACTORY.make(1, n);

        verifyKernels();
    }

    /** A (n x n row-major), x and y with entries U[-1, 1) from {@link #SEED}: the inputs of every kernel benchmark. */
    static double[][] inputs(int n) {
        SplittableRandom rng = new SplittableRandom(SEED);
        double[] a = new double[n * n];
        for (int k = 0; k < a.length; k++) {
            a[k] = rng.nextDouble(-1.0, 1.0);
        }
        double[] x = new double[n];
        double[] y = new double[n];
        for (int k = 0; k < n; k++) {
            x[k] = rng.nextDouble(-1.0, 1.0);
            y[k] = rng.nextDouble(-1.0, 1.0);
        }
        return new double[][] {a, x, y};
    }

    /** Every kernel once against a straightforward reference product. */
    private void verifyKernels() {
        double[] refAx = new double[n];
        double[] refATx = new double[n];
        double[] refATy = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) {
                s += a[i * n + j] * x[j];
                refATx[j] += a[i * n + j] * x[i];
                refATy[j] += a[i * n + j] * y[i];
            }
            refAx[i] = s;
        }
        double dTol = 1e-9 * n;
        double fTol = 2e-4 * n; // float rounding of A, x and of n-term sums, entries in [-1, 1]
        check("loopDoubleAx", refAx, loopDoubleAx());
        check("loopDoubleATx", refATx, loopDoubleATx());
        MatVec.multiplyBoth(a, n, n, x, y, outRows, outCols);
        check("loopDoubleBoth/Ax", refAx, outRows, dTol);
        check("loopDoubleBoth/ATy", refATy, outCols, dTol);
        check("loopFloatAx", refAx, loopFloatAx(), fTol);
        check("loopFloatATx", refATx, loopFloatATx(), fTol);
        FloatMatVec.multiplyBoth(af, n, n, xf, yf, outRowsF, outColsF);
        check("loopFloatBoth/Ax", refAx, outRowsF, fTol);
        check("loopFloatBoth/ATy", refATy, outColsF, fTol);
        check("ejmlDoubleAx", refAx, ejmlDoubleAx().data, dTol);
        check("ejmlDoubleATx", refATx, ejmlDoubleATx().data, dTol);
        check("ejmlFloatAx", refAx, ejmlFloatAx().data, fTol);
        check("ejmlFloatATx", refATx, ejmlFloatATx().data, fTol);
        check("ojalgoDoubleAx", refAx, ojalgoDoubleAx().toRawCopy1D(), dTol);
        check("ojalgoDoubleATx", refATx, ojalgoDoubleATx().toRawCopy1D(), dTol);
        check("ojalgoFloatAx", refAx, ojalgoFloatAx().toRawCopy1D(), fTol);
        check("ojalgoFloatATx", refATx, ojalgoFloatATx().toRawCopy1D(), fTol);
    }

    private void check(String kernel, double[] ref, double[] got) {
        check(kernel, ref, got, 1e-9 * n);
    }

    private static void check(String kernel, double[] ref, float[] got, double tol) {
        double[] d = new double[got.length];
        for (int k = 0; k < d.length; k++) {
            d[k] = got[k];
        }
        check(kernel, ref, d, tol);
    }

    private static void check(String kernel, double[] ref, double[] got, double tol) {
        if (got.length != ref.length) {
            throw new IllegalStateException(kernel + ": length " + got.length + ", expected " + ref.length);
        }
        for (int k = 0; k < ref.length; k++) {
            if (!(Math.abs(got[k] - ref[k]) <= tol)) {
                throw new IllegalStateException(kernel + ": entry " + k + " is " + got[k] + ", expected " + ref[k]);
            }
        }
    }

    private static float[] toFloat(double[] v) {
        float[] f = new float[v.length];
        for (int k = 0; k < v.length; k++) {
            f[k] = (float) v[k];
        }
        return f;
    }

    // ---- library's plain double loops ----

    @Benchmark
    public double[] loopDoubleAx() {
        MatVec.multiply(a, n, n, x, outRows);
        return outRows;
    }

    @Benchmark
    public double[] loopDoubleATx() {
        MatVec.multiplyTranspose(a, n, n, x, outCols);
        return outCols;
    }

    /** A x and A^T y in one pass over A. */
    @Benchmark
    public void loopDoubleBoth(Blackhole bh) {
        MatVec.multiplyBoth(a, n, n, x, y, outRows, outCols);
        bh.consume(outRows);
        bh.consume(outCols);
    }

    // ---- the same loops in float ----

    @Benchmark
    public float[] loopFloatAx() {
        FloatMatVec.multiply(af, n, n, xf, outRowsF);
        return outRowsF;
    }

    @Benchmark
    public float[] loopFloatATx() {
        FloatMatVec.multiplyTranspose(af, n, n, xf, outColsF);
        return outColsF;
    }

    @Benchmark
    public void loopFloatBoth(Blackhole bh) {
        FloatMatVec.multiplyBoth(af, n, n, xf, yf, outRowsF, outColsF);
        bh.consume(outRowsF);
        bh.consume(outColsF);
    }

    // ---- EJML ----

    @Benchmark
    public DMatrixRMaj ejmlDoubleAx() {
        return CommonOps_DDRM.mult(ejmlA, ejmlX, ejmlOut);
    }

    @Benchmark
    public DMatrixRMaj ejmlDoubleATx() {
        return CommonOps_DDRM.multTransA(ejmlA, ejmlX, ejmlOut);
    }

    @Benchmark
    public FMatrixRMaj ejmlFloatAx() {
        return CommonOps_FDRM.mult(ejmlAf, ejmlXf, ejmlOutF);
    }

    @Benchmark
    public FMatrixRMaj ejmlFloatATx() {
        return CommonOps_FDRM.multTransA(ejmlAf, ejmlXf, ejmlOutF);
    }

    // ---- ojAlgo ----

    @Benchmark
    public R064Store ojalgoDoubleAx() {
        ojOut.fillByMultiplying(ojA, ojX);
        return ojOut;
    }

    /** (A^T x)^T = x^T A: a row vector times A. */
    @Benchmark
    public R064Store ojalgoDoubleATx() {
        ojOutRow.fillByMultiplying(ojXRow, ojA);
        return ojOutRow;
    }

    @Benchmark
    public R032Store ojalgoFloatAx() {
        ojOutF.fillByMultiplying(ojAf, ojXf);
        return ojOutF;
    }

    @Benchmark
    public R032Store ojalgoFloatATx() {
        ojOutRowF.fillByMultiplying(ojXRowf, ojAf);
        return ojOutRowF;
    }
}
