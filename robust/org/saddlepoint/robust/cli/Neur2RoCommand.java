package org.saddlepoint.robust.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.saddlepoint.cli.EnumConverter;
import org.saddlepoint.cli.Formats;
import org.saddlepoint.cli.JsonOutput;
import org.saddlepoint.cli.ReportOptions;
import org.saddlepoint.cli.Saddlepoint;
import org.saddlepoint.robust.neur2ro.CapitalBudgetingTrainingData;
import org.saddlepoint.robust.neur2ro.CapitalBudgetingValueModel;
import org.saddlepoint.robust.neur2ro.KnapsackTrainingData;
import org.saddlepoint.robust.neur2ro.KnapsackValueModel;
import org.saddlepoint.robust.neur2ro.ModelFile;
import org.saddlepoint.robust.neur2ro.Neur2RoCapitalBudgeting;
import org.saddlepoint.robust.neur2ro.Neur2RoKnapsack;
import org.saddlepoint.robust.neur2ro.Neur2RoResult;
import org.saddlepoint.robust.twostage.CapitalBudgeting;
import org.saddlepoint.robust.twostage.RobustKnapsack;
import org.saddlepoint.robust.twostage.TwoStageRobustProblem;
import org.saddlepoint.solvers.InvalidInputException;
import org.saddlepoint.solvers.iteration.IterationListener;
import org.saddlepoint.solvers.mip.MipBackend;
import org.saddlepoint.solvers.neural.SetEncoderTrainer;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code saddlepoint neur2ro train|solve}: Neur2RO (Dumouchelle et al., ICLR 2024) on the two-stage robust
 * knapsack and on capital budgeting.
 */
@Command(name = "neur2ro", mixinStandardHelpOptions = true, versionProvider = Saddlepoint.Version.class,
        subcommands = {Neur2RoCommand.Train.class, Neur2RoCommand.Solve.class},
        description = "Neur2RO: column-and-constraint generation with a trained value network "
                + "(knapsack, capital budgeting).",
        footer = {"", "Exit codes: 0 success, 2 bad input or arguments."})
