package org.saddlepoint.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.saddlepoint.solvers.InvalidInputException;
import org.saddlepoint.solvers.finitesum.FiniteSumMethod;
import org.saddlepoint.solvers.finitesum.FiniteSumOptions;
import org.saddlepoint.solvers.finitesum.FiniteSumProblem;
import org.saddlepoint.solvers.finitesum.FiniteSumResult;
import org.saddlepoint.solvers.finitesum.FiniteSumSolver;
import org.saddlepoint.solvers.finitesum.Restarted;
import org.saddlepoint.solvers.finitesum.experiments.Experiment;
import org.saddlepoint.solvers.finitesum.experiments.FiniteSumInstance;
import org.saddlepoint.solvers.finitesum.experiments.MethodName;
import org.saddlepoint.solvers.finitesum.experiments.Preset;
import org.saddlepoint.solvers.iteration.SolverStatus;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code saddlepoint finite-sum EXPERIMENT}: the experiments of Cai, Alacaoglu and Diakonikolas,
 * "Variance Reduced Halpern Iteration for Finite-Sum Monotone Inclusions" (ICLR 2024), and the
 * spec's cocoercive least-squares problem, run with one or several finite-sum methods; residual
 * against epochs (oracle calls / n).
 */
@Command(name = "finite-sum", mixinStandardHelpOptions = true, versionProvider = Saddlepoint.Version.class,
        sortOptions = false,
        description = {
            "Runs finite-sum monotone-inclusion methods (variance-reduced Halpern: Cai, Alacaoglu and "
                + "Diakonikolas, ICLR 2024) on an experiment and reports the residual against epochs "
                + "(oracle calls / n; certificates are not charged).",
            "EXPERIMENT: least-squares (cocoercive, d = 20), policeman-burglar (matrix game on simplices, "
                + "certificate r_1), quadratic (unconstrained quadratic min-max, certificate ||F||)."
        },
        footer = {"", "Exit codes: 0 success (whatever the status), 2 bad input or arguments, 130 interrupted."})
