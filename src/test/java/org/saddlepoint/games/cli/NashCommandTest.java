package org.saddlepoint.games.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.saddlepoint.cli.CliRun.assertBadInput;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saddlepoint.cli.CliRun;
import org.saddlepoint.cli.EnumConverter;
import org.saddlepoint.games.MatrixGame;
import org.saddlepoint.games.NashMethod;
import org.saddlepoint.solvers.io.MatrixCsv;

/** {@code saddlepoint nash}, run in-process. */
class NashCommandTest {
    private static final Path RPS = Path.of("examples", "rock-paper-scissors.csv");
    private static final Path BLOTTO = Path.of("examples", "colonel-blotto-5-3.csv");
    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    /** Exit code 2, exactly one line on stderr (the expected one), nothing on stdout. */
    private static void assertOneLineError(CliRun run, String expectedLine) {
        assertEquals(2, run.exitCode(), run.toString());
        assertEquals(List.of(expectedLine), run.errLines(), run.toString());
        assertEquals("", run.out(), run.toString());
    }

    // ---- errors: exit 2 and one line, before any solving -------------------------------------

    @Test
    void missingFile() {
        Path file = dir.resolve("missing.csv");
        assertOneLineError(CliRun.of("nash", file.toString()), "saddlepoint: error: " + file + ": no such file");
    }

    @Test
    void emptyFile() throws IOException {
        Path file = write("empty.csv", "");
        assertOneLineError(CliRun.of("nash", file.toString()), "saddlepoint: error: " + file
                + ": the file is empty; expected one line of comma-separated numbers per matrix row");
    }

    @Test
    void raggedRows() throws IOException {
        Path file = write("ragged.csv", "1,2,3\n4,5,6\n7,8,9,10\n");
        assertOneLineError(CliRun.of("nash", file.toString()),
                "saddlepoint: error: " + file + ": line 3 has 4 values, line 1 has 3");
    }

    @Test
    void nonNumericCell() throws IOException {
        Path file = write("game.csv", "1,2\n3,4\n5,abc\n");
        assertOneLineError(CliRun.of("nash", file.toString()),
                "saddlepoint: error: " + file + " line 3, column 2: 'abc' is not a number");
    }

    @Test
    void nanCell() throws IOException {
        Path file = write("nan.csv", "1,NaN\n3,4\n");
        assertOneLineError(CliRun.of("nash", file.toString()),
                "saddlepoint: error: " + file + " line 1, column 2: 'NaN' is not a finite number");
    }

    @Test
    void unknownMethod() {
        CliRun run = CliRun.of("nash", RPS.toString(), "--method", "simplex");
        assertBadInput(run, "saddlepoint: error: ");
        assertTrue(run.err().contains("unknown method 'simplex'"), run.toString());
        assertTrue(run.err().contains("prm-plus"), "lists the methods: " + run);
    }

    @Test
    void negativeTolerance() {
        assertOneLineError(CliRun.of("nash", RPS.toString(), "--tol", "-1e-3"),
                "saddlepoint: error: --tol must be a finite number >= 0, got -0.001");
    }

    @Test
    void nonNumericToleranceIsAParameterError() {
        assertBadInput(CliRun.of("nash", RPS.toString(), "--tol", "tiny"), "saddlepoint: error: ");
    }

    @Test
    void badIterationCapAndTimeLimit() {
        assertOneLineError(CliRun.of("nash", RPS.toString(), "--max-iter", "0"),
                "saddlepoint: error: --max-iter must be > 0, got 0");
        assertOneLineError(CliRun.of("nash", RPS.toString(), "--time-limit", "-5"),
                "saddlepoint: error: --time-limit must be a finite number of seconds > 0, got -5.0");
    }

    @Test
    void pureJavaLpBackend() throws IOException {
        CliRun run = CliRun.of("nash", RPS.toString(), "--method", "lp", "--lp-backend", "ojalgo", "--json");
        assertEquals(0, run.exitCode(), run.toString());
        JsonNode json = STRICT.readTree(run.out());
        assertEquals("optimal", json.get("status").asText());
        assertEquals("lp (ojAlgo)", json.get("solver").asText());
        assertEquals(0.0, json.get("value").asDouble(), 1e-9);
        assertTrue(json.get("duality_gap").asDouble() <= 1e-9, run.out());
    }

