package org.saddlepoint.robust.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saddlepoint.cli.CliRun;
import org.saddlepoint.cli.EnumConverter;
import org.saddlepoint.robust.mdp.ExperimentRun;
import org.saddlepoint.robust.mdp.LearnerOptions;
import org.saddlepoint.robust.mdp.OnlineLearner;
import org.saddlepoint.robust.mdp.SimulatedLinearMdp;
import org.saddlepoint.robust.mdp.SimulatedMdpExperiment;

/** {@code saddlepoint robust-mdp}, run in-process. */
class RobustMdpCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double[] ROBUST_ROW = {1.2310, 1.1510, 1.0710, 0.9910, 0.9110, 0.8310};
    private static final double[] NOMINAL_ROW = {1.4232, 1.2632, 1.1032, 0.9432, 0.7832, 0.6232};

    @TempDir
    Path dir;

    private static double[] array(JsonNode node) {
        double[] a = new double[node.size()];
        for (int k = 0; k < a.length; k++) {
            a[k] = node.get(k).asDouble();
        }
        return a;
    }

    @Test
    void jsonReportsEachSeedAsTheLibraryComputesIt() throws IOException {
        CliRun run = CliRun.of("robust-mdp", "simulated", "--learner", "dr-rpo", "--episodes", "40", "--seeds", "2",
                "--seed", "5", "--eta", "10", "--json", "-q");
        assertEquals(0, run.exitCode(), run.toString());
        JsonNode node = JSON.readTree(run.out());
        assertEquals("dr-rpo", node.get("learner").asText());
        assertEquals("completed", node.get("status").asText());
        assertArrayEquals(ROBUST_ROW, array(node.get("optimal_target_returns")), 1e-4);
        assertEquals(0.9447, node.get("optimal_value").asDouble(), 1e-4);
        JsonNode seeds = node.get("seeds");
        assertEquals(2, seeds.size());
        double[] mean = new double[ROBUST_ROW.length];
        for (int k = 0; k < 2; k++) {
            JsonNode seed = seeds.get(k);
            assertEquals(5 + k, seed.get("seed").asLong());
            ExperimentRun expected = SimulatedMdpExperiment.run(SimulatedLinearMdp.nominal(0.3, 0.1),
                    OnlineLearner.DR_RPO, 0.7, LearnerOptions.DEFAULT.withTau(0.001).withEta(10), 40,
                    Double.POSITIVE_INFINITY, 5 + k, SimulatedMdpExperiment.LEVELS, null);
            assertArrayEquals(expected.targetReturns(), array(seed.get("target_returns")), 0);
            assertEquals(expected.training().regret(), seed.get("regret").asDouble(), 0);
            for (int q = 0; q < mean.length; q++) {
                mean[q] += expected.targetReturns()[q] / 2;
            }
        }
        assertArrayEquals(mean, array(node.get("mean_target_returns")), 1e-15);
    }

    @Test
    void nonRobustLearnerIsJudgedByTheNominalOptimum() throws IOException {
        CliRun run = CliRun.of("robust-mdp", "simulated", "--learner", "lsvi-ucb", "--episodes", "30", "--json");
        assertEquals(0, run.exitCode(), run.toString());
        JsonNode node = JSON.readTree(run.out());
        assertArrayEquals(NOMINAL_ROW, array(node.get("optimal_target_returns")), 1e-4);
        assertEquals(1.4232, node.get("optimal_value").asDouble(), 1e-4);
    }

    @Test
    void reportAndPlot() throws IOException {
        Path png = dir.resolve("regret.png");
        CliRun run = CliRun.of("robust-mdp", "simulated", "--learner", "dr-lsvi-ucb", "--episodes", "30", "--seeds", "2",
                "--plot", png.toString());
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("target return:"), run.out());
        assertTrue(run.out().contains("[1.2310, 1.1510, 1.0710, 0.9910, 0.9110, 0.8310]"), run.out());
        assertTrue(run.out().contains("seed 1:"), run.out());
        byte[] bytes = Files.readAllBytes(png);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(bytes, 4));
    }

    /** The American put: Monte Carlo payoffs per p, no regret and no exact optimum. */
    @Test
    void americanPutReportsMonteCarloPayoffs() throws IOException {
        CliRun run = CliRun.of("robust-mdp", "american-put", "--learner", "dr-lsvi-ucb", "--episodes", "20", "--json");
        assertEquals(0, run.exitCode(), run.toString());
        JsonNode node = JSON.readTree(run.out());
        assertArrayEquals(new double[] {0.2, 0.4, 0.5, 0.6, 0.8, 1.0}, array(node.get("levels")), 0);
        assertEquals(0.1, node.get("rho").asDouble());
        double[] payoff = array(node.get("mean_target_returns"));
        for (double x : payoff) {
            assertTrue(x >= 0 && x <= 100, Arrays.toString(payoff));
        }
        assertTrue(node.get("mean_regret").isNull());
        assertFalse(node.has("optimal_target_returns"));
        assertBadInput("robust-mdp", "american-put", "--episodes", "5", "--plot", dir.resolve("p.png").toString());
    }

    private static void assertBadInput(String... args) {
        CliRun.assertBadInput(CliRun.of(args), "");
    }

    @Test
    void badInputExitsWithTwo() {
        assertBadInput("robust-mdp", "gridworld");
        assertBadInput("robust-mdp", "simulated", "--learner", "ppo");
        assertBadInput("robust-mdp", "simulated", "--rho", "1.5");
        assertBadInput("robust-mdp", "simulated", "--rho", "NaN");
        assertBadInput("robust-mdp", "simulated", "--episodes", "0");
        assertBadInput("robust-mdp", "simulated", "--seeds", "-1");
        assertBadInput("robust-mdp", "simulated", "--tau", "-0.1");
        assertBadInput("robust-mdp", "simulated", "--eta", "0");
        assertBadInput("robust-mdp", "simulated", "--lambda", "0");
        assertBadInput("robust-mdp", "simulated", "--beta", "abc");
        assertBadInput("robust-mdp", "simulated", "--time-limit", "-3");
        assertBadInput("robust-mdp", "simulated", "--plot", dir.resolve("missing").resolve("x.png").toString());
        assertBadInput("robust-mdp");
    }

    /** The report prints OnlineLearner.cliName(); --learner must accept exactly those names. */
    @Test
    void everyLearnerIsAcceptedByItsPrintedName() {
        for (OnlineLearner l : OnlineLearner.values()) {
            assertEquals(EnumConverter.cliName(l), l.cliName());
            assertEquals(l, new RobustMdpCommand.LearnerConverter().convert(l.cliName()));
        }
    }
}
