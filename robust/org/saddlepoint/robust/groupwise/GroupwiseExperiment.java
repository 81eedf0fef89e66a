package org.saddlepoint.robust.groupwise;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.saddlepoint.solvers.iteration.Checkpoint;
import org.saddlepoint.solvers.iteration.IterationListener;
import org.saddlepoint.solvers.online.OnlineRegressor;

/**
 * The protocol of the experiments of Acharya et al. (ICLR 2024, [R] Groupwise_seedruns.py): the
 * rows of a data set are played in the order of a random shuffle; the groupwise algorithm (one
 * oracle per group, sleeping AdaNormalHedge over the awake groups) and the baseline (one oracle
 * on every round, with the same features, which include the group indicators) predict each
 * round; per group g the cumulative losses on its rounds are compared with SSE*_g, the residual
 * sum of squares of least squares fit on the rows of g in hindsight.
 */
public final class GroupwiseExperiment {
    /** The ten shuffle seeds of the paper's experiments. */
    public static final long[] PAPER_SEEDS = {473, 503, 623, 550, 692, 989, 617, 458, 301, 205};
    /** The interrupt flag is checked every 1024 rounds. */
    private static final int INTERRUPT_CHECK_MASK = 1023;

    private GroupwiseExperiment() {
    }

    /**
     * Plays {@code data} in the order of {@link RandomStatePermutation} with {@code seed}, with
     * oracles from {@code oracle}.
     */
    public static GroupwiseRun run(GroupedData data, Supplier<? extends OnlineRegressor> oracle, long seed) {
        return play(data, oracle, seed, false);
    }

    /** One shuffle; with {@code interruptible}, null as soon as the thread is found interrupted. */
    private static GroupwiseRun play(GroupedData data, Supplier<? extends OnlineRegressor> oracle, long seed,
            boolean interruptible) {
        int[] order = RandomStatePermutation.of(data.rows(), seed);
        int groups = data.groups();
        double[] baselineLoss = new double[groups];
        double[] expectedLoss = new double[groups];
        double[] mixtureLoss = new double[groups];
        OnlineRegressor baseline = oracle.get();
        GroupwiseRegressor groupwise = new GroupwiseRegressor(groups, oracle);
        double total = 0;
        for (int i = 0; i < order.length; i++) {
            if (interruptible && (i & INTERRUPT_CHECK_MASK) == 0 && Thread.currentThread().isInterrupted()) {
                return null;
            }
            int row = order[i];
            double[] x = data.features(row);
            double y = data.label(row);
            int[] awake = data.groupsOf(row);
            double baselineError = baseline.predict(x) - y;
            baseline.update(x, y);
            GroupwiseRegressor.Advice advice = groupwise.advise(x, awake);
            double mixtureError = advice.mixture() - y;
            double expected = groupwise.learn(x, advice, y);
            total += expected;
            for (int g : awake) {
                baselineLoss[g] += baselineError * baselineError;
                expectedLoss[g] += expected;
                mixtureLoss[g] += mixtureError * mixtureError;
            }
        }
        return new GroupwiseRun(seed, baselineLoss, expectedLoss, mixtureLoss, total);
    }

    /** Runs one shuffle per seed and summarises them. */
    public static GroupwiseReport run(GroupedData data, OracleKind oracle, long[] seeds) {
        return run(data, oracle, seeds, IterationListener.NONE);
    }

    /**
     * Runs one shuffle per seed and summarises them; after shuffle k the listener gets a checkpoint
     * with iteration k and, as its value, the groupwise algorithm's total expected loss on that
     * shuffle. Stops early when the thread is interrupted (checked every 1024 rounds), with the
     * shuffles completed so far.
     */
    public static GroupwiseReport run(GroupedData data, OracleKind oracle, long[] seeds, IterationListener listener) {
        Supplier<OnlineRegressor> factory = oracle.factory(data);
        long start = System.nanoTime();
        List<GroupwiseRun> runs = new ArrayList<>();
        for (long seed : seeds) {
            GroupwiseRun run = play(data, factory, seed, true);
            if (run == null) {
                break;
            }
            runs.add(run);
            listener.checkpoint(new Checkpoint(runs.size(), (System.nanoTime() - start) * 1e-9, run.totalExpectedLoss()));
        }
        return GroupwiseReport.of(data, oracle, runs, (System.nanoTime() - start) * 1e-9);
    }
}