    /** ojAlgo prints a hardware notice on System.out when it loads; a separate JVM sees whether it is silenced. */
    @Test
    void pureJavaLpBackendKeepsStdoutJsonInAChildJvm() throws Exception {
        org.saddlepoint.solvers.kernels.KernelFallbackTest.Child child =
                org.saddlepoint.solvers.kernels.KernelFallbackTest.runChild(java.util.Map.of(), List.of(),
                        org.saddlepoint.cli.Saddlepoint.class.getName(), "nash", RPS.toString(), "--method", "lp",
                        "--lp-backend", "ojalgo", "--json");
        assertEquals(0, child.exitCode(), child.toString());
        assertEquals(1, child.out().size(), child.toString());
        assertEquals("optimal", STRICT.readTree(child.out().get(0)).get("status").asText());
    }

    @Test
    void unknownLpBackend() {
        CliRun run = CliRun.of("nash", RPS.toString(), "--lp-backend", "cplex");
        assertBadInput(run, "saddlepoint: error: ");
        assertTrue(run.err().contains("unknown LP backend 'cplex'"), run.toString());
    }

    @Test
    void unknownKernelBackend() {
        CliRun run = CliRun.of("nash", RPS.toString(), "--method", "rm-plus", "--backend", "bogus");
        assertBadInput(run, "saddlepoint: error: ");
        assertTrue(run.err().contains("unknown backend 'bogus'"), run.toString());
    }

    @Test
    void unknownPrecisionListsTheChoices() {
        CliRun run = CliRun.of("nash", RPS.toString(), "--method", "rm-plus", "--precision", "half");
        assertBadInput(run, "saddlepoint: error: ");
        assertTrue(run.err().contains("unknown precision 'half'; expected float or double"), run.toString());
    }

    @Test
    void floatRegretMatchingPlusIsCertifiedInDouble() throws IOException {
        CliRun run = CliRun.of("nash", BLOTTO.toString(), "--method", "rm-plus", "--precision", "FLOAT",
                "--tol", "1e-5", "--json");
        assertEquals(0, run.exitCode(), run.toString());
        JsonNode json = STRICT.readTree(run.out());
        assertEquals("converged", json.get("status").asText(), run.out());
        assertTrue(json.get("solver").asText().endsWith(", float)"), run.out());
        double[][] a = MatrixCsv.read(BLOTTO);
        double[] x = STRICT.convertValue(json.get("row_strategy"), double[].class);
        double[] y = STRICT.convertValue(json.get("col_strategy"), double[].class);
        MatrixGame game = MatrixGame.of(a);
        assertEquals(game.dualityGap(x, y), json.get("duality_gap").asDouble(), 1e-15);
        assertTrue(json.get("relative_gap").asDouble() <= 1e-5, run.out());
    }

    @Test
    void regretMatchingPlusOnTheOpenClBackend() throws IOException {
        CliRun run = CliRun.of("nash", BLOTTO.toString(), "--method", "rm-plus", "--backend", "opencl",
                "--tol", "1e-6", "--json");
        assertEquals(0, run.exitCode(), run.toString());
        JsonNode json = STRICT.readTree(run.out());
        assertEquals("converged", json.get("status").asText(), run.out());
        assertEquals("rm-plus", json.get("method").asText(), run.out());
        double gap = json.get("relative_gap").asDouble();
        assertTrue(gap >= 0 && gap <= 1e-6, run.out());
    }

    @Test
    void missingGameFileArgument() {
        assertBadInput(CliRun.of("nash"), "saddlepoint: error: Missing required parameter");
    }

    @Test
    void plotIntoAMissingDirectoryFailsBeforeSolving() {
        Path png = dir.resolve("nowhere/gap.png");
        CliRun run = CliRun.of("nash", RPS.toString(), "--plot", png.toString());
        assertBadInput(run, "saddlepoint: error: cannot write the plot " + png);
    }

    @Test
    void plotWithTheLpIsRejected() {
        CliRun run = CliRun.of("nash", RPS.toString(), "--method", "lp", "--plot", dir.resolve("g.png").toString());
        assertBadInput(run, "saddlepoint: error: --plot draws the duality gap per iteration");
    }

    // ---- solving: these need NashSolver -------------------------------------------------------

