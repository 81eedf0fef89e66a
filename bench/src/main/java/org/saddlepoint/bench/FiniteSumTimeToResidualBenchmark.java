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
import org.saddlepoint.solvers.finitesum.FiniteSumMethod;
import org.saddlepoint.solvers.finitesum.FiniteSumOptions;
import org.saddlepoint.solvers.finitesum.FiniteSumProblem;
import org.saddlepoint.solvers.finitesum.FiniteSumResult;
import org.saddlepoint.solvers.finitesum.FiniteSumSolver;
import org.saddlepoint.solvers.finitesum.experiments.LeastSquares;
import org.saddlepoint.solvers.finitesum.experiments.MethodName;
import org.saddlepoint.solvers.finitesum.experiments.Preset;
import org.saddlepoint.solvers.iteration.SolverStatus;

/**
 * Time for Algorithm 1 ({@code alg1}, eta = 1/L) and deterministic Halpern ({@code halpern},
 * eta = 2/L_F) to reach ||F(u)|| &lt;= 1e-2 ||F(u_0)|| on least squares n = 100,000, d = 20 (the
 * problem and metric of spec monotone-operators 5.1, instance seed 0), certificate checked every
 * {@code checkEpochs} epochs (its full evaluation is part of the time, as it is in any run that
 * must know when to stop). One solve per invocation; a solve that does not converge throws.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx4g"})
public class FiniteSumTimeToResidualBenchmark {
    @Param({"alg1", "halpern"})
    public String method;

    @Param({"100000"})
    public int n;

    @Param({"2"})
    public double checkEpochs;

    private FiniteSumProblem problem;
    private FiniteSumMethod solver;
    private FiniteSumOptions options;

    @Setup(Level.Trial)
    public void setUp() {
        LeastSquares instance = LeastSquares.generate(n, 20, 0);
        problem = instance.problem();
        solver = instance.method(MethodName.fromCliName(method), Preset.PAPER);
        double target = 1e-2 * problem.certificate().evaluate(problem.start());
        options = FiniteSumOptions.DEFAULT.withTolerance(target).withMaxEpochs(5000).withCheckEpochs(checkEpochs);
    }

    @Benchmark
    public double solve() {
        FiniteSumResult r = FiniteSumSolver.solve(problem, solver, options);
        if (r.status() != SolverStatus.CONVERGED) {
            throw new IllegalStateException(method + " did not converge: " + r);
        }
        System.out.println("SP-BENCH-FINITESUM method=" + method + " epochs=" + r.epochs());
        return r.certificate();
    }
}
