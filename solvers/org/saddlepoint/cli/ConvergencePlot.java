package org.saddlepoint.cli;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.saddlepoint.solvers.InvalidInputException;
import org.saddlepoint.solvers.SaddlepointException;
import org.saddlepoint.solvers.iteration.Checkpoint;

/**
 * A PNG chart of certificates (duality gaps, residuals) against iterations or seconds, one line
 * per named series, on a logarithmic y axis. Only positive certificates can be drawn on it, so
 * checkpoints at zero are left out. Long series are thinned to at most {@value #MAX_POINTS}
 * points (the first and last always kept).
 * <pre>{@code
 * new ConvergencePlot("Duality gap", "duality gap")
 *         .addSeries("prm-plus", solution.history())
 *         .writePng(Path.of("gap.png"));
 * }</pre>
 */
public final class ConvergencePlot {
    /** The x axis: the checkpoint's iteration count or its wall-clock seconds. */
    public enum XAxis {
        ITERATIONS("iterations"),
        SECONDS("seconds");

        private final String label;

        XAxis(String label) {
            this.label = label;
        }
    }

    public static final int MAX_POINTS = 4000;
    public static final int WIDTH = 900;
    public static final int HEIGHT = 600;

    private final String title;
    private final String yLabel;
    private XAxis xAxis = XAxis.ITERATIONS;
    private final Map<String, List<Checkpoint>> series = new LinkedHashMap<>();
    /** Series added with their own x values, kept in the checkpoints' seconds field. */
    private final Set<String> explicitX = new HashSet<>();
    private String xTitle;

    public ConvergencePlot(String title, String yLabel) {
        this.title = title;
        this.yLabel = yLabel;
    }

    public ConvergencePlot xAxis(XAxis value) {
        this.xAxis = value;
        return this;
    }

    /** The x axis title instead of the {@link XAxis} label (for series with their own x values). */
    public ConvergencePlot xAxisTitle(String value) {
        this.xTitle = value;
        return this;
    }

    /**
     * Adds a series drawn against its own x values (epochs, ...) instead of iterations or seconds:
     * {@code x[k]} belongs to {@code checkpoints.get(k)}. Give the axis its title with
     * {@link #xAxisTitle}.
     */
    public ConvergencePlot addSeries(String name, List<Checkpoint> checkpoints, double[] x) {
        if (x.length != checkpoints.size()) {
            throw new InvalidInputException("series '" + name + "' has " + checkpoints.size()
                    + " checkpoints but " + x.length + " x values");
        }
        List<Checkpoint> placed = new ArrayList<>(x.length);
        for (int k = 0; k < x.length; k++) {
            Checkpoint c = checkpoints.get(k);
            placed.add(new Checkpoint(c.iteration(), x[k], c.certificate()));
        }
        addSeries(name, placed);
        explicitX.add(name);
        return this;
    }

    /** Adds a series; its checkpoints with a certificate that is not finite and positive are skipped. */
    public ConvergencePlot addSeries(String name, List<Checkpoint> checkpoints) {
        if (series.containsKey(name)) {
            throw new InvalidInputException("the plot already has a series named '" + name + "'");
        }
        List<Checkpoint> drawable = new ArrayList<>();
        for (Checkpoint c : checkpoints) {
            if (c.certificate() > 0 && Double.isFinite(c.certificate())) {
                drawable.add(c);
            }
        }
        series.put(name, thin(drawable));
        return this;
    }

    /** Number of points that will be drawn, over all series. */
    public int pointCount() {
        return series.values().stream().mapToInt(List::size).sum();
    }

    /** Renders the chart; a chart without points shows a note instead. */
    public XYChart toChart() {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        boolean empty = pointCount() == 0;
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title(empty ? title + " (no positive values recorded)" : title)
                .xAxisTitle(xTitle != null ? xTitle : xAxis.label).yAxisTitle(yLabel).build();
        XYStyler styler = chart.getStyler();
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setLegendPosition(Styler.LegendPosition.InsideNE);
        styler.setLegendVisible(series.size() > 1 || !empty);
        styler.setPlotGridLinesVisible(true);
        if (empty) {
            // XChart cannot draw an empty chart, so it gets one invisible point.
            XYSeries s = chart.addSeries("no data", new double[] {0}, new double[] {1});
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(new Color(0, 0, 0, 0));
            styler.setLegendVisible(false);
            return chart;
        }
        styler.setYAxisLogarithmic(true);
        if (xAxis == XAxis.ITERATIONS) {
            styler.setXAxisDecimalPattern("#,##0");
        }
        for (Map.Entry<String, List<Checkpoint>> e : series.entrySet()) {
            List<Checkpoint> points = e.getValue();
            if (points.isEmpty()) {
                continue;
            }
            double[] x = new double[points.size()];
            double[] y = new double[points.size()];
            for (int k = 0; k < x.length; k++) {
                Checkpoint c = points.get(k);
                x[k] = xAxis == XAxis.ITERATIONS && !explicitX.contains(e.getKey()) ? c.iteration() : c.seconds();
                y[k] = c.certificate();
            }
            XYSeries s = chart.addSeries(e.getKey(), x, y);
            s.setMarker(points.size() <= 50 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
        }
        return chart;
    }

    /** Writes the chart as a PNG to exactly {@code file}, replacing it. */
    public void writePng(Path file) {
        XYChart chart = toChart();
        try (OutputStream out = Files.newOutputStream(file)) {
            BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new SaddlepointException("cannot write the plot " + file + ": " + e, e);
        }
    }

    /** Checks before a long run that {@code file} can be written: its folder exists and it is no folder. */
    public static void checkWritable(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        if (Files.isDirectory(file)) {
            throw new InvalidInputException("cannot write the plot " + file + ": it is a directory");
        }
        if (parent != null && !Files.isDirectory(parent)) {
            throw new InvalidInputException("cannot write the plot " + file + ": no such directory " + parent);
        }
        if (parent != null && !Files.isWritable(parent)) {
            throw new InvalidInputException("cannot write the plot " + file + ": directory not writable");
        }
    }

    private static List<Checkpoint> thin(List<Checkpoint> points) {
        if (points.size() <= MAX_POINTS) {
            return points;
        }
        List<Checkpoint> kept = new ArrayList<>(MAX_POINTS + 1);
        double step = (points.size() - 1) / (double) (MAX_POINTS - 1);
        int last = -1;
        for (int k = 0; k < MAX_POINTS; k++) {
            int i = (int) Math.round(k * step);
            if (i != last) {
                kept.add(points.get(i));
                last = i;
            }
        }
        if (last != points.size() - 1) {
            kept.add(points.get(points.size() - 1));
        }
        return kept;
    }
}
