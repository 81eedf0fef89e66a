package org.saddlepoint.robust.groupwise;

import java.util.ArrayList;
import java.util.List;

import org.saddlepoint.solvers.online.HindsightLeastSquares;

/**
 * The result of a groupwise experiment: per group, T_g, SSE*_g (least squares on the group's rows
 * in hindsight, the comparator) and the end-of-sequence regrets (cumulative loss minus SSE*_g) of
 * the baseline and of the groupwise algorithm in both forms, one per shuffle. The regret is the
 * certificate: the groupwise guarantee is that it is o(T_g) on every group. Immutable.
 */
public final class GroupwiseReport {
    /** One group's line of the table. */
    public record GroupResult(String name, int size, double sse, double[] baselineRegret, double[] expectedRegret,
            double[] mixtureRegret) {
    }

    private final OracleKind oracle;
    private final List<GroupwiseRun> runs;
    private final List<GroupResult> groups;
    private final double seconds;

    private GroupwiseReport(OracleKind oracle, List<GroupwiseRun> runs, List<GroupResult> groups, double seconds) {
        this.oracle = oracle;
        this.runs = runs;
        this.groups = groups;
        this.seconds = seconds;
    }

    /** Summarises {@code runs} of {@code data}; fits SSE*_g for every group. */
    public static GroupwiseReport of(GroupedData data, OracleKind oracle, List<GroupwiseRun> runs, double seconds) {
        List<GroupResult> groups = new ArrayList<>();
        for (int g = 0; g < data.groups(); g++) {
            double sse = HindsightLeastSquares.fit(data.featuresOf(g), data.labelsOf(g)).sse();
            int group = g;
            groups.add(new GroupResult(data.groupNames().get(g), data.groupSize(g), sse,
                    runs.stream().mapToDouble(r -> r.baselineLoss()[group] - sse).toArray(),
                    runs.stream().mapToDouble(r -> r.expectedLoss()[group] - sse).toArray(),
                    runs.stream().mapToDouble(r -> r.mixtureLoss()[group] - sse).toArray()));
        }
        return new GroupwiseReport(oracle, List.copyOf(runs), List.copyOf(groups), seconds);
    }

    public OracleKind oracle() {
        return oracle;
    }

    /** The shuffles run, in order. */
    public List<GroupwiseRun> runs() {
        return runs;
    }

    /** One result per group, in the order of the data's groups. */
    public List<GroupResult> groups() {
        return groups;
    }

    /** Wall-clock seconds of the runs (SSE* fits excluded). */
    public double seconds() {
        return seconds;
    }

    /** The mean of {@code values}. */
    public static double mean(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s / values.length;
    }

    /** The sample standard deviation of {@code values} (0 for fewer than two). */
    public static double std(double[] values) {
        if (values.length < 2) {
            return 0;
        }
        double m = mean(values);
        double s = 0;
        for (double v : values) {
            s += (v - m) * (v - m);
        }
        return Math.sqrt(s / (values.length - 1));
    }
}
