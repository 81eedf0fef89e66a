package org.saddlepoint.robust.groupwise;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Spec 7.4: the synthetic experiment of Acharya et al. (ICLR 2024) at T = 20,000 with 3 seeds
 * (data and shuffle), online ridge: the groupwise algorithm beats the baseline on all 6 groups
 * for each of the four label rules (the paper: 24/24 at T = 100,000) and its regret on every
 * group stays at most 3 (paper at T = 100,000: at most 1.31; the baseline's reach 8 to 112), below
 * 1e-3 T_g (S3, a proposal of the spec).
 */
class SyntheticReproductionTest {
    static final int T = 20_000;
    static final long[] SEEDS = {21, 22, 23};

    @ParameterizedTest
    @EnumSource(SyntheticGroups.Rule.class)
    void groupwiseBeatsBaselineWithSmallRegretOnEveryGroup(SyntheticGroups.Rule rule) {
        int[] size = new int[6];
        double[][] baseline = new double[SEEDS.length][];
        double[][] groupwise = new double[SEEDS.length][];
        for (int k = 0; k < SEEDS.length; k++) {
            GroupedData data = SyntheticGroups.generate(T, rule, SEEDS[k]);
            GroupwiseReport report = GroupwiseReport.of(data, OracleKind.RIDGE,
                    List.of(GroupwiseExperiment.run(data, OracleKind.RIDGE.factory(data),
                            GroupwiseExperiment.PAPER_SEEDS[k])), 0);
            baseline[k] = report.groups().stream().mapToDouble(g -> g.baselineRegret()[0]).toArray();
            groupwise[k] = report.groups().stream().mapToDouble(g -> g.expectedRegret()[0]).toArray();
            size = report.groups().stream().mapToInt(GroupwiseReport.GroupResult::size).toArray();
        }
        for (int g = 0; g < 6; g++) {
            int group = g;
            double meanBaseline = Arrays.stream(baseline).mapToDouble(r -> r[group]).average().orElseThrow();
            double meanGroupwise = Arrays.stream(groupwise).mapToDouble(r -> r[group]).average().orElseThrow();
            String where = rule + ", group " + g + ": baseline " + meanBaseline + ", groupwise " + meanGroupwise;
            assertTrue(meanGroupwise < meanBaseline, where);
            for (double[] seed : groupwise) {
                assertTrue(seed[group] <= 3, where + ", one seed " + seed[group]);
            }
            assertTrue(meanGroupwise / size[g] < 1e-3, where + ": not sublinear (S3), T_g " + size[g]);
        }
    }
}