public final class FiniteSumCommand implements Callable<Integer> {
    /** The residual levels whose first epochs are reported. */
    static final double[] LEVELS = {1e-1, 1e-2, 1e-3, 1e-4};
    /** Largest n of the matrix experiments (their dense matrices take 4 n^2 doubles). */
    static final int MAX_MATRIX_N = 5000;
    /** Largest n of least squares. */
    static final int MAX_LEAST_SQUARES_N = 5_000_000;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "EXPERIMENT", converter = ExperimentConverter.class,
            description = "least-squares, policeman-burglar or quadratic.")
    private Experiment experiment;

    @Option(names = "--method", paramLabel = "M", split = ",", converter = MethodConverter.class,
            completionCandidates = MethodNames.class,
            description = "One or more (comma-separated or repeated) of: ${COMPLETION-CANDIDATES}. Default: all.")
    private List<MethodName> methods;

    @Option(names = "--n", paramLabel = "N",
            description = "Number of components n. Default: 1000 (least-squares), 500 (policeman-burglar), 200 (quadratic).")
    private Integer n;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0",
            description = "Seed of the instance and of the methods' sampling. Default: ${DEFAULT-VALUE}.")
    private long seed;

    @Option(names = "--epochs", paramLabel = "E",
            description = "Budget per method in epochs. Default: 500 (least-squares), 2000 (policeman-burglar), 20000 (quadratic).")
    private Double epochs;

    @Option(names = "--preset", paramLabel = "theory|paper", converter = PresetConverter.class,
            description = "Parameters: paper (the authors' experiment scripts; theory where they have none) "
                    + "or theory (the analyses' step sizes). Default: paper.")
    private Preset preset = Preset.PAPER;

    @Option(names = "--restart", description = "Wrap each method in the restart scheme (restart on halving the residual).")
    private boolean restart;

    @Option(names = "--plot", paramLabel = "FILE.png",
            description = "Write a PNG of the residual against epochs (log scale), one line per method.")
    private Path plot;

    @Mixin
    private ReportOptions output;

    @Override
    public Integer call() {
        int size = size();
        double budget = budget();
        if (plot != null) {
            ConvergencePlot.checkWritable(plot);
        }
        List<MethodName> chosen = chosenMethods();
        FiniteSumInstance instance = experiment.generate(size, seed);
        FiniteSumProblem problem = instance.problem();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<FiniteSumResult> results = new ArrayList<>();
        boolean interrupted = false;
        try (InterruptOnShutdown guard = InterruptOnShutdown.install()) {
            for (MethodName m : chosen) {
                FiniteSumMethod method = instance.method(m, preset);
                FiniteSumOptions options = FiniteSumOptions.DEFAULT.withMaxEpochs(budget).withSeed(seed)
                        .withListener(output.progress(err, m.cliName() + " residual", Double.NaN));
                FiniteSumResult r = FiniteSumSolver.solve(problem, restart ? new Restarted(method) : method, options);
                results.add(r);
                if (r.status() == SolverStatus.INTERRUPTED) {
                    interrupted = true;
                    break;
                }
            }
            guard.clearInterrupt();
            if (output.json()) {
                JsonOutput.print(out, toJson(problem, chosen, results, budget));
            } else {
                printTable(out, problem, chosen, results, budget);
            }
            if (plot != null) {
                writePlot(problem, chosen, results);
                if (!output.json()) {
                    out.println("plot: " + plot);
                }
            }
            out.flush();
        }
        return interrupted ? Saddlepoint.EXIT_INTERRUPTED : Saddlepoint.EXIT_OK;
    }

    private int size() {
        int value = n == null ? experiment.defaultN() : n;
        int min = experiment == Experiment.QUADRATIC ? 2 : 1;
        int max = experiment == Experiment.LEAST_SQUARES ? MAX_LEAST_SQUARES_N : MAX_MATRIX_N;
        if (value < min || value > max) {
            throw new InvalidInputException("--n must lie in [" + min + ", " + max + "] for " + experiment.cliName()
                    + ", got " + value);
        }
        return value;
    }

    private double budget() {
        double value = epochs == null ? experiment.defaultEpochs() : epochs;
        if (!(value > 0) || Double.isInfinite(value) || value > 1e9) {
            throw new InvalidInputException("--epochs must be a number in (0, 1e9], got " + value);
        }
        return value;
    }

    private List<MethodName> chosenMethods() {
        if (methods == null || methods.isEmpty()) {
            return List.of(MethodName.values());
        }
        Set<MethodName> unique = new LinkedHashSet<>(methods);
        return List.copyOf(unique);
    }

    private ObjectNode toJson(FiniteSumProblem problem, List<MethodName> chosen, List<FiniteSumResult> results,
                              double budget) {
        ObjectNode node = JsonOutput.newObject();
        node.put("experiment", experiment.cliName());
        node.put("n", problem.components());
        node.put("dimension", problem.dimension());
        node.put("seed", seed);
        node.put("preset", preset.name().toLowerCase(Locale.ROOT));
        node.put("restart", restart);
        JsonOutput.putNumber(node, "max_epochs", budget);
        node.put("certificate", results.isEmpty() ? problem.certificate().name() : results.get(0).certificateName());
        JsonOutput.putNumber(node, "initial_certificate", problem.certificate().evaluate(problem.start()));
        ArrayNode array = node.putArray("results");
        for (int k = 0; k < results.size(); k++) {
            FiniteSumResult r = results.get(k);
            ObjectNode o = array.addObject();
            o.put("method", chosen.get(k).cliName());
            o.put("solver", r.method());
            o.put("status", r.status().name().toLowerCase(Locale.ROOT));
            JsonOutput.putNumber(o, "epochs", r.epochs());
            o.put("oracle_calls", r.oracleCalls());
            o.put("iterations", r.iterations());
            JsonOutput.putNumber(o, "seconds", r.seconds());
            JsonOutput.putNumber(o, "final_certificate", r.certificate());
            JsonOutput.putNumber(o, "min_certificate", r.minCertificate());
            problem.gap().ifPresent(g -> JsonOutput.putNumber(o, "duality_gap", g.evaluate(r.point())));
            ObjectNode to = o.putObject("epochs_to");
            for (double level : LEVELS) {
                JsonOutput.putNumber(to, levelName(level), r.epochsToReach(level));
            }
        }
        return node;
    }

    private static String levelName(double level) {
        return String.format(Locale.ROOT, "%.0e", level).replace("e-0", "e-");
    }

    private void printTable(PrintWriter out, FiniteSumProblem problem, List<MethodName> chosen,
                            List<FiniteSumResult> results, double budget) {
        out.println("experiment:  " + experiment.cliName() + " (n = " + problem.components() + ", d = "
                + problem.dimension() + ", seed " + seed + ")");
        out.println("certificate: " + problem.certificate().name() + ", initial "
                + Formats.number(problem.certificate().evaluate(problem.start())));
        out.println("budget:      " + Formats.number(budget) + " epochs per method, preset "
                + preset.name().toLowerCase(Locale.ROOT) + (restart ? ", restarted" : ""));
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-8s %-15s %10s %12s %12s",
                "method", "status", "epochs", "final", "min"));
        for (double level : LEVELS) {
            header.append(String.format(Locale.ROOT, " %9s", "to " + levelName(level)));
        }
        out.println(header.append(String.format(Locale.ROOT, " %9s", "seconds")));
        for (int k = 0; k < results.size(); k++) {
            FiniteSumResult r = results.get(k);
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-8s %-15s %10s %12s %12s",
                    chosen.get(k).cliName(), r.status().name().toLowerCase(Locale.ROOT), Formats.number(r.epochs()),
                    Formats.number(r.certificate()), Formats.number(r.minCertificate())));
            for (double level : LEVELS) {
                double e = r.epochsToReach(level);
                line.append(String.format(Locale.ROOT, " %9s", Double.isNaN(e) ? "-" : Formats.number(e)));
            }
            out.println(line.append(String.format(Locale.ROOT, " %9s", Formats.number(r.seconds()))));
        }
        for (int k = 0; k < results.size(); k++) {
            out.println("  " + chosen.get(k).cliName() + ": " + results.get(k).method());
        }
    }

    private void writePlot(FiniteSumProblem problem, List<MethodName> chosen, List<FiniteSumResult> results) {
        ConvergencePlot chart = new ConvergencePlot(experiment.cliName() + " (n = " + problem.components() + ")",
                results.isEmpty() ? "residual" : results.get(0).certificateName()).xAxisTitle("epochs");
        for (int k = 0; k < results.size(); k++) {
            FiniteSumResult r = results.get(k);
            chart.addSeries(chosen.get(k).cliName(), r.history(), r.checkpointEpochs());
        }
        chart.writePng(plot);
    }

    /** Parses EXPERIMENT. */
    static final class ExperimentConverter extends EnumConverter<Experiment> {
        ExperimentConverter() {
            super(Experiment.class, "experiment");
        }
    }

    /** Parses --method. */
    static final class MethodConverter extends EnumConverter<MethodName> {
        MethodConverter() {
            super(MethodName.class, "method");
        }
    }

    /** The method names, for the help text. */
    static final class MethodNames extends EnumConverter.Names<MethodName> {
        MethodNames() {
            super(MethodName.class);
        }
    }

    /** Parses --preset. */
    static final class PresetConverter extends EnumConverter<Preset> {
        PresetConverter() {
            super(Preset.class, "preset");
        }
    }
}
