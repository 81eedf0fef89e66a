package org.saddlepoint.games.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.saddlepoint.cli.ConvergencePlot;
import org.saddlepoint.cli.EnumConverter;
import org.saddlepoint.cli.Formats;
import org.saddlepoint.cli.InterruptOnShutdown;
import org.saddlepoint.cli.JsonOutput;
import org.saddlepoint.cli.OptionChecks;
import org.saddlepoint.cli.ReportOptions;
import org.saddlepoint.cli.Saddlepoint;
import org.saddlepoint.games.LpBackend;
import org.saddlepoint.games.MatrixGame;
import org.saddlepoint.games.MatrixGameSolution;
import org.saddlepoint.games.NashMethod;
import org.saddlepoint.games.NashOptions;
import org.saddlepoint.games.NashSolver;
import org.saddlepoint.solvers.InvalidInputException;
import org.saddlepoint.solvers.io.MatrixCsv;
import org.saddlepoint.solvers.iteration.SolverStatus;
import org.saddlepoint.solvers.kernels.KernelBackend;
import org.saddlepoint.solvers.kernels.Precision;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code saddlepoint nash GAME.csv}: a certified Nash equilibrium of a two-player zero-sum matrix game. */
@Command(name = "nash", mixinStandardHelpOptions = true, versionProvider = Saddlepoint.Version.class,
        sortOptions = false,
        description = {
            "Computes a Nash equilibrium of the two-player zero-sum game with payoff matrix A in GAME.csv "
                + "and certifies it by its duality gap.",
            "The row player maximizes x^T A y, the column player minimizes it. The game's value lies in "
                + "[lower, upper], an interval of width 'duality gap'."
        },
        footer = {"", "Exit codes: 0 success (whatever the status), 2 bad input or arguments, 130 interrupted."})
