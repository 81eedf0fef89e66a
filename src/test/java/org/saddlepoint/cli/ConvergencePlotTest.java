package org.saddlepoint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saddlepoint.solvers.InvalidInputException;
import org.saddlepoint.solvers.iteration.Checkpoint;

class ConvergencePlotTest {
    @TempDir
    Path dir;

    private static List<Checkpoint> decay(int n, double rate) {
        List<Checkpoint> points = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            points.add(new Checkpoint(10 * k, 0.001 * k, Math.pow(rate, k)));
        }
        return points;
    }

    @Test
    void severalSeriesOnOneChart() throws IOException {
        Path file = dir.resolve("gap.png");
        List<Checkpoint> withZero = new ArrayList<>(decay(30, 0.5));
        withZero.add(new Checkpoint(300, 0.3, 0.0));
        ConvergencePlot plot = new ConvergencePlot("Duality gap", "duality gap")
                .addSeries("fast", withZero)
                .addSeries("slow", decay(30, 0.9));
        assertEquals(60, plot.pointCount());
        plot.writePng(file);
        CliRun.assertPng(file);
    }

    @Test
    void longSeriesAreThinned() throws IOException {
        ConvergencePlot plot = new ConvergencePlot("t", "gap").xAxis(ConvergencePlot.XAxis.SECONDS)
                .addSeries("long", decay(100_000, 0.9999));
        assertTrue(plot.pointCount() <= ConvergencePlot.MAX_POINTS + 1, "" + plot.pointCount());
        Path file = dir.resolve("long.png");
        plot.writePng(file);
        CliRun.assertPng(file);
    }

    @Test
    void aChartWithoutPositivePointsIsStillWritten() throws IOException {
        Path file = dir.resolve("empty.png");
        ConvergencePlot plot = new ConvergencePlot("t", "gap").addSeries("lp", List.of(new Checkpoint(0, 0, 0)));
        assertEquals(0, plot.pointCount());
        plot.writePng(file);
        CliRun.assertPng(file);
    }

    @Test
    void duplicateSeriesNamesAreRejected() {
        ConvergencePlot plot = new ConvergencePlot("t", "gap").addSeries("a", decay(3, 0.5));
        assertThrows(InvalidInputException.class, () -> plot.addSeries("a", decay(3, 0.5)));
    }

    @Test
    void checkWritableNamesAMissingDirectory() {
        Path file = dir.resolve("no/such/dir/gap.png");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ConvergencePlot.checkWritable(file));
        assertTrue(e.getMessage().contains("no such directory"), e.getMessage());
    }
}
