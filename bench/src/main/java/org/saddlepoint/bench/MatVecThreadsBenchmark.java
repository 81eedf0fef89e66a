package org.saddlepoint.bench;

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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.saddlepoint.solvers.linalg.KernelThreads;
import org.saddlepoint.solvers.linalg.MatVec;

/**
 * The library's double loops ({@link MatVec}) split over {@code threads} threads
 * ({@link KernelThreads}): A x by blocks of rows, A^T x by blocks of columns, and both products
 * (on more than one thread, as the two split products). {@code threads = 1} is the one-thread
 * baseline of the same run; the bytes of A streamed per product are 8 n^2 (16 n^2 for
 * {@code both} on more than one thread, which passes over A twice). Each configuration first
 * checks its products bit for bit against the one-thread products, so a miswired split cannot be
 * timed.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class MatVecThreadsBenchmark {
    @Param({"500", "2000"})
    public int n;

    @Param({"1", "2"})
    public int threads;

    private double[] a;
    private double[] x;
    private double[] y;
    private double[] outRows;
    private double[] outCols;

    @Setup(Level.Trial)
    public void setUp() {
        double[][] axy = MatVecBenchmark.inputs(n);
        a = axy[0];
        x = axy[1];
        y = axy[2];
        outRows = new double[n];
        outCols = new double[n];
        KernelThreads.setCount(1);
        double[] ax = ax().clone();
        double[] atx = atx().clone();
        KernelThreads.setCount(threads);
        requireSame("ax", ax, ax());
        requireSame("atx", atx, atx());
    }

    private static void requireSame(String kernel, double[] expected, double[] got) {
        if (!java.util.Arrays.equals(expected, got)) {
            throw new IllegalStateException(kernel + ": the split product differs from the one-thread product");
        }
    }

    @Benchmark
    public double[] ax() {
        MatVec.multiply(a, n, n, x, outRows);
        return outRows;
    }

    @Benchmark
    public double[] atx() {
        MatVec.multiplyTranspose(a, n, n, x, outCols);
        return outCols;
    }

    @Benchmark
    public void both(Blackhole bh) {
        MatVec.multiplyBoth(a, n, n, x, y, outRows, outCols);
        bh.consume(outRows);
        bh.consume(outCols);
    }
}
