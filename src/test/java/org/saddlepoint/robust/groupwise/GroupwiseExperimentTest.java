package org.saddlepoint.robust.groupwise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.saddlepoint.solvers.iteration.Checkpoint;

/** The protocol: reproducible from its seeds, progress per shuffle, and interruptible. */
class GroupwiseExperimentTest {
    private static final GroupedData DATA = SyntheticGroups.generate(3000, SyntheticGroups.Rule.MEAN, 1);
    private static final long[] SEEDS = {3, 4};

    @Test
    void reproducibleWithOneCheckpointPerShuffle() {
        List<Checkpoint> checkpoints = new ArrayList<>();
        GroupwiseReport first = GroupwiseExperiment.run(DATA, OracleKind.RIDGE, SEEDS, checkpoints::add);
        GroupwiseReport second = GroupwiseExperiment.run(DATA, OracleKind.RIDGE, SEEDS);
        assertEquals(2, checkpoints.size());
        for (int k = 0; k < SEEDS.length; k++) {
            GroupwiseRun run = first.runs().get(k);
            assertEquals(SEEDS[k], run.seed());
            assertEquals(k + 1, checkpoints.get(k).iteration());
            assertEquals(run.totalExpectedLoss(), checkpoints.get(k).certificate(), 0.0);
            // With the always-on group, its loss is the total loss.
            assertEquals(run.totalExpectedLoss(), run.expectedLoss()[DATA.groups() - 1], 1e-9);
            assertArrayEquals(run.expectedLoss(), second.runs().get(k).expectedLoss(), 0.0);
            assertArrayEquals(run.baselineLoss(), second.runs().get(k).baselineLoss(), 0.0);
        }
    }

    @Test
    void interruptedRunKeepsTheShufflesDone() {
        Thread.currentThread().interrupt();
        try {
            GroupwiseReport report = GroupwiseExperiment.run(DATA, OracleKind.RIDGE, SEEDS);
            assertTrue(report.runs().isEmpty());
        } finally {
            assertTrue(Thread.interrupted());
        }
    }
}
