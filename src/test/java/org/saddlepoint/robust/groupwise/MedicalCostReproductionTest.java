package org.saddlepoint.robust.groupwise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Spec 7.2: the Medical Cost experiment of Acharya et al. (ICLR 2024) on the paper's own file
 * (examples/groupwise/insurance.csv), online ridge (lambda = 1), 10 shuffles with the paper's
 * seeds, against the paper's table ([R] tables/medical.csv, mean over the 10 shuffles).
 */
class MedicalCostReproductionTest {
    static final Path DATA = Path.of("examples/groupwise/insurance.csv");
    static final Path GROUPS = Path.of("examples/groupwise/medical-groups.txt");

    /** name, T_g, paper baseline regret, paper Anh regret, paper SSE*. */
    record Paper(String name, int size, double baseline, double anh, double sse) {
    }

    static final List<Paper> PAPER = List.of(
            new Paper("young", 574, 0.547, -1.583, 5.404),
            new Paper("middle", 408, 0.376, -0.972, 3.336),
            new Paper("old", 356, 0.437, -0.643, 3.131),
            new Paper("underweight", 20, 0.157, 0.112, 0.027),
            new Paper("healthyweight", 225, 1.588, 0.364, 1.004),
            new Paper("overweight", 386, 1.547, 0.431, 1.837),
            new Paper("obese", 707, 3.420, 1.246, 3.651),
            new Paper("smoker", 274, 5.065, 1.474, 0.900),
            new Paper("non-smoker", 1064, 1.699, 0.732, 5.567),
            new Paper("male", 676, 0.647, -1.749, 6.112),
            new Paper("female", 662, 0.593, -1.569, 5.879),
            new Paper("always_on", 1338, 1.129, -3.429, 12.102));

    private static GroupedData data;
    private static GroupwiseReport report;

    @BeforeAll
    static void run() {
        data = GroupedCsv.read(DATA, "charges", GroupSpec.read(GROUPS), true);
        report = GroupwiseExperiment.run(data, OracleKind.RIDGE, GroupwiseExperiment.PAPER_SEEDS);
    }

    @Test
    void featuresAndGroupsAsInThePaper() {
        assertEquals(1338, data.rows());
        assertEquals(18, data.dimension(), data.featureNames().toString());
        for (int g = 0; g < PAPER.size(); g++) {
            assertEquals(PAPER.get(g).name(), data.groupNames().get(g));
            assertEquals(PAPER.get(g).size(), data.groupSize(g), PAPER.get(g).name());
        }
    }

    /** M1: the groupwise algorithm (expected loss) beats the baseline on 12 of 12 groups. */
    @Test
    void groupwiseBeatsBaselineOnEveryGroup() {
        for (GroupwiseReport.GroupResult r : report.groups()) {
            assertTrue(GroupwiseReport.mean(r.expectedRegret()) < GroupwiseReport.mean(r.baselineRegret()),
                    r.name());
        }
    }

    /** M2: per group, mean regrets within 0.10 of the paper's, SSE* within 0.02. */
    @Test
    void regretsAndSseMatchThePaper() {
        for (int g = 0; g < PAPER.size(); g++) {
            Paper paper = PAPER.get(g);
            GroupwiseReport.GroupResult ours = report.groups().get(g);
            assertEquals(paper.sse(), ours.sse(), 0.02, paper.name() + " SSE*");
            assertEquals(paper.baseline(), GroupwiseReport.mean(ours.baselineRegret()), 0.10, paper.name() + " baseline");
            assertEquals(paper.anh(), GroupwiseReport.mean(ours.expectedRegret()), 0.10, paper.name() + " Anh");
        }
    }

    /** M3: the mixture prediction is never worse than the expected-loss form (Jensen), every group and seed. */
    @Test
    void mixtureNeverWorseThanExpectedLoss() {
        for (GroupwiseRun run : report.runs()) {
            for (int g = 0; g < data.groups(); g++) {
                assertTrue(run.mixtureLoss()[g] <= run.expectedLoss()[g] + 1e-12,
                        data.groupNames().get(g) + ", seed " + run.seed());
            }
        }
    }
}
