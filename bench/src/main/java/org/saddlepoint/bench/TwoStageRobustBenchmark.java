package org.saddlepoint.bench;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.saddlepoint.robust.neur2ro.KnapsackTrainingData;
import org.saddlepoint.robust.neur2ro.KnapsackValueModel;
import org.saddlepoint.robust.neur2ro.Neur2RoKnapsack;
import org.saddlepoint.robust.twostage.CcgOptions;
import org.saddlepoint.robust.twostage.ColumnAndConstraintGeneration;
import org.saddlepoint.robust.twostage.RobustKnapsack;
import org.saddlepoint.robust.twostage.RobustKnapsackGenerator;
import org.saddlepoint.robust.twostage.RobustKnapsackGenerator.Correlation;
import org.saddlepoint.solvers.mip.MipBackend;
import org.saddlepoint.solvers.neural.SetEncoderTrainer;

/**
 * Exact CCG and Neur2RO on generated uncorrelated two-stage robust knapsacks of n items (h = 40,
 * budget factor 0.2, delta 0.5, seed 1). {@link #ccgThreeIterations} runs exact CCG capped at three
 * iterations (three master MIPs and three exact adversaries; divide by 3 for the time per iteration);
 * {@link #neur2ro} runs Neur2RO's ML-CCG to its own stop ({@link #backend} for its MIPs) with a small model
 * trained in the setup (8 instances of n in {10, 15, 20} x 5 decisions x 10 scenarios, 20 epochs; its quality is not the
 * point here, its MIP sizes are those of any trained model). Training is excluded.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx2g"})
public class TwoStageRobustBenchmark {
    @Param({"10", "15", "20"})
    public int n;

    /** The MIP backend of Neur2RO's main and adversarial problems. */
    @Param({"HIGHS", "CBC"})
    public MipBackend backend;

    private RobustKnapsack problem;
    private KnapsackValueModel model;

    @Setup
    public void setup() {
        problem = RobustKnapsackGenerator.generate(1, n, Correlation.UN, 40, 0.2, 0.5);
        model = KnapsackValueModel.train(KnapsackTrainingData.generate(7, 8, new int[] {10, 15, 20}, 5, 10),
                SetEncoderTrainer.Options.DEFAULT.withEpochs(20));
    }

    @Benchmark
    public double ccgThreeIterations() {
        return ColumnAndConstraintGeneration.solve(problem, CcgOptions.DEFAULT.withMaxIterations(3)).upperBound();
    }

    @Benchmark
    public double neur2ro() {
        return Neur2RoKnapsack.solve(problem, model, backend, 600).objective();
    }
}