public final class Neur2RoCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: train or solve");
    }

    /** {@code neur2ro train}: generates labelled data and trains the set-based value network. */
    @Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Generates training data (exact recourse labels) and trains Neur2RO's value network.")
    static final class Train implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Option(names = "--problem", paramLabel = "knapsack|capital-budgeting",
                converter = CcgCommand.ProblemConverter.class,
                description = "The benchmark (random instances from Neur2RO's generators). Default: knapsack.")
        private ProblemKind problem = ProblemKind.KNAPSACK;

        @Option(names = "--out", required = true, paramLabel = "MODEL", description = "Where the model (JSON) goes.")
        private Path out;

        @Option(names = "--instances", defaultValue = "40", description = "Random instances. Default: ${DEFAULT-VALUE}.")
        private int instances;

        @Option(names = "--sizes", defaultValue = "10,15,20", split = ",", description = "Instance sizes n. Default: ${DEFAULT-VALUE}.")
        private int[] sizes;

        @Option(names = "--decisions", defaultValue = "10", description = "First stages per instance. Default: ${DEFAULT-VALUE}.")
        private int decisions;

        @Option(names = "--scenarios", defaultValue = "20", description = "Scenarios per first stage. Default: ${DEFAULT-VALUE}.")
        private int scenarios;

        @Option(names = "--epochs", defaultValue = "100", description = "Training epochs (Adam, batch 256). Default: ${DEFAULT-VALUE}.")
        private int epochs;

        @Option(names = "--seed", defaultValue = "7", description = "Seed of the data and the training. Default: ${DEFAULT-VALUE}.")
        private long seed;

        @Mixin
        private ReportOptions report;

        @Override
        public Integer call() {
            for (int n : sizes) {
                if (n < 1) {
                    throw new InvalidInputException("--sizes must be >= 1, got " + n);
                }
            }
            long start = System.nanoTime();
            SetEncoderTrainer.Options options = SetEncoderTrainer.Options.DEFAULT.withEpochs(epochs).withSeed(seed);
            long total = (long) instances * decisions * scenarios;
            progress("generating " + total + " labelled samples (exact recourse solves, all cores)", start);
            int samples;
            if (problem == ProblemKind.KNAPSACK) {
                KnapsackTrainingData data = KnapsackTrainingData.generate(seed, instances, sizes, decisions, scenarios);
                progress("training the value network, " + epochs + " epochs", start);
                KnapsackValueModel.train(data, options).save(out);
                samples = data.labelled().size();
            } else {
                CapitalBudgetingTrainingData data = CapitalBudgetingTrainingData.generate(seed, instances, sizes,
                        decisions, scenarios);
                progress("training the value network, " + epochs + " epochs", start);
                CapitalBudgetingValueModel.train(data, options).save(out);
                samples = data.labelled().size();
            }
            double seconds = (System.nanoTime() - start) * 1e-9;
            PrintWriter w = spec.commandLine().getOut();
            if (report.json()) {
                ObjectNode node = JsonOutput.newObject();
                node.put("model", out.toString());
                node.put("problem", EnumConverter.cliName(problem));
                node.put("samples", samples);
                JsonOutput.putNumber(node, "seconds", seconds);
                JsonOutput.print(w, node);
            } else {
                w.println("model:       " + out + " (" + EnumConverter.cliName(problem) + ")");
                w.println("samples:     " + samples);
                w.println("seconds:     " + Formats.number(seconds));
                w.flush();
            }
            return Saddlepoint.EXIT_OK;
        }

        /** One progress line on stderr (none with -q): the stage and the seconds so far. */
        private void progress(String stage, long start) {
            if (!report.quiet()) {
                PrintWriter err = spec.commandLine().getErr();
                err.println("neur2ro train: " + stage + " (" + Formats.number((System.nanoTime() - start) * 1e-9)
                        + " s)");
                err.flush();
            }
        }
    }

    /** {@code neur2ro solve}: ML-CCG on one instance, its first stage evaluated exactly. */
    @Command(name = "solve", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Runs Neur2RO's ML-CCG on INSTANCE with MODEL (whose file says the benchmark) and "
                    + "evaluates the first stage exactly.")
    static final class Solve implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Parameters(index = "0", paramLabel = "INSTANCE",
                description = "A knapsack (Arslan and Detienne's format) or capital-budgeting (Neur2RO's format) instance.")
        private Path instance;

        @Option(names = "--model", required = true, paramLabel = "MODEL", description = "A model from neur2ro train.")
        private Path model;

        @Option(names = "--time-limit", paramLabel = "S", defaultValue = "60",
                description = "Wall-clock limit of the ML-CCG loop. Default: ${DEFAULT-VALUE}.")
        private double timeLimit;

        @Option(names = "--solver", paramLabel = "scip|cbc|cp-sat|highs", converter = CcgCommand.BackendConverter.class,
                description = "MIP solver of the main and adversarial problems. Default: highs for a knapsack "
                        + "model (CBC overran its time limits there), cbc for capital budgeting.")
        private MipBackend solverOption;

        @Mixin
        private ReportOptions report;

        @Override
        public Integer call() {
            if (!(timeLimit > 0) || Double.isInfinite(timeLimit)) {
                throw new InvalidInputException("--time-limit must be a finite number of seconds > 0, got " + timeLimit);
            }
            String format = ModelFile.format(model);
            ProblemKind kind = format.equals(KnapsackValueModel.FORMAT) ? ProblemKind.KNAPSACK
                    : format.equals(CapitalBudgetingValueModel.FORMAT) ? ProblemKind.CAPITAL_BUDGETING : null;
            if (kind == null) {
                throw new InvalidInputException(model + ": not a saddlepoint.neur2ro model (format '" + format + "')");
            }
            TwoStageRobustProblem p = read(kind);
            MipBackend solver = solverOption != null ? solverOption
                    : kind == ProblemKind.KNAPSACK ? MipBackend.HIGHS : MipBackend.CBC;
            IterationListener progress = report.progress(spec.commandLine().getErr(), "scenarios", Double.NaN);
            Neur2RoResult r = kind == ProblemKind.KNAPSACK
                    ? Neur2RoKnapsack.solve((RobustKnapsack) p, KnapsackValueModel.load(model), solver, timeLimit,
                            progress)
                    : Neur2RoCapitalBudgeting.solve((CapitalBudgeting) p, CapitalBudgetingValueModel.load(model), solver,
                            timeLimit, progress);
            PrintWriter w = spec.commandLine().getOut();
            if (report.json()) {
                JsonOutput.print(w, toJson(p, r, solver));
            } else {
                w.println("instance:    " + instance + " (" + EnumConverter.cliName(kind) + ", n = " + p.size() + ")");
                w.println("method:      neur2ro, " + EnumConverter.cliName(solver));
                w.println("status:      " + r.status().name().toLowerCase(Locale.ROOT));
                w.println("objective:   " + Formats.number(r.objective()) + " (exact worst case"
                        + (p instanceof RobustKnapsack ? "; profit " + Formats.number(-r.objective()) : "") + ")");
                w.println("iterations:  " + r.iterations() + ", scenarios " + r.scenarios().size());
                w.println("seconds:     " + Formats.number(r.seconds()));
                w.println("first stage: " + CcgCommand.ones(r.firstStage()));
                w.flush();
            }
            return Saddlepoint.EXIT_OK;
        }

        /** INSTANCE in the model's benchmark; an instance of the other benchmark is a one-line mismatch error. */
        private TwoStageRobustProblem read(ProblemKind kind) {
            try {
                return kind.read(instance);
            } catch (InvalidInputException e) {
                ProblemKind other = kind == ProblemKind.KNAPSACK ? ProblemKind.CAPITAL_BUDGETING : ProblemKind.KNAPSACK;
                try {
                    other.read(instance);
                } catch (InvalidInputException notOther) {
                    throw e;
                }
                throw new InvalidInputException(instance + " is a " + EnumConverter.cliName(other) + " instance, but "
                        + model + " is a " + EnumConverter.cliName(kind) + " model", e);
            }
        }

        static ObjectNode toJson(TwoStageRobustProblem p, Neur2RoResult r, MipBackend solver) {
            ObjectNode node = JsonOutput.newObject();
            node.put("method", "neur2ro");
            node.put("instance", p.name());
            node.put("solver", EnumConverter.cliName(solver));
            node.put("status", r.status().name().toLowerCase(Locale.ROOT));
            JsonOutput.putNumber(node, "objective", r.objective());
            if (p instanceof RobustKnapsack) {
                JsonOutput.putNumber(node, "profit", -r.objective());
            }
            JsonOutput.putNumber(node, "upper_bound", r.objective());
            node.put("iterations", r.iterations());
            node.put("scenarios", r.scenarios().size());
            JsonOutput.putNumber(node, "seconds", r.seconds());
            JsonOutput.putArray(node, "first_stage", CcgCommand.asNumbers(r.firstStage()));
            return node;
        }
    }
}
