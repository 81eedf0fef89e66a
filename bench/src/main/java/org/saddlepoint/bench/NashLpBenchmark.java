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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.saddlepoint.games.MatrixGame;
import org.saddlepoint.games.MatrixGameSolution;
import org.saddlepoint.games.NashMethod;
import org.saddlepoint.games.NashOptions;
import org.saddlepoint.games.NashSolver;

/**
 * Time for one exact LP solve ({@link NashMethod#LP}, the default backend) of the same random
 * games as {@link NashBenchmark}, OR-Tools' native libraries loaded beforehand (untimed). The LP
 * has no tolerance, so it runs once per n (run.sh gives n = 500 a warm-up); it must still
 * come back OPTIMAL with a verified relative gap &lt;= {@code tol} (the tightest tolerance the
 * iterative methods are compared at), or the configuration fails.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx8g"})
public class NashLpBenchmark {
    @Param({"500", "2000"})
    public int n;

    /** Not passed to the LP: the relative gap its exact answer must certify. */
    @Param({"1e-6"})
    public double tol;

    /** Wall-clock limit of the solve, seconds. */
    @Param({"1800"})
    public double timeLimit;

    private double[] payoff;
    private NashOptions options;
    private MatrixGame game;
    private MatrixGameSolution last;

    @Setup(Level.Trial)
    public void setUpTrial() {
        // Once per process, not per solve: extracting and loading OR-Tools' native libraries
        // (tens of MB) must not be timed as part of the first LP solve.
        com.google.ortools.Loader.loadNativeLibraries();
        options = NashOptions.DEFAULT.withTimeLimit(timeLimit).withSeed(NashCases.SOLVER_SEED);
        payoff = NashCases.uniformPayoff(n);
    }

    @Setup(Level.Iteration)
    public void setUpIteration() {
        game = NashCases.game(n, payoff);
        last = null;
    }

    @Benchmark
    public void solve(Blackhole bh) {
        MatrixGameSolution s = NashSolver.solve(game, NashMethod.LP, options);
        NashCases.verify("lp", n, tol, game, s);
        last = s;
        bh.consume(s);
    }

    @TearDown(Level.Iteration)
    public void report() {
        if (last != null) {
            System.out.println("SP-BENCH-INFO " + NashCases.describe("lp", n, tol, game, last));
        }
    }
}
