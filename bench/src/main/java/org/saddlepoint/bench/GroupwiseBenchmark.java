package org.saddlepoint.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

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
import org.saddlepoint.robust.groupwise.GroupwiseRegressor;
import org.saddlepoint.solvers.online.OnlineRidge;

/**
 * One round (advise, then learn) of the groupwise-regret algorithm of Acharya et al. (ICLR 2024)
 * with online ridge oracles, against the number of groups G and the dimension d. Each round a
 * random tenth of the groups is awake plus the always-on group, |I_t| = G/10 + 1, so a round costs
 * O(|I_t| d^2) (Sherman-Morrison per awake oracle) and O(|I_t|) for sleeping AdaNormalHedge: the
 * time per round divided by |I_t| d^2 should stay flat across G. Rows are random from a fixed seed
 * and cycle through 256 precomputed ones; the oracles' state keeps growing, which does not change
 * the cost of a round.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class GroupwiseBenchmark {
    static final long SEED = 0x67e0b5L;
    static final int ROWS = 256;

    @Param({"10", "100", "1000"})
    public int groups;

    @Param({"10", "30", "100"})
    public int d;

    private GroupwiseRegressor learner;
    private double[][] x;
    private double[] y;
    private int[][] awake;
    private int next;

    @Setup
    public void setUp() {
        SplittableRandom rng = new SplittableRandom(SEED);
        learner = new GroupwiseRegressor(groups, () -> new OnlineRidge(d, 1.0));
        x = new double[ROWS][d];
        y = new double[ROWS];
        awake = new int[ROWS][];
        int sleepers = groups - 1;
        for (int t = 0; t < ROWS; t++) {
            for (int i = 0; i < d; i++) {
                x[t][i] = rng.nextDouble();
            }
            y[t] = rng.nextDouble();
            int[] order = IntStream.range(0, sleepers).toArray();
            for (int i = sleepers - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int swap = order[i];
                order[i] = order[j];
                order[j] = swap;
            }
            awake[t] = IntStream.concat(IntStream.of(order).limit(groups / 10), IntStream.of(groups - 1))
                    .sorted().toArray();
        }
    }

    @Benchmark
    public double round() {
        int t = next;
        next = (next + 1) % ROWS;
        GroupwiseRegressor.Advice advice = learner.advise(x[t], awake[t]);
        return learner.learn(x[t], advice, y[t]);
    }
}
