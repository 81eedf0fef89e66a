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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.saddlepoint.games.preference.Egpo;
import org.saddlepoint.games.preference.NashMd;
import org.saddlepoint.games.preference.OnlineMirrorDescent;
import org.saddlepoint.games.preference.PreferenceGame;
import org.saddlepoint.games.preference.PreferenceLearner;
import org.saddlepoint.games.preference.PreferenceMatrix;

/**
 * Microseconds per policy update (updates per second = 1e6 / score) of the tabular preference-game
 * learners (EGPO: two products P pi per update; OMD and Nash-MD: one), on the EGPO simulations' "random" preference matrix over K
 * responses with beta = 0.1, eta = 1 / (1 + beta) and mu = softmax of K standard normals, all from
 * a fixed seed. One benchmark invocation is one update ({@link PreferenceLearner.Run#step()}); the
 * K^2 matrix-vector product dominates, so the expected ratios are EGPO : OMD : Nash-MD about
 * 1 : 2 : 2 and a 100x drop per 10x K once the matrix leaves the caches.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx6g"})
public class PreferenceUpdateBenchmark {
    static final long SEED = 2018011309L;
    static final double BETA = 0.1;

    @Param({"10", "100", "1000", "10000"})
    public int k;

    @Param({"egpo", "omd", "nash-md"})
    public String method;

    private PreferenceLearner.Run run;

    @Setup(Level.Trial)
    public void setUp() {
        PreferenceGame game = game(k, BETA);
        double eta = 1 / (1 + BETA);
        PreferenceLearner learner = switch (method) {
            case "egpo" -> Egpo.policySpace(eta);
            case "omd" -> new OnlineMirrorDescent(eta);
            case "nash-md" -> new NashMd(eta);
            default -> throw new IllegalArgumentException("method must be egpo, omd or nash-md, not " + method);
        };
        run = learner.iterate(game);
    }

    /** The "random" P over k responses and mu = softmax(N(0, I)), from {@link #SEED}. */
    static PreferenceGame game(int k, double beta) {
        SplittableRandom rng = new SplittableRandom(SEED);
        double[] mu = new double[k];
        double sum = 0;
        for (int y = 0; y < k; y++) {
            double z = Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
            mu[y] = Math.exp(z);
            sum += mu[y];
        }
        for (int y = 0; y < k; y++) {
            mu[y] /= sum;
        }
        return PreferenceGame.of(PreferenceMatrix.random(k, rng.nextLong()), mu, beta);
    }

    @Benchmark
    public void update(Blackhole bh) {
        run.step();
        bh.consume(run.policy()[0]);
    }
}
