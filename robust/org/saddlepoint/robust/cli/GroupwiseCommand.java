package org.saddlepoint.robust.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.saddlepoint.cli.ConvergencePlot;
import org.saddlepoint.cli.EnumConverter;
import org.saddlepoint.cli.Formats;
import org.saddlepoint.cli.InterruptOnShutdown;
import org.saddlepoint.cli.JsonOutput;
import org.saddlepoint.cli.OptionChecks;
import org.saddlepoint.cli.ReportOptions;
import org.saddlepoint.cli.Saddlepoint;
import org.saddlepoint.robust.groupwise.GroupSpec;
import org.saddlepoint.robust.groupwise.GroupedCsv;
import org.saddlepoint.robust.groupwise.GroupedData;
import org.saddlepoint.robust.groupwise.GroupwiseExperiment;
import org.saddlepoint.robust.groupwise.GroupwiseReport;
import org.saddlepoint.robust.groupwise.OracleKind;
import org.saddlepoint.solvers.InvalidInputException;
import org.saddlepoint.solvers.iteration.IterationListener;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code saddlepoint groupwise DATA.csv}: online regression with groupwise regret guarantees
 * (Acharya et al., "Oracle Efficient Algorithms for Groupwise Regret", ICLR 2024) against the
 * group-agnostic baseline, per group over several shuffles of the rows.
 */
@Command(name = "groupwise", mixinStandardHelpOptions = true, versionProvider = Saddlepoint.Version.class,
        sortOptions = false,
        description = {
            "Plays the rows of DATA.csv online, in random orders, with the groupwise-regret algorithm of "
                + "Acharya et al. (ICLR 2024: one oracle per group, sleeping AdaNormalHedge over the groups) "
                + "and with one group-agnostic oracle (the baseline), and prints per group: T_g, the regret of "
                + "each (cumulative squared loss minus SSE*, the least-squares fit on the group in hindsight) "
                + "and SSE*. The label is min-max scaled to [0, 1]; numeric columns are min-max scaled, the "
                + "others one-hot encoded; the group indicators are features."
        },
        footer = {"", "Exit codes: 0 success, 2 bad input or arguments, 130 interrupted."})
