package org.saddlepoint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.saddlepoint.solvers.iteration.Checkpoint;

class ProgressPrinterTest {
    @Test
    void printsAtMostOncePerSecondAndNothingInTheFirstSecond() {
        StringWriter sink = new StringWriter();
        ProgressPrinter printer = new ProgressPrinter(new PrintWriter(sink), "gap", 2.0);
        double[] times = {0.0, 0.2, 0.99, 1.01, 1.5, 2.0, 2.02, 3.5, 3.6};
        for (int k = 0; k < times.length; k++) {
            printer.checkpoint(new Checkpoint(10 * k, times[k], 0.5));
        }
        List<String> lines = sink.toString().lines().toList();
        assertEquals(List.of(
                "saddlepoint: 1 s, iteration 30, gap 0.5 (relative 0.25)",
                "saddlepoint: 2 s, iteration 60, gap 0.5 (relative 0.25)",
                "saddlepoint: 3 s, iteration 70, gap 0.5 (relative 0.25)"), lines);
    }

    @Test
    void noRelativeFigureWithoutAUnit() {
        StringWriter sink = new StringWriter();
        new ProgressPrinter(new PrintWriter(sink), "residual", 0.0).checkpoint(new Checkpoint(5, 1.2, 1e-3));
        assertEquals("saddlepoint: 1 s, iteration 5, residual 0.001", sink.toString().strip());
    }
}
