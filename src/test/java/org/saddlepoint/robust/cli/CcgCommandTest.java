package org.saddlepoint.robust.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saddlepoint.cli.CliRun;
import org.saddlepoint.robust.twostage.CapitalBudgeting;
import org.saddlepoint.robust.twostage.CapitalBudgetingGenerator;
import org.saddlepoint.robust.twostage.CcgOptions;
import org.saddlepoint.robust.twostage.ColumnAndConstraintGeneration;
import org.saddlepoint.robust.twostage.RobustKnapsack;
import org.saddlepoint.robust.twostage.RobustKnapsackGenerator;
import org.saddlepoint.robust.twostage.RobustKnapsackGenerator.Correlation;
import org.saddlepoint.solvers.kernels.KernelFallbackTest;

/** {@code saddlepoint ccg}, run in-process. */
class CcgCommandTest {
    @TempDir
    Path dir;

    /** Writes {@code p} in Arslan and Detienne's format. */
    static Path writeKnapsack(Path dir, RobustKnapsack p) throws IOException {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%d %.17g %.17g%n", p.size(), p.capacity(), p.budget()));
        for (int i = 0; i < p.size(); i++) {
            s.append(String.format(Locale.ROOT, " %.17g %.17g %.17g %.17g %.17g%n", p.nominalProfit(i), p.degradation(i),
                    p.repairWeight(i), p.weight(i), p.outsourcingCost(i)));
        }
        return Files.writeString(dir.resolve("kp.txt"), s);
    }

    /** Writes {@code p} in Neur2RO's capital-budgeting format (phi and psi recovered from the multipliers). */
    static Path writeCapitalBudgeting(Path dir, CapitalBudgeting p) throws IOException {
        int n = p.size();
        StringBuilder s = new StringBuilder("2 " + n + " 4 " + p.budget() + " 0\n");
        for (int i = 0; i < n; i++) {
            s.append(p.nominalCost(i)).append(i < n - 1 ? " " : "\n");
        }
        for (int i = 0; i < n; i++) {
            s.append(p.nominalRevenue(i)).append(i < n - 1 ? " " : "\n");
        }
        for (int block = 0; block < 2; block++) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < 4; j++) {
                    double[] xi = new double[4];
                    xi[j] = 2;
                    double weight = (block == 0 ? p.costMultiplier(i, xi) : p.revenueMultiplier(i, xi)) - 1;
                    s.append(weight).append(j < 3 ? " " : "\n");
                }
            }
        }
        return Files.writeString(dir.resolve("cb.txt"), s);
    }

    @Test
    void jsonReportsTheLibrarysCertifiedOptimum() throws IOException {
        RobustKnapsack p = RobustKnapsackGenerator.generate(3, 7, Correlation.UN, 40, 0.2, 0.5);
        Path file = writeKnapsack(dir, p);
        CliRun run = CliRun.of("ccg", file.toString(), "--json", "-q");
        assertEquals(0, run.exitCode(), run.toString());
        JsonNode json = new ObjectMapper().readTree(run.out());
        double expected = ColumnAndConstraintGeneration.solve(p, CcgOptions.DEFAULT).upperBound();
        assertEquals("converged", json.get("status").asText());
        assertEquals("highs", json.get("solver").asText());
        assertEquals(expected, json.get("objective").asDouble(), 1e-9 * Math.abs(expected));
        assertTrue(json.get("lower_bound").asDouble() <= json.get("upper_bound").asDouble() + 1e-6);
        assertEquals(7, json.get("first_stage").size());
        assertTrue(json.get("iterations").asInt() >= 1);
    }

    @Test
    void capitalBudgetingReportWithAChosenSolver() throws IOException {
        CapitalBudgeting p = CapitalBudgetingGenerator.generate(2, 5);
        Path file = writeCapitalBudgeting(dir, p);
        CliRun run = CliRun.of("ccg", file.toString(), "--problem", "capital-budgeting", "--solver", "cbc", "-q");
        assertEquals(0, run.exitCode(), run.toString());
        double expected = ColumnAndConstraintGeneration.solve(p, CcgOptions.DEFAULT).upperBound();
        assertTrue(run.out().contains("status:      converged"), run.out());
        double printed = Double.parseDouble(run.out().lines().filter(l -> l.startsWith("objective:")).findFirst()
                .orElseThrow().split("\\s+")[1]);
        assertEquals(expected, printed, 1e-5 * Math.abs(expected));
    }

    @Test
    void badInputIsOneLineAndExitTwo() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.txt"), "2 10 1\n 1 1 1 1 1\n");
        assertOneLineError(CliRun.of("ccg", bad.toString()), "expected 3");
        assertOneLineError(CliRun.of("ccg", dir.resolve("none").toString()), "no such file");
        assertOneLineError(CliRun.of("ccg", bad.toString(), "--problem", "tsp"), "unknown problem 'tsp'");
        assertOneLineError(CliRun.of("ccg", bad.toString(), "--solver", "gurobi"), "unknown solver 'gurobi'");
        assertOneLineError(CliRun.of("ccg", bad.toString(), "--time-limit", "-1"), "--time-limit");
        assertOneLineError(CliRun.of("ccg", bad.toString(), "--tol", "NaN"), "--tol");
    }

    private static void assertOneLineError(CliRun run, String fragment) {
        assertEquals(2, run.exitCode(), run.toString());
        assertEquals(1, run.errLines().size(), run.toString());
        assertTrue(run.err().contains(fragment), run.toString());
        assertFalse(run.err().contains("\tat "), run.toString());
        assertEquals("", run.out(), run.toString());
    }

    /**
     * HiGHS prints its banner natively on the process's stdout; in a separate JVM (the in-process
     * {@link CliRun} only sees picocli's writer) {@code ccg --json} must still print nothing but one JSON object.
     */
    @Test
    void jsonStdoutHasNoSolverBannerInAChildJvm() throws Exception {
        RobustKnapsack p = RobustKnapsackGenerator.generate(5, 6, Correlation.UN, 40, 0.1, 0.5);
        Path instance = writeKnapsack(dir, p);
        KernelFallbackTest.Child child = KernelFallbackTest.runChild(java.util.Map.of(), java.util.List.of(),
                org.saddlepoint.cli.Saddlepoint.class.getName(), "ccg", instance.toString(), "--solver", "highs",
                "--json", "-q");
        assertEquals(0, child.exitCode(), child.toString());
        assertEquals(1, child.out().size(), child.toString());
        JsonNode json = new ObjectMapper().readTree(child.out().get(0));
        assertEquals("converged", json.get("status").asText());
    }
}
