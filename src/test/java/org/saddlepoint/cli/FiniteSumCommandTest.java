package org.saddlepoint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.saddlepoint.cli.CliRun.assertBadInput;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saddlepoint.solvers.finitesum.FiniteSumOptions;
import org.saddlepoint.solvers.finitesum.FiniteSumResult;
import org.saddlepoint.solvers.finitesum.FiniteSumSolver;
import org.saddlepoint.solvers.finitesum.experiments.MethodName;
import org.saddlepoint.solvers.finitesum.experiments.PolicemanBurglar;
import org.saddlepoint.solvers.finitesum.experiments.Preset;

/** {@code saddlepoint finite-sum}, run in-process. */
class FiniteSumCommandTest {
    private static final ObjectMapper STRICT = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    @TempDir
    Path dir;

    @Test
    void badInputExitsTwoWithOneLine() {
        assertBadInput(CliRun.of("finite-sum", "knapsack"), "unknown experiment 'knapsack'");
        assertBadInput(CliRun.of("finite-sum", "quadratic", "--method", "sgd"), "unknown method 'sgd'");
        assertBadInput(CliRun.of("finite-sum", "quadratic", "--n", "1"), "--n must lie in [2, 5000]");
        assertBadInput(CliRun.of("finite-sum", "least-squares", "--n", "0"), "--n must lie in [1, 5000000]");
        assertBadInput(CliRun.of("finite-sum", "policeman-burglar", "--n", "100000"), "--n must lie in [1, 5000]");
        assertBadInput(CliRun.of("finite-sum", "quadratic", "--epochs", "-3"), "--epochs must be a number in (0, 1e9]");
        assertBadInput(CliRun.of("finite-sum", "quadratic", "--epochs", "NaN"), "--epochs must be a number");
        assertBadInput(CliRun.of("finite-sum", "quadratic", "--epochs", "ten"), "--epochs");
        assertBadInput(CliRun.of("finite-sum", "quadratic", "--preset", "best"), "unknown preset 'best'");
        assertBadInput(CliRun.of("finite-sum", "quadratic", "--plot", dir.resolve("no/such/dir.png").toString()),
                "no such directory");
        assertBadInput(CliRun.of("finite-sum"), "EXPERIMENT");
    }

    @Test
    void jsonReportsEpochsToEachLevelAsTheLibraryComputesThem() throws IOException {
        CliRun run = CliRun.of("finite-sum", "policeman-burglar", "--n", "40", "--seed", "3", "--epochs", "300",
                "--method", "alg1,eg", "--json", "-q");
        assertEquals(0, run.exitCode(), run.toString());
        JsonNode node = STRICT.readTree(run.out());
        assertEquals("policeman-burglar", node.get("experiment").asText());
        assertEquals(40, node.get("n").asInt());
        assertEquals(80, node.get("dimension").asInt());
        assertEquals("natural residual (eta=1.0)", node.get("certificate").asText());
        JsonNode results = node.get("results");
        assertEquals(2, results.size());
        PolicemanBurglar instance = PolicemanBurglar.generate(40, 3);
        MethodName[] methods = {MethodName.ALG1, MethodName.EG};
        for (int k = 0; k < 2; k++) {
            JsonNode r = results.get(k);
            FiniteSumResult expected = FiniteSumSolver.solve(instance.problem(), instance.method(methods[k], Preset.PAPER),
                    FiniteSumOptions.DEFAULT.withMaxEpochs(300).withSeed(3));
            assertEquals(methods[k].cliName(), r.get("method").asText());
            assertEquals(expected.oracleCalls(), r.get("oracle_calls").asLong());
            assertEquals(expected.oracleCalls() / 40.0, r.get("epochs").asDouble(), 1e-12);
            assertEquals(expected.certificate(), r.get("final_certificate").asDouble(), 0.0, "reproducible from the seed");
            assertTrue(r.get("duality_gap").asDouble() >= 0);
            JsonNode to = r.get("epochs_to");
            assertEquals(Arrays.asList("1e-1", "1e-2", "1e-3", "1e-4"), iterableToList(to.fieldNames()));
            for (String level : new String[] {"1e-1", "1e-2", "1e-3", "1e-4"}) {
                double e = expected.epochsToReach(Double.parseDouble(level));
                if (Double.isNaN(e)) {
                    assertTrue(to.get(level).isNull(), level);
                } else {
                    assertEquals(e, to.get(level).asDouble(), 0.0, level);
                }
            }
        }
    }

    private static java.util.List<String> iterableToList(java.util.Iterator<String> it) {
        java.util.List<String> list = new java.util.ArrayList<>();
        it.forEachRemaining(list::add);
        return list;
    }

    @Test
    void tableAndPlotForEveryMethod() throws IOException {
        Path png = dir.resolve("residual.png");
        CliRun run = CliRun.of("finite-sum", "quadratic", "--n", "20", "--epochs", "50", "--plot", png.toString(), "-q");
        assertEquals(0, run.exitCode(), run.toString());
        for (MethodName m : MethodName.values()) {
            assertTrue(run.out().lines().anyMatch(l -> l.startsWith(m.cliName() + " ")), m + " row: " + run.out());
        }
        assertTrue(run.out().contains("certificate: operator norm ||F(u)||"), run.out());
        CliRun.assertPng(png);
    }

    @Test
    void restartAndTheoryPresetRun() throws IOException {
        CliRun run = CliRun.of("finite-sum", "least-squares", "--n", "300", "--epochs", "100", "--method", "halpern",
                "--preset", "theory", "--restart", "--json", "-q");
        assertEquals(0, run.exitCode(), run.toString());
        JsonNode r = STRICT.readTree(run.out()).get("results").get(0);
        assertTrue(r.get("solver").asText().startsWith("restarted Halpern iteration"), r.toString());
        var instance = org.saddlepoint.solvers.finitesum.experiments.LeastSquares.generate(300, 20, 0);
        FiniteSumResult expected = FiniteSumSolver.solve(instance.problem(),
                new org.saddlepoint.solvers.finitesum.Restarted(instance.method(MethodName.HALPERN, Preset.THEORY)),
                FiniteSumOptions.DEFAULT.withMaxEpochs(100));
        assertEquals(expected.certificate(), r.get("final_certificate").asDouble(), 0.0);
        assertTrue(expected.certificate() < 0.1 * STRICT.readTree(run.out()).get("initial_certificate").asDouble());
    }
}
