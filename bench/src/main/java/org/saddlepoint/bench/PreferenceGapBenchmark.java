package org.saddlepoint.bench;

import java.util.Locale;
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
import org.saddlepoint.games.preference.Egpo;
import org.saddlepoint.games.preference.OnlineMirrorDescent;
import org.saddlepoint.games.preference.PreferenceGame;
import org.saddlepoint.games.preference.PreferenceLearner;
import org.saddlepoint.games.preference.PreferenceResult;
import org.saddlepoint.solvers.iteration.SolverStatus;
import org.saddlepoint.solvers.iteration.StoppingRule;

/**
 * Time for EGPO and OMD to bring the last iterate's Gap_beta to {@code tol} (1e-8) on the
 * {@link PreferenceUpdateBenchmark#game} with K = 1000, beta = 0.01, the same step
 * eta = 1 / (1 + beta) for both, the gap checked every 10 updates. A run that stops for any
 * other reason (the update cap or {@code timeLimit}) throws, so the configuration is reported as
 * failed, with the gap it reached in an SP-BENCH-FAIL line, instead of being timed.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx4g"})
public class PreferenceGapBenchmark {
    @Param({"1000"})
    public int k;

    @Param({"0.01"})
    public double beta;

    @Param({"1e-8"})
    public double tol;

    @Param({"egpo", "omd"})
    public String method;

    /** Wall-clock limit of one run, seconds. */
    @Param({"120"})
    public double timeLimit;

    private PreferenceGame game;
    private PreferenceLearner learner;
    private StoppingRule rule;
    private PreferenceResult last;

    @Setup(Level.Trial)
    public void setUp() {
        game = PreferenceUpdateBenchmark.game(k, beta);
        double eta = 1 / (1 + beta);
        learner = switch (method) {
            case "egpo" -> Egpo.policySpace(eta);
            case "omd" -> new OnlineMirrorDescent(eta);
            default -> throw new IllegalArgumentException("method must be egpo or omd, not " + method);
        };
        rule = StoppingRule.DEFAULT.withTolerance(tol).withMaxIterations(10_000_000).withTimeLimit(timeLimit)
                .withCheckInterval(10);
    }

    @Benchmark
    public void solve(Blackhole bh) {
        PreferenceResult r = learner.solve(game, rule, null);
        last = r;
        if (r.status() != SolverStatus.CONVERGED) {
            String line = String.format(Locale.ROOT, "SP-BENCH-FAIL %s k=%d beta=%s: %s after %d updates, %.1f s, "
                    + "Gap_beta %.3g > %s", method, k, beta, r.status(), r.iterations(), r.seconds(), r.dualityGap(), tol);
            System.out.println(line);
            throw new IllegalStateException(line);
        }
        bh.consume(r);
    }

    @TearDown(Level.Iteration)
    public void report() {
        if (last != null) {
            System.out.printf(Locale.ROOT, "SP-BENCH-INFO %s k=%d beta=%s: %s after %d updates, %.3f s, Gap_beta %.3g%n",
                    method, k, beta, last.status(), last.iterations(), last.seconds(), last.dualityGap());
        }
    }
}
