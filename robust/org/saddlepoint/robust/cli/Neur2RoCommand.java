package org.saddlepoint.robust.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.saddlepoint.cli.EnumConverter;
import org.saddlepoint.cli.Formats;
import org.saddlepoint.cli.JsonOutput;
import org.saddlepoint.cli.Saddlepoint;
import org.saddlepoint.robust.neur2ro.KnapsackTrainingData;
import org.saddlepoint.robust.neur2ro.KnapsackValueModel;
import org.saddlepoint.robust.neur2ro.Neur2RoKnapsack;
import org.saddlepoint.robust.neur2ro.Neur2RoResult;
import org.saddlepoint.robust.twostage.RobustKnapsack;
import org.saddlepoint.robust.twostage.RobustKnapsackReader;
import org.saddlepoint.solvers.InvalidInputException;
import org.saddlepoint.solvers.mip.MipBackend;
import org.saddlepoint.solvers.neural.SetEncoderTrainer;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code saddlepoint neur2ro train|solve}: Neur2RO (Dumouchelle et al., ICLR 2024) on the two-stage robust knapsack. */
@Command(name = "neur2ro", mixinStandardHelpOptions = true, versionProvider = Saddlepoint.Version.class,
        subcommands = {Neur2RoCommand.Train.class, Neur2RoCommand.Solve.class},
        description = "Neur2RO: column-and-constraint generation with a trained value network (knapsack only).",
        footer = {"", "Exit codes: 0 success, 2 bad input or arguments."})
public final class Neur2RoCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: train or solve");
    }

    /** Requires the knapsack: Neur2RO on capital budgeting is not implemented. */
    static void requireKnapsack(ProblemKind problem) {
        if (problem != ProblemKind.KNAPSACK) {
            throw new InvalidInputException("neur2ro is implemented for --problem knapsack only");
        }
    }

    /** {@code neur2ro train}: generates labelled data and trains the set-based value network. */
    @Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Generates training data (exact recourse labels) and trains Neur2RO's value network.")
    static final class Train implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Option(names = "--problem", paramLabel = "knapsack", converter = CcgCommand.ProblemConverter.class,
                description = "The benchmark (knapsack). Default: knapsack.")
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

        @Override
        public Integer call() {
            requireKnapsack(problem);
            for (int n : sizes) {
                if (n < 1) {
                    throw new InvalidInputException("--sizes must be >= 1, got " + n);
                }
            }
            long start = System.nanoTime();
            KnapsackTrainingData data = KnapsackTrainingData.generate(seed, instances, sizes, decisions, scenarios);
            KnapsackValueModel model = KnapsackValueModel.train(data, SetEncoderTrainer.Options.DEFAULT
                    .withEpochs(epochs).withSeed(seed));
            model.save(out);
            PrintWriter w = spec.commandLine().getOut();
            w.println("model:       " + out);
            w.println("samples:     " + data.labelled().size());
            w.println("seconds:     " + Formats.number((System.nanoTime() - start) * 1e-9));
            w.flush();
            return Saddlepoint.EXIT_OK;
        }
    }

    /** {@code neur2ro solve}: ML-CCG on one instance, its first stage evaluated exactly. */
    @Command(name = "solve", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Runs Neur2RO's ML-CCG on INSTANCE and evaluates the first stage exactly.")
    static final class Solve implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Parameters(index = "0", paramLabel = "INSTANCE", description = "A knapsack instance (Arslan and Detienne's format).")
        private Path instance;

        @Option(names = "--model", required = true, paramLabel = "MODEL", description = "A model from neur2ro train.")
        private Path model;

        @Option(names = "--problem", paramLabel = "knapsack", converter = CcgCommand.ProblemConverter.class,
                description = "The benchmark (knapsack). Default: knapsack.")
        private ProblemKind problem = ProblemKind.KNAPSACK;

        @Option(names = "--time-limit", paramLabel = "S", defaultValue = "60",
                description = "Wall-clock limit of the ML-CCG loop. Default: ${DEFAULT-VALUE}.")
        private double timeLimit;

        @Option(names = "--solver", paramLabel = "scip|cbc|cp-sat|highs", converter = CcgCommand.BackendConverter.class,
                description = "MIP solver of the main and adversarial problems. Default: cbc.")
        private MipBackend solver = MipBackend.CBC;

        @Option(names = "--json", description = "Print one JSON object instead of the report.")
        private boolean json;

        @Override
        public Integer call() {
            requireKnapsack(problem);
            if (!(timeLimit > 0) || Double.isInfinite(timeLimit)) {
                throw new InvalidInputException("--time-limit must be a finite number of seconds > 0, got " + timeLimit);
            }
            KnapsackValueModel m = KnapsackValueModel.load(model);
            RobustKnapsack p = RobustKnapsackReader.read(instance);
            Neur2RoResult r = Neur2RoKnapsack.solve(p, m, solver, timeLimit);
            PrintWriter w = spec.commandLine().getOut();
            if (json) {
                JsonOutput.print(w, toJson(p, r, solver));
            } else {
                w.println("instance:    " + instance + " (" + p.size() + " items)");
                w.println("method:      neur2ro, " + EnumConverter.cliName(solver));
                w.println("status:      " + r.status().name().toLowerCase(Locale.ROOT));
                w.println("objective:   " + Formats.number(r.objective()) + " (exact worst case; profit "
                        + Formats.number(-r.objective()) + ")");
                w.println("iterations:  " + r.iterations() + ", scenarios " + r.scenarios().size());
                w.println("seconds:     " + Formats.number(r.seconds()));
                w.println("first stage: " + CcgCommand.ones(r.firstStage()));
                w.flush();
            }
            return Saddlepoint.EXIT_OK;
        }

        static ObjectNode toJson(RobustKnapsack p, Neur2RoResult r, MipBackend solver) {
            ObjectNode node = JsonOutput.newObject();
            node.put("method", "neur2ro");
            node.put("instance", p.name());
            node.put("solver", EnumConverter.cliName(solver));
            node.put("status", r.status().name().toLowerCase(Locale.ROOT));
            JsonOutput.putNumber(node, "objective", r.objective());
            JsonOutput.putNumber(node, "profit", -r.objective());
            JsonOutput.putNumber(node, "upper_bound", r.objective());
            node.put("iterations", r.iterations());
            node.put("scenarios", r.scenarios().size());
            JsonOutput.putNumber(node, "seconds", r.seconds());
            JsonOutput.putArray(node, "first_stage", CcgCommand.asNumbers(r.firstStage()));
            return node;
        }
    }
}
