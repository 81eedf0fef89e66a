package org.saddlepoint.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.saddlepoint.solvers.InvalidInputException;
import org.saddlepoint.solvers.iteration.Checkpoint;

/** Series drawn against their own x values (epochs): the x values are the given ones, zeros are skipped. */
class ConvergencePlotExplicitXTest {
    @Test
    void seriesUseTheirOwnXValues() {
        List<Checkpoint> h = List.of(new Checkpoint(0, 9.0, 1.0), new Checkpoint(3, 9.5, 0.0), new Checkpoint(7, 9.9, 0.1));
        ConvergencePlot plot = new ConvergencePlot("t", "residual").xAxisTitle("epochs")
                .addSeries("alg1", h, new double[] {0.0, 1.5, 4.25})
                .addSeries("eg", h);
        assertEquals(4, plot.pointCount(), "the zero certificate is skipped in both series");
        XYChart chart = plot.toChart();
        assertEquals("epochs", chart.getXAxisTitle());
        assertArrayEquals(new double[] {0.0, 4.25}, chart.getSeriesMap().get("alg1").getXData());
        assertArrayEquals(new double[] {0.0, 7.0}, chart.getSeriesMap().get("eg").getXData(), "iterations otherwise");
        assertThrows(InvalidInputException.class, () -> new ConvergencePlot("t", "r").addSeries("x", h, new double[2]));
    }
}
