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
import org.saddlepoint.solvers.finitesum.FiniteSumIteration;
import org.saddlepoint.solvers.finitesum.FiniteSumOracle;
import org.saddlepoint.solvers.finitesum.FiniteSumProblem;
import org.saddlepoint.solvers.finitesum.Sampling;
import org.saddlepoint.solvers.finitesum.experiments.Experiment;
import org.saddlepoint.solvers.finitesum.experiments.FiniteSumInstance;
import org.saddlepoint.solvers.finitesum.experiments.MethodName;
import org.saddlepoint.solvers.finitesum.experiments.Preset;

/**
 * Wall clock of one epoch (n oracle calls) of each finite-sum method
 * ({@code saddlepoint finite-sum}'s method names, paper preset) on policeman-burglar n = 2000 and
 * on least squares n = 100,000, d = 20. One invocation runs the method's iterations until its
 * oracle has reached the next multiple of {@value #EPOCHS_PER_OP} epochs (two: one iteration of EG
 * or EAG); the run continues from invocation to invocation, so an iteration that overshoots the
 * mark is paid back by the next invocation, and the average is exactly {@value #EPOCHS_PER_OP}
 * epochs per operation. No certificate is evaluated: the time is the method's own work
 * (component and full evaluations, projections). Mode AverageTime, milliseconds per operation;
 * divide by {@value #EPOCHS_PER_OP} for milliseconds per epoch.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx4g"})
public class FiniteSumEpochBenchmark {
    /** Epochs per benchmark operation. */
    public static final int EPOCHS_PER_OP = 2;

    /** EXPERIMENT:n. */
    @Param({"policeman-burglar:2000", "least-squares:100000"})
    public String problem;

    @Param({"alg1", "alg2", "eg", "eag", "halpern", "vr-eg"})
    public String method;

    private FiniteSumOracle oracle;
    private FiniteSumIteration run;
    private long target;

    @Setup(Level.Trial)
    public void setUp() {
        String[] parts = problem.split(":");
        FiniteSumInstance instance = Experiment.fromCliName(parts[0]).generate(Integer.parseInt(parts[1]), 1);
        FiniteSumProblem p = instance.problem();
        oracle = new FiniteSumOracle(p, Sampling.uniform(p.components()), 1);
        run = instance.method(MethodName.fromCliName(method), Preset.PAPER).start(oracle, p.start());
    }

    /** Two epochs; returns an entry of the iterate so that nothing is dead code. */
    @Benchmark
    public double twoEpochs() {
        target += (long) EPOCHS_PER_OP * oracle.components();
        while (oracle.calls() < target) {
            run.step();
        }
        return run.point()[0];
    }
}
