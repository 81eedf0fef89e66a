package org.saddlepoint.robust.twostage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saddlepoint.solvers.InvalidInputException;

class InstanceReadersTest {
    @TempDir
    Path dir;

    @Test
    void readsAnArslanDetienneFile() {
        RobustKnapsack p = Neur2RoData.knapsack("RKP_UN_n20_R1000_H100_h40_dev0.1_d0.1");
        assertEquals(20, p.size());
        assertEquals(3988, p.capacity());
        assertEquals(2, p.budget());
        // first item line: " 474 229 332 625 568" = pbar phat t c f
        assertEquals(474, p.nominalProfit(0));
        assertEquals(229, p.degradation(0));
        assertEquals(332, p.repairWeight(0));
        assertEquals(625, p.weight(0));
        assertEquals(568, p.outsourcingCost(0));
    }

    @Test
    void readsAFractionalBudget() throws IOException {
        Path f = write("3 10 1.5\n 1 1 1 1 1\n 2 2 2 2 2\n 3 3 3 3 3\n");
        assertEquals(1.5, RobustKnapsackReader.read(f).budget());
    }

    @Test
    void readsANeur2RoCapitalBudgetingFile() {
        CapitalBudgeting p = CapitalBudgetingReader.read(Neur2RoData.path("cb_instances/CB_n10_xi4_s1"));
        assertEquals(10, p.size());
        assertEquals(4, p.uncertaintyDimension());
        assertEquals(19.15831885025558, p.budget());
        assertEquals(19, p.withTruncatedBudget().budget());
        assertEquals(4.753198042323167, p.nominalCost(0));
        assertEquals(0.9506396084646334, p.nominalRevenue(0));
    }

    @Test
    void badKnapsackFilesAreTypedErrorsNamingTheProblem() throws IOException {
        assertMessage(write(""), "empty");
        assertMessage(write("2 10 1\n 1 1 1 1 1\n"), "expected 3");
        assertMessage(write("2 10 1\n 1 1 1 1 1\n 1 1 x 1 1\n"), "'x' is not a number");
        assertMessage(write("2 10 1\n 1 1 1 1 1\n 1 1 1 1\n"), "line 3: has 4 numbers, expected 5");
        assertMessage(write("2 10 -1\n 1 1 1 1 1\n 1 1 1 1 1\n"), "budget");
        assertMessage(write("2 10 3\n 1 1 1 1 1\n 1 1 1 1 1\n"), "exceeds");
        assertMessage(write("2 -10 1\n 1 1 1 1 1\n 1 1 1 1 1\n"), "capacity");
        assertMessage(write("2 10 1\n 1 NaN 1 1 1\n 1 1 1 1 1\n"), "not a finite number");
        assertMessage(write("2.5 10 1\n 1 1 1 1 1\n 1 1 1 1 1\n"), "whole number");
        assertMessage(dir.resolve("missing"), "no such file");
    }

    @Test
    void badCapitalBudgetingFilesAreTypedErrors() throws IOException {
        String header = "1 2 2 5 0\n";
        assertCbMessage(write(header + "1 2\n0.2 0.4\n0.5 0.5\n0.5 0.5\n0.5 0.5\n"), "expected 7");
        assertCbMessage(write(header + "1 -2\n0.2 0.4\n0.5 0.5\n0.5 0.5\n0.5 0.5\n0.5 0.5\n"), "cost[1]");
        assertCbMessage(write(header + "1 2\n0.2 0.4\n0.5 -0.5\n0.5 0.5\n0.5 0.5\n0.5 0.5\n"), "phi[0][1]");
        assertCbMessage(write("1 2 2 -5 0\n1 2\n0.2 0.4\n0.5 0.5\n0.5 0.5\n0.5 0.5\n0.5 0.5\n"), "budget");
    }

    private static void assertMessage(Path file, String expected) {
        assertMessage(() -> RobustKnapsackReader.read(file), expected);
    }

    private static void assertCbMessage(Path file, String expected) {
        assertMessage(() -> CapitalBudgetingReader.read(file), expected);
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable read, String expected) {
        InvalidInputException e = assertThrows(InvalidInputException.class, read);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    private Path write(String text) throws IOException {
        Path f = Files.createTempFile(dir, "instance", "");
        Files.writeString(f, text);
        return f;
    }
}
