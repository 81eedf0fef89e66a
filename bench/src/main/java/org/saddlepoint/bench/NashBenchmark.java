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
import org.saddlepoint.solvers.kernels.KernelBackend;
import org.saddlepoint.solvers.kernels.Kernels;
import org.saddlepoint.solvers.kernels.Precision;
import org.saddlepoint.solvers.linalg.KernelThreads;

/**
 * Time for one {@link NashSolver#solve} to reach a relative duality gap
 * (gap / (max A - min A)) of {@code tol} on a uniform random n x n game (entries U[0, 1),
 * fixed seed), per iterative method ({@link NashMethod#cliName()}) and for {@code default}, the
 * method NashSolver picks itself. The exact LP is {@link NashLpBenchmark} (it has no tolerance).
 *
 * <p>Each measured invocation is exactly one solve; a solve that does not come back CONVERGED
 * with a verified relative gap &lt;= tol and strategies in the simplices throws, so the
 * configuration is reported as failed instead of timed (see {@link NashCases#verify}).
 *
 * <p>{@code backend} ({@code java} by default, or {@code opencl}) goes to
 * {@link NashOptions#withBackend}; only {@code rm-plus} uses it, so {@code opencl} is refused for
 * every other method, and refused too when OpenCL cannot start here (the library would fall back
 * to plain Java and the time would be mislabelled). In the logs and tables a non-java run is the
 * method {@code rm-plus@opencl} ({@link NashCases#label}). {@code precision} {@code float} (rm-plus only)
 * runs the iterations in float, certified in double: {@code rm-plus@opencl/float}.
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

    /** The kernel backend, {@code java} or {@code opencl} (rm-plus only). */
    @Param({"java"})
    public String backend;

    /**
     * The precision of the iterations, {@code double} or {@code float} (rm-plus on a kernel backend
     * only, {@link NashOptions#withPrecision}); the gap is always certified in double.
     */
    @Param({"double"})
    public String precision;

    /**
     * Threads of the matrix-vector products ({@link KernelThreads#setCount}); 0 keeps the
     * library's default, one per processor.
     */
    @Param({"0"})
    public int threads;

    private double[] payoff;
    private NashMethod nashMethod;
    private NashOptions options;
    private MatrixGame game;
    private MatrixGameSolution last;
    private String label;

    @Setup(Level.Trial)
    public void setUpTrial() {
        nashMethod = "default".equals(method) ? null : NashMethod.fromCliName(method);
        KernelBackend kernelBackend = switch (backend) {
            case "java" -> KernelBackend.JAVA;
            case "opencl" -> KernelBackend.OPENCL;
            default -> throw new IllegalArgumentException("backend must be java or opencl, not " + backend);
        };
        if (kernelBackend != KernelBackend.JAVA) {
            if (nashMethod != NashMethod.RM_PLUS) {
                throw new IllegalArgumentException("backend " + backend + " is used by rm-plus only, not " + method);
            }
            try (Kernels k = Kernels.open(kernelBackend)) { // untimed: also builds (and caches) the kernels
                if (k.backend() != kernelBackend) {
                    throw new IllegalStateException("asked for backend " + kernelBackend + " but Kernels.open gave "
                            + k.backend() + ": not timing it under the wrong name");
                }
                System.out.println("SP-BENCH-BACKEND backend=" + backend + " device=\""
                        + k.description().replace('"', '\'') + "\"");
            }
        }
        Precision iterationPrecision = switch (precision) {
            case "double" -> Precision.DOUBLE;
            case "float" -> Precision.FLOAT;
            default -> throw new IllegalArgumentException("precision must be double or float, not " + precision);
        };
        if (iterationPrecision == Precision.FLOAT && nashMethod != NashMethod.RM_PLUS) {
            throw new IllegalArgumentException("float precision is used by rm-plus only, not " + method);
        }
        if (threads < 0) {
            throw new IllegalArgumentException("threads must be 0 (default) or positive, not " + threads);
        }
        if (threads > 0) { // each trial runs in its own fork: 0 leaves the library's default alone
            KernelThreads.setCount(threads);
        }
        label = NashCases.label(method, backend, precision, Integer.toString(threads));
        options = NashOptions.DEFAULT.withRelativeTolerance(tol).withMaxIterations(maxIterations)
                .withTimeLimit(timeLimit).withSeed(NashCases.SOLVER_SEED).withBackend(kernelBackend)
                .withPrecision(iterationPrecision);
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
        NashCases.verify(label, n, tol, game, s); // O(n): cheap next to the solve
        last = s;
        bh.consume(s);
    }

    @TearDown(Level.Iteration)
    public void report() {
        if (last != null) {
            System.out.println("SP-BENCH-INFO " + NashCases.describe(label, n, tol, game, last));
        }
    }
}
