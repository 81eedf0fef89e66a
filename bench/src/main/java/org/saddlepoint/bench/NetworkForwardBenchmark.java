package org.saddlepoint.bench;

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
import org.saddlepoint.solvers.kernels.KernelBackend;
import org.saddlepoint.solvers.kernels.Kernels;
import org.saddlepoint.solvers.neural.ReluNetwork;

/**
 * Forward-pass throughput of Neur2RO's knapsack per-item embedding (7-32-16, ReLU) through
 * {@link ReluNetwork#forward(Kernels, double[], int)} on the plain-Java and OpenCL kernel backends, for
 * batches of 1 to 10,000 rows (one call uploads the layers and the batch, runs, reads back). An OpenCL
 * request that fell back to Java fails the setup, so a Java number is never reported as OpenCL.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx2g"})
public class NetworkForwardBenchmark {
    @Param({"java", "opencl"})
    public String backend;

    @Param({"1", "10", "100", "1000", "10000"})
    public int batch;

    private Kernels kernels;
    private ReluNetwork network;
    private double[] inputs;

    @Setup(Level.Trial)
    public void setup() {
        KernelBackend wanted = KernelBackend.valueOf(backend.toUpperCase(java.util.Locale.ROOT));
        kernels = Kernels.open(wanted);
        if (kernels.backend() != wanted) {
            throw new IllegalStateException("asked for " + wanted + ", got " + kernels.description());
        }
        SplittableRandom rng = new SplittableRandom(3);
        network = ReluNetwork.initialise(new int[] {7, 32, 16}, false, rng);
        inputs = new double[batch * 7];
        for (int k = 0; k < inputs.length; k++) {
            inputs[k] = rng.nextDouble();
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        kernels.close();
    }

    @Benchmark
    public double[] forward() {
        return network.forward(kernels, inputs, batch);
    }
}