    @Test
    void jsonOutputOfTheLpOnRockPaperScissors() throws IOException {
        CliRun run = CliRun.of("nash", RPS.toString(), "--method", "lp", "--json");
        assertEquals(0, run.exitCode(), run.toString());
        JsonNode json = STRICT.readTree(run.out());
        assertTrue(json.isObject(), run.out());
        assertEquals(1, run.out().strip().lines().count(), "one line: " + run.out());
        for (String key : List.of("value", "row_strategy", "col_strategy", "duality_gap", "iterations", "seconds",
                "method", "status", "lower_bound", "upper_bound", "relative_gap")) {
            assertTrue(json.has(key), "missing key " + key + " in " + run.out());
        }
        assertEquals("optimal", json.get("status").asText());
        assertEquals("lp", json.get("method").asText());
        double gap = json.get("duality_gap").asDouble();
        assertTrue(gap >= 0 && gap <= 1e-6, "gap " + gap);
        assertEquals(0.0, json.get("value").asDouble(), 1e-6);
        assertTrue(json.get("seconds").asDouble() >= 0);
        assertTrue(json.get("iterations").isIntegralNumber());
        assertStrategy(json.get("row_strategy"), 3);
        assertStrategy(json.get("col_strategy"), 3);
        assertEquals(1.0 / 3, json.get("row_strategy").get(0).asDouble(), 1e-6);
    }

    private static void assertStrategy(JsonNode node, int length) {
        assertTrue(node.isArray(), node.toString());
        assertEquals(length, node.size());
        double sum = 0;
        for (JsonNode p : node) {
            assertTrue(p.asDouble() >= 0, node.toString());
            sum += p.asDouble();
        }
        assertEquals(1.0, sum, 1e-9, node.toString());
    }

    @Test
    void humanReportOfTheDefaultMethodOnBlotto() {
        CliRun run = CliRun.of("nash", BLOTTO.toString(), "--tol", "1e-4");
        assertEquals(0, run.exitCode(), run.toString());
        for (String label : List.of("game:", "method:", "status:", "value:", "duality gap:", "iterations:",
                "seconds:", "row:", "column:")) {
            assertTrue(run.out().contains(label), label + " in " + run);
        }
        assertTrue(run.out().contains("(21 x 21)"), run.toString());
        // 441 entries: a small game, which the default sends to the exact LP
        assertTrue(run.out().contains("method:      lp (default): "), run.toString());
        assertTrue(run.out().contains("status:      optimal"), run.toString());
    }

    @Test
    void plotWritesAPng() throws IOException {
        Path game = write("skewed.csv", "3,-1,0\n-2,4,1\n0,1,-3\n");
        Path png = dir.resolve("gap.png");
        CliRun run = CliRun.of("nash", game.toString(), "--method", "extragradient", "--tol", "1e-8",
                "--plot", png.toString());
        assertEquals(0, run.exitCode(), run.toString());
        CliRun.assertPng(png);
        assertTrue(run.out().contains("plot:        " + png), run.toString());
    }

    @Test
    void jsonModeKeepsStdoutToTheObjectWhenPlotting() throws IOException {
        Path png = dir.resolve("gap.png");
        CliRun run = CliRun.of("nash", BLOTTO.toString(), "--method", "mwu", "--tol", "1e-3", "--json",
                "--plot", png.toString());
        assertEquals(0, run.exitCode(), run.toString());
        JsonNode json = STRICT.readTree(run.out());
        assertEquals("mwu", json.get("method").asText());
        assertTrue(json.has("solver") && json.has("duality_gap"), run.out());
        assertTrue(Files.size(png) > 1000);
    }

    @Test
    void anInterruptedRunStillPrintsItsResult() throws Exception {
        int n = 300;
        Random random = new Random(42);
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                csv.append(j == 0 ? "" : ",").append(random.nextInt(201) - 100);
            }
            csv.append('\n');
        }
        Path game = write("big.csv", csv.toString());
        AtomicReference<CliRun> result = new AtomicReference<>();
        Thread solver = new Thread(() -> result.set(CliRun.of("nash", game.toString(), "--method", "extragradient",
                "--tol", "0", "--max-iter", "2000000000", "--json")));
        solver.start();
        Thread.sleep(1500); // well past reading the file
        solver.interrupt();
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> solver.join());
        CliRun run = result.get();
        assertEquals(130, run.exitCode(), run.toString());
        JsonNode json = STRICT.readTree(run.out());
        assertEquals("interrupted", json.get("status").asText());
        assertStrategy(json.get("row_strategy"), n);
    }

    /** The report prints NashMethod.cliName(); --method must accept exactly those names. */
    @Test
    void everyMethodIsAcceptedByItsPrintedName() {
        for (NashMethod m : NashMethod.values()) {
            assertEquals(EnumConverter.cliName(m), m.cliName());
            assertEquals(m, new NashCommand.MethodConverter().convert(m.cliName()));
        }
    }
}
