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
 * Time for one {@link NashSolver#solve} to reach a relative duality gap
 * (gap / (max A - min A)) of {@code tol} on a uniform random n x n game (entries U[0, 1),
 * fixed seed), per iterative method ({@link NashMethod#cliName()}) and for {@code default}, the
 * method NashSolver picks itself. The exact LP is {@link NashLpBenchmark} (it has no tolerance).
 *
 * <p>Each measured invocation is exactly one solve; a solve that does not come back CONVERGED
 * with a verified relative gap &lt;= tol and strategies in the simplices throws, so the
 * configuration is reported as failed instead of timed (see {@link NashCases#verify}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx4g"})
public class NashBenchmark {
    @Param({"500", "2000"})
    public int n;

    @Param({"1e-4", "1e-6"})
    public double tol;

    /** A {@link NashMethod#cliName()}, or {@code default} for {@code NashSolver.solve(game, options)}. */
    @Param({"default", "prm-plus", "rm-plus", "halpern", "extragradient", "optimistic", "mwu"})
    public String method;

    /** Wall-clock limit of one solve, seconds. A solve that hits it fails the configuration. */
    @Param({"600"})
    public double timeLimit;

    @Param({"100000000"})
    public int maxIterations;

    private double[] payoff;
    private NashMethod nashMethod;
    private NashOptions options;
    private MatrixGame game;
    private MatrixGameSolution last;

    @Setup(Level.Trial)
    public void setUpTrial() {
        nashMethod = "default".equals(method) ? null : NashMethod.fromCliName(method);
        options = NashOptions.DEFAULT.withRelativeTolerance(tol).withMaxIterations(maxIterations)
                .withTimeLimit(timeLimit).withSeed(NashCases.SOLVER_SEED);
        payoff = NashCases.uniformPayoff(n);
    }

    /** A fresh game object each iteration (not timed): nothing one solve caches can help the next. */
    @Setup(Level.Iteration)
    public void setUpIteration() {
        game = NashCases.game(n, payoff);
        last = null;
    }

    @Benchmark
    public void solve(Blackhole bh) {
        MatrixGameSolution s = nashMethod == null
                ? NashSolver.solve(game, options)
                : NashSolver.solve(game, nashMethod, options);
        NashCases.verify(method, n, tol, game, s); // O(n): cheap next to the solve
        last = s;
        bh.consume(s);
    }

    @TearDown(Level.Iteration)
    public void report() {
        if (last != null) {
            System.out.println("SP-BENCH-INFO " + NashCases.describe(method, n, tol, game, last));
        }
    }
}
