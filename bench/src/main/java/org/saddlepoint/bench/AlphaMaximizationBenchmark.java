package org.saddlepoint.bench;

import java.util.Arrays;
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
import org.openjdk.jmh.annotations.Warmup;
import org.saddlepoint.robust.mdp.TotalVariationDual;

/**
 * The exact alpha maximization of the TV dual for one step ({@link TotalVariationDual#maximize}: one sort of the n
 * next-state values, prefix sums for d coordinates), on ridge-like weights of both signs; the part of
 * {@link RobustLearnerBenchmark}'s refit that must not dominate it (refit does it H = 3 times).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx2g"})
public class AlphaMaximizationBenchmark {
    @Param({"4", "30", "100"})
    public int d;

    @Param({"100", "1000"})
    public int samples;

    private double[] weights;
    private double[] values;
    private double[] rho;

    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom random = new SplittableRandom(7);
        weights = new double[samples * d];
        values = new double[samples];
        rho = new double[d];
        for (int k = 0; k < weights.length; k++) {
            weights[k] = random.nextDouble() - 0.3;
        }
        for (int t = 0; t < samples; t++) {
            values[t] = 3 * random.nextDouble();
        }
        Arrays.fill(rho, 0.3);
    }

    @Benchmark
    public double[] alphaMaximization() {
        return TotalVariationDual.maximize(weights, values, samples, rho, 0);
    }
}