public final class NashCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "GAME.csv",
            description = "Payoff matrix of the row player: one line per row, comma-separated numbers, no header.")
    private Path gameFile;

    @Option(names = "--method", paramLabel = "METHOD", converter = MethodConverter.class,
            completionCandidates = MethodNames.class,
            description = "One of: ${COMPLETION-CANDIDATES}. Default: the fastest that reaches the tolerance "
                    + "(NashSolver.defaultMethod): lp for games of at most 2500 entries or --tol below 1e-9, "
                    + "restricted-rm-plus otherwise, and with --plot.")
    private NashMethod method;

    @Option(names = "--tol", paramLabel = "T", defaultValue = "1e-6",
            description = "Relative tolerance: stop when duality gap / (max A - min A) <= T. Default: ${DEFAULT-VALUE}.")
    private double tolerance;

    @Option(names = "--max-iter", paramLabel = "N", defaultValue = "1000000",
            description = "Iteration cap of an iterative method. Default: ${DEFAULT-VALUE}.")
    private int maxIterations;

    @Option(names = "--time-limit", paramLabel = "S",
            description = "Wall-clock limit of the solve in seconds. Default: none.")
    private Double timeLimit;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0",
            description = "Seed of every random choice, for reproducible runs. Default: ${DEFAULT-VALUE}.")
    private long seed;

    @Option(names = "--lp-backend", paramLabel = "glop|pdlp|ojalgo", converter = LpBackendConverter.class,
            description = "Solver of --method lp: glop (OR-Tools' simplex, exact), pdlp (OR-Tools' first-order "
                    + "method, for large games) or ojalgo (pure-Java simplex, no native libraries). Default: glop.")
    private LpBackend lpBackend = LpBackend.GLOP;

    @Option(names = "--backend", paramLabel = "auto|java|opencl", converter = KernelBackendConverter.class,
            description = "Backend of the hot loops of --method rm-plus: auto (OpenCL when a device is found and "
                    + "the game has at least 1,000,000 entries), java or opencl; falls back to plain Java, with a "
                    + "log line, when OpenCL cannot start. Other methods run in plain Java. Default: java.")
    private KernelBackend backend = KernelBackend.JAVA;

    @Option(names = "--precision", paramLabel = "double|float", converter = PrecisionConverter.class,
            description = "Precision of the iterations of --method rm-plus on the backend; the duality gap is "
                    + "always computed in double on the original matrix. Default: double.")
    private Precision precision = Precision.DOUBLE;

    @Option(names = "--plot", paramLabel = "FILE.png",
            description = "Write a PNG of the duality gap against iterations (log scale) to FILE.png.")
    private Path plot;

    @Mixin
    private ReportOptions output;

    @Override
    public Integer call() {
        NashOptions options = options();
        if (plot != null) {
            if (method == NashMethod.LP) {
                throw new InvalidInputException("--plot draws the duality gap per iteration, which --method lp "
                        + "does not have; choose an iterative method");
            }
            ConvergencePlot.checkWritable(plot);
        }
        MatrixGame game = MatrixGame.of(MatrixCsv.read(gameFile));
        boolean automatic = method == null;
        NashMethod chosen = !automatic ? method
                : plot != null ? NashSolver.DEFAULT_ITERATIVE_METHOD : NashSolver.defaultMethod(game, options);
        PrintWriter out = spec.commandLine().getOut();
        options = options.withListener(output.progress(spec.commandLine().getErr(), "gap", game.payoffRange()));

        MatrixGameSolution solution;
        try (InterruptOnShutdown guard = InterruptOnShutdown.install()) {
            solution = NashSolver.solve(game, chosen, options);
            guard.clearInterrupt();
            if (output.json()) {
                JsonOutput.print(out, toJson(chosen.cliName(), solution, game));
            } else {
                printReport(out, solution, game, chosen.cliName() + (automatic ? " (default)" : ""));
            }
            if (plot != null) {
                new ConvergencePlot("Duality gap on " + fileName(), "duality gap")
                        .addSeries(solution.method(), solution.history()).writePng(plot);
                if (!output.json()) {
                    out.println("plot:        " + plot);
                }
            }
            out.flush();
        }
        return solution.status() == SolverStatus.INTERRUPTED ? Saddlepoint.EXIT_INTERRUPTED : Saddlepoint.EXIT_OK;
    }

    private NashOptions options() {
        OptionChecks.nonNegativeFinite("--tol", tolerance);
        OptionChecks.positive("--max-iter", maxIterations);
        OptionChecks.timeLimit(timeLimit);
        NashOptions options = NashOptions.DEFAULT.withRelativeTolerance(tolerance).withMaxIterations(maxIterations)
                .withSeed(seed).withLpBackend(lpBackend).withBackend(backend).withPrecision(precision);
        return timeLimit == null ? options : options.withTimeLimit(timeLimit);
    }

    private String fileName() {
        Path name = gameFile.getFileName();
        return name == null ? gameFile.toString() : name.toString();
    }

    private static double relativeGap(MatrixGameSolution s, MatrixGame game) {
        double range = game.payoffRange();
        return range > 0 ? s.dualityGap() / range : s.dualityGap() == 0 ? 0.0 : Double.POSITIVE_INFINITY;
    }

    private static String statusName(SolverStatus status) {
        return status.name().toLowerCase(Locale.ROOT);
    }

    /**
     * The --json object. {@code method} is the command-line name of the method, {@code solver} the
     * library's description of what ran (with its variant and parameters).
     */
    static ObjectNode toJson(String methodName, MatrixGameSolution s, MatrixGame game) {
        ObjectNode node = JsonOutput.newObject();
        node.put("method", methodName);
        node.put("solver", s.method());
        node.put("status", statusName(s.status()));
        JsonOutput.putNumber(node, "value", s.value());
        JsonOutput.putNumber(node, "lower_bound", s.lowerBound());
        JsonOutput.putNumber(node, "upper_bound", s.upperBound());
        JsonOutput.putNumber(node, "duality_gap", s.dualityGap());
        JsonOutput.putNumber(node, "relative_gap", relativeGap(s, game));
        node.put("iterations", s.iterations());
        JsonOutput.putNumber(node, "seconds", s.seconds());
        node.put("rows", game.rows());
        node.put("cols", game.cols());
        JsonOutput.putArray(node, "row_strategy", s.rowStrategy());
        JsonOutput.putArray(node, "col_strategy", s.colStrategy());
        return node;
    }

    private void printReport(PrintWriter out, MatrixGameSolution s, MatrixGame game, String methodLabel) {
        out.println("game:        " + gameFile + " (" + game.rows() + " x " + game.cols() + ")");
        out.println("method:      " + methodLabel + ": " + s.method());
        out.println("status:      " + statusName(s.status()));
        out.println("value:       " + Formats.number(s.value()) + " in [" + Formats.number(s.lowerBound()) + ", "
                + Formats.number(s.upperBound()) + "]");
        out.println("duality gap: " + Formats.number(s.dualityGap()) + " (relative "
                + Formats.number(relativeGap(s, game)) + ")");
        out.println("iterations:  " + s.iterations());
        out.println("seconds:     " + Formats.number(s.seconds()));
        out.println("row:         " + Formats.strategy(s.rowStrategy()));
        out.println("column:      " + Formats.strategy(s.colStrategy()));
    }

    /** Parses --method by its command-line name. */
    static final class MethodConverter extends EnumConverter<NashMethod> {
        MethodConverter() {
            super(NashMethod.class, "method");
        }
    }

    /** The command-line names of the methods, for the help text and shell completion. */
    static final class MethodNames extends EnumConverter.Names<NashMethod> {
        MethodNames() {
            super(NashMethod.class);
        }
    }

    /** Parses --lp-backend. */
    static final class LpBackendConverter extends EnumConverter<LpBackend> {
        LpBackendConverter() {
            super(LpBackend.class, "LP backend");
        }
    }

    /** Parses --backend. */
    static final class KernelBackendConverter extends EnumConverter<KernelBackend> {
        KernelBackendConverter() {
            super(KernelBackend.class, "backend");
        }
    }

    /** Parses --precision. */
    static final class PrecisionConverter extends EnumConverter<Precision> {
        PrecisionConverter() {
            super(Precision.class, "precision");
        }
    }
}