public final class GroupwiseCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DATA.csv",
            description = "The data: CSV with a header line (unless the group specification names the columns); "
                    + "a name ending with .gz is read through gzip.")
    private Path dataFile;

    @Option(names = "--label", required = true, paramLabel = "COL",
            description = "The label column (numeric), or COL=VALUE for the 0/1 indicator of a category.")
    private String label;

    @Option(names = "--groups", required = true, paramLabel = "GROUPS_SPEC",
            description = "A group specification file, or the groups inline: 'young: age <= 35; smoker: smoker == yes'. "
                    + "See examples/groupwise/*-groups.txt.")
    private String groups;

    @Option(names = "--oracle", paramLabel = "ridge|vaw|ogd", defaultValue = "ridge", converter = OracleConverter.class,
            description = "The external-regret oracle of each group and of the baseline: ridge (online ridge, "
                    + "lambda 1, as in the paper), vaw (Vovk-Azoury-Warmuth), ogd (online gradient descent). "
                    + "Default: ${DEFAULT-VALUE}.")
    private OracleKind oracle;

    @Option(names = "--shuffles", paramLabel = "N", defaultValue = "10",
            description = "Number of random orders of the rows. Default: ${DEFAULT-VALUE}.")
    private int shuffles;

    @Option(names = "--seed", paramLabel = "S",
            description = "Shuffle k (from 0) uses seed S + k (NumPy RandomState permutation). Default: the "
                    + "paper's seeds 473, 503, ..., then 10, 11, ... beyond the tenth.")
    private Long seed;

    @Option(names = "--no-always-on", description = "Leave out the always-on group (on by default, as in the paper).")
    private boolean noAlwaysOn;

    @Option(names = "--plot", paramLabel = "FILE.png",
            description = "Write a bar chart of the mean regret per group to FILE.png.")
    private Path plot;

    @Mixin
    private ReportOptions output;

    @Override
    public Integer call() {
        long[] seeds = seeds();
        if (plot != null) {
            ConvergencePlot.checkWritable(plot);
        }
        GroupSpec groupSpec = Files.isRegularFile(Path.of(groups)) ? GroupSpec.read(Path.of(groups)) : inline();
        GroupedData data = GroupedCsv.read(dataFile, label, groupSpec, !noAlwaysOn);
        PrintWriter out = spec.commandLine().getOut();
        IterationListener progress = output.progress(spec.commandLine().getErr(), "groupwise total loss", Double.NaN);
        try (InterruptOnShutdown guard = InterruptOnShutdown.install()) {
            GroupwiseReport report = GroupwiseExperiment.run(data, oracle, seeds, progress);
            boolean interrupted = guard.clearInterrupt() || report.runs().size() < seeds.length;
            if (report.runs().isEmpty()) {
                return Saddlepoint.EXIT_INTERRUPTED;
            }
            if (output.json()) {
                JsonOutput.print(out, toJson(report, data));
            } else {
                printTable(out, report, data);
            }
            if (plot != null) {
                GroupwisePlot.write(report, "Groupwise regret on " + dataFile.getFileName(), plot);
                if (!output.json()) {
                    out.println("plot:      " + plot);
                }
            }
            out.flush();
            return interrupted ? Saddlepoint.EXIT_INTERRUPTED : Saddlepoint.EXIT_OK;
        }
    }

    private GroupSpec inline() {
        if (!groups.contains(":")) {
            throw new InvalidInputException(groups + ": no such group specification file (inline groups look like "
                    + "'NAME: CONDITION; ...')");
        }
        return GroupSpec.inline(groups);
    }

    private long[] seeds() {
        OptionChecks.positive("--shuffles", shuffles);
        if (seed != null) {
            if (seed < 0 || seed + shuffles - 1 > 0xffffffffL) {
                throw new InvalidInputException("--seed must be in [0, 2^32 - shuffles], got " + seed);
            }
            return LongStream.range(0, shuffles).map(k -> seed + k).toArray();
        }
        long[] paper = GroupwiseExperiment.PAPER_SEEDS;
        return LongStream.range(0, shuffles).map(k -> k < paper.length ? paper[(int) k] : k).toArray();
    }

    static ObjectNode toJson(GroupwiseReport report, GroupedData data) {
        ObjectNode node = JsonOutput.newObject();
        node.put("oracle", report.oracle().cliName());
        node.put("rows", data.rows());
        node.put("features", data.dimension());
        ArrayNode seeds = node.putArray("seeds");
        report.runs().forEach(r -> seeds.add(r.seed()));
        JsonOutput.putNumber(node, "seconds", report.seconds());
        ArrayNode groups = node.putArray("groups");
        for (GroupwiseReport.GroupResult g : report.groups()) {
            ObjectNode row = groups.addObject();
            row.put("name", g.name());
            row.put("size", g.size());
            JsonOutput.putNumber(row, "sse", g.sse());
            JsonOutput.putNumber(row, "baseline_regret_mean", GroupwiseReport.mean(g.baselineRegret()));
            JsonOutput.putNumber(row, "groupwise_regret_mean", GroupwiseReport.mean(g.expectedRegret()));
            JsonOutput.putNumber(row, "mixture_regret_mean", GroupwiseReport.mean(g.mixtureRegret()));
            JsonOutput.putArray(row, "baseline_regret", g.baselineRegret());
            JsonOutput.putArray(row, "groupwise_regret", g.expectedRegret());
            JsonOutput.putArray(row, "mixture_regret", g.mixtureRegret());
        }
        return node;
    }

    private void printTable(PrintWriter out, GroupwiseReport report, GroupedData data) {
        out.println("data:      " + dataFile + " (" + data.rows() + " rows, " + data.dimension() + " features, "
                + data.groups() + " groups)");
        out.println("oracle:    " + report.oracle().cliName() + ", per group and for the baseline");
        out.println("shuffles:  " + report.runs().size() + " (seeds " + report.runs().stream()
                .map(r -> Long.toString(r.seed())).collect(Collectors.joining(", ")) + ")");
        out.println("seconds:   " + Formats.number(report.seconds()));
        out.println("regret = cumulative squared loss on the group - SSE*; mean +- std over the shuffles");
        int width = Math.max(5, report.groups().stream().mapToInt(g -> g.name().length()).max().orElse(5));
        out.println(String.format(Locale.ROOT, "%-" + width + "s %7s %18s %18s %18s %10s", "group", "T_g",
                "baseline", "groupwise", "groupwise mixture", "SSE*"));
        int wins = 0;
        for (GroupwiseReport.GroupResult g : report.groups()) {
            out.println(String.format(Locale.ROOT, "%-" + width + "s %7d %18s %18s %18s %10.4f", g.name(), g.size(),
                    meanStd(g.baselineRegret()), meanStd(g.expectedRegret()), meanStd(g.mixtureRegret()), g.sse()));
            wins += GroupwiseReport.mean(g.expectedRegret()) < GroupwiseReport.mean(g.baselineRegret()) ? 1 : 0;
        }
        out.println("groupwise beats the baseline on " + wins + " of " + report.groups().size() + " groups");
    }

    private static String meanStd(double[] values) {
        return String.format(Locale.ROOT, "%.4f +- %.4f", GroupwiseReport.mean(values), GroupwiseReport.std(values));
    }

    /** Parses --oracle. */
    static final class OracleConverter extends EnumConverter<OracleKind> {
        OracleConverter() {
            super(OracleKind.class, "oracle");
        }
    }
}
