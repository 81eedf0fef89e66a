package org.saddlepoint.robust.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saddlepoint.cli.CliRun;
import org.saddlepoint.robust.neur2ro.CapitalBudgetingValueModel;
import org.saddlepoint.robust.twostage.CapitalBudgeting;
import org.saddlepoint.robust.twostage.CapitalBudgetingGenerator;
import org.saddlepoint.robust.twostage.KnapsackCuttingPlaneAdversary;
import org.saddlepoint.robust.twostage.RobustKnapsack;
import org.saddlepoint.robust.twostage.RobustKnapsackGenerator;
import org.saddlepoint.robust.twostage.RobustKnapsackGenerator.Correlation;
import org.saddlepoint.solvers.mip.MipBackend;

/** {@code saddlepoint neur2ro train|solve}, run in-process at tiny scale. */
class Neur2RoCommandTest {
    @TempDir
    Path dir;

    @Test
    void trainsThenSolvesWithAnExactlyEvaluatedObjective() throws IOException {
        Path model = dir.resolve("model.json");
        CliRun train = CliRun.of("neur2ro", "train", "--out", model.toString(), "--instances", "4", "--sizes", "6,7",
                "--decisions", "3", "--scenarios", "5", "--epochs", "3");
        assertEquals(0, train.exitCode(), train.toString());
        assertTrue(train.out().contains("samples:     60"), train.out());
        assertTrue(train.err().contains("neur2ro train: generating 60 labelled samples")
                && train.err().contains("neur2ro train: training the value network, 3 epochs"), train.err());
        RobustKnapsack p = RobustKnapsackGenerator.generate(9, 7, Correlation.WC, 80, 0.15, 0.1);
        Path instance = CcgCommandTest.writeKnapsack(dir, p);
        CliRun solve = CliRun.of("neur2ro", "solve", instance.toString(), "--model", model.toString(), "--json");
        assertEquals(0, solve.exitCode(), solve.toString());
        JsonNode json = new ObjectMapper().readTree(solve.out());
        boolean[] x = new boolean[7];
        for (int i = 0; i < 7; i++) {
            x[i] = json.get("first_stage").get(i).asDouble() == 1;
        }
        double exact = p.firstStageCost(x) + KnapsackCuttingPlaneAdversary.solve(p, x, 60).value();
        assertEquals(exact, json.get("objective").asDouble(), 1e-6 * Math.abs(exact));
        assertEquals(-json.get("objective").asDouble(), json.get("profit").asDouble(), 0.0);
        assertTrue(json.get("iterations").asInt() >= 1);
    }

    @Test
    void trainReportsAsJsonAndQuietly() throws IOException {
        Path model = dir.resolve("quiet.json");
        CliRun train = CliRun.of("neur2ro", "train", "--out", model.toString(), "--instances", "2", "--sizes", "5",
                "--decisions", "2", "--scenarios", "3", "--epochs", "2", "--json", "-q");
        assertEquals(0, train.exitCode(), train.toString());
        assertEquals("", train.err());
        JsonNode json = new ObjectMapper().readTree(train.out());
        assertEquals(12, json.get("samples").asInt());
        assertEquals("knapsack", json.get("problem").asText());
        assertEquals(model.toString(), json.get("model").asText());
        assertTrue(java.nio.file.Files.size(model) > 0);
    }

    /**
     * Capital budgeting: train writes a model of its own format, solve detects it from the file, and the
     * printed objective is the disjunctive MILP's worst case of the robustly feasible first stage.
     */
    @Test
    void capitalBudgetingTrainsThenSolves() throws IOException {
        Path model = dir.resolve("cb-model.json");
        CliRun train = CliRun.of("neur2ro", "train", "--problem", "capital-budgeting", "--out", model.toString(),
                "--instances", "4", "--sizes", "5", "--decisions", "3", "--scenarios", "5", "--epochs", "3");
        assertEquals(0, train.exitCode(), train.toString());
        assertTrue(Files.readString(model).contains(CapitalBudgetingValueModel.FORMAT));
        CapitalBudgeting p = CapitalBudgetingGenerator.generate(6, 5);
        Path instance = CcgCommandTest.writeCapitalBudgeting(dir, p);
        CliRun solve = CliRun.of("neur2ro", "solve", instance.toString(), "--model", model.toString(), "--json", "-q");
        assertEquals(0, solve.exitCode(), solve.toString());
        JsonNode json = new ObjectMapper().readTree(solve.out());
        boolean[] x = new boolean[5];
        for (int i = 0; i < 5; i++) {
            x[i] = json.get("first_stage").get(i).asDouble() == 1;
        }
        assertTrue(p.feasible(x));
        double exact = p.worstCase(x, MipBackend.CBC, 60).value();
        assertEquals(exact, json.get("objective").asDouble(), 1e-6 * Math.abs(exact));
        assertFalse(json.has("profit"));
        Path kp = CcgCommandTest.writeKnapsack(dir, RobustKnapsackGenerator.generate(9, 5, Correlation.UN, 40, 0.2, 0.5));
        assertOneLine(CliRun.of("neur2ro", "solve", kp.toString(), "--model", model.toString()),
                "is a knapsack instance, but");
    }

    @Test
    void badInputIsOneLineAndExitTwo() throws IOException {
        Path junk = Files.writeString(dir.resolve("junk.json"), "{\"format\": \"x\"}");
        Path kp = Files.writeString(dir.resolve("kp.txt"), "1 10 1\n 1 1 1 1 1\n");
        assertOneLine(CliRun.of("neur2ro"), "Missing subcommand");
        assertOneLine(CliRun.of("neur2ro", "solve", kp.toString()), "--model");
        assertOneLine(CliRun.of("neur2ro", "solve", kp.toString(), "--model", junk.toString()), "not a saddlepoint.neur2ro");
        assertOneLine(CliRun.of("neur2ro", "train", "--out", junk.toString(), "--problem", "tsp"), "unknown problem");
        assertOneLine(CliRun.of("neur2ro", "train", "--out", junk.toString(), "--epochs", "0"), "epochs");
    }

    private static void assertOneLine(CliRun run, String fragment) {
        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains(fragment), run.toString());
        assertFalse(run.err().contains("\tat "), run.toString());
    }
}
