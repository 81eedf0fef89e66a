package org.saddlepoint.robust.cli;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.saddlepoint.robust.groupwise.GroupwiseReport;
import org.saddlepoint.solvers.SaddlepointException;

/** A bar chart of the mean end-of-sequence regret per group: baseline, groupwise, groupwise mixture. */
final class GroupwisePlot {
    private GroupwisePlot() {
    }

    static void write(GroupwiseReport report, String title, Path file) {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        CategoryChart chart = new CategoryChartBuilder().width(1000).height(600).title(title)
                .xAxisTitle("group").yAxisTitle("mean regret (cumulative loss - SSE*)").build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotBackgroundColor(Color.WHITE);
        chart.getStyler().setXAxisLabelRotation(45);
        List<GroupwiseReport.GroupResult> groups = report.groups();
        List<String> names = groups.stream().map(GroupwiseReport.GroupResult::name).toList();
        chart.addSeries("baseline", names,
                groups.stream().map(g -> GroupwiseReport.mean(g.baselineRegret())).toList());
        chart.addSeries("groupwise (expected loss)", names,
                groups.stream().map(g -> GroupwiseReport.mean(g.expectedRegret())).toList());
        chart.addSeries("groupwise (mixture)", names,
                groups.stream().map(g -> GroupwiseReport.mean(g.mixtureRegret())).toList());
        try (OutputStream out = Files.newOutputStream(file)) {
            BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new SaddlepointException("cannot write the plot " + file + ": " + e, e);
        }
    }
}
