package org.saddlepoint.robust.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.saddlepoint.cli.EnumConverter;
import org.saddlepoint.cli.Formats;
import org.saddlepoint.cli.InterruptOnShutdown;
import org.saddlepoint.cli.JsonOutput;
import org.saddlepoint.cli.ReportOptions;
import org.saddlepoint.cli.Saddlepoint;
import org.saddlepoint.robust.twostage.CcgOptions;
import org.saddlepoint.robust.twostage.CcgResult;
import org.saddlepoint.robust.twostage.ColumnAndConstraintGeneration;
import org.saddlepoint.robust.twostage.TwoStageRobustProblem;
import org.saddlepoint.solvers.InvalidInputException;
import org.saddlepoint.solvers.iteration.SolverStatus;
import org.saddlepoint.solvers.mip.MipBackend;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code saddlepoint ccg INSTANCE}: a two-stage robust problem solved exactly by column-and-constraint generation. */
@Command(name = "ccg", mixinStandardHelpOptions = true, versionProvider = Saddlepoint.Version.class,
        sortOptions = false,
        description = {
            "Solves the two-stage robust problem in INSTANCE exactly by column-and-constraint generation "
                + "(Zeng and Zhao 2013) and certifies it by its bounds: the optimum (a minimisation) lies in "
                + "[lower, upper], and upper is the exact worst-case objective of the first stage printed.",
            "For the knapsack the profit is -objective."
        },
        footer = {"", "Exit codes: 0 success (whatever the status), 2 bad input or arguments, 130 interrupted."})
public final class CcgCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "INSTANCE", description = "The instance file.")
    private Path instance;

    @Option(names = "--problem", paramLabel = "knapsack|capital-budgeting", converter = ProblemConverter.class,
            description = "knapsack (Arslan and Detienne's format) or capital-budgeting (Neur2RO's format). "
                    + "Default: knapsack.")
    private ProblemKind problem = ProblemKind.KNAPSACK;

    @Option(names = "--time-limit", paramLabel = "S", description = "Wall-clock limit in seconds. Default: none.")
    private Double timeLimit;

    @Option(names = "--solver", paramLabel = "scip|cbc|cp-sat|highs", converter = BackendConverter.class,
            description = "MIP solver (OR-Tools). Default: highs for the knapsack, cbc for capital budgeting. "
                    + "cp-sat scales real coefficients to integers, so its bounds are approximate.")
    private MipBackend solver;

    @Option(names = "--tol", paramLabel = "T", defaultValue = "1e-6",
            description = "Stop when (upper - lower) / max(1, |upper|) <= T. Default: ${DEFAULT-VALUE}.")
    private double tolerance;

    @Mixin
    private ReportOptions report;

    @Override
    public Integer call() {
        CcgOptions options = options();
        TwoStageRobustProblem p = problem.read(instance);
        PrintWriter out = spec.commandLine().getOut();
        options = options.withListener(report.progress(spec.commandLine().getErr(), "relative gap", 0));
        CcgResult r;
        try (InterruptOnShutdown guard = InterruptOnShutdown.install()) {
            r = ColumnAndConstraintGeneration.solve(p, options);
            guard.clearInterrupt();
            if (report.json()) {
                JsonOutput.print(out, toJson(p, r, options.backendFor(p)));
            } else {
                report(out, p, r, options.backendFor(p));
            }
        }
        return r.status() == SolverStatus.INTERRUPTED ? Saddlepoint.EXIT_INTERRUPTED : Saddlepoint.EXIT_OK;
    }

    private CcgOptions options() {
        if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
            throw new InvalidInputException("--tol must be a finite number >= 0, got " + tolerance);
        }
        if (timeLimit != null && (!(timeLimit > 0) || Double.isInfinite(timeLimit))) {
            throw new InvalidInputException("--time-limit must be a finite number of seconds > 0, got " + timeLimit);
        }
        CcgOptions options = CcgOptions.DEFAULT.withRelativeTolerance(tolerance).withBackend(solver);
        return timeLimit == null ? options : options.withTimeLimit(timeLimit);
    }

    static ObjectNode toJson(TwoStageRobustProblem p, CcgResult r, MipBackend backend) {
        ObjectNode node = JsonOutput.newObject();
        node.put("method", "ccg");
        node.put("instance", p.name());
        node.put("solver", EnumConverter.cliName(backend));
        node.put("status", r.status().name().toLowerCase(Locale.ROOT));
        JsonOutput.putNumber(node, "objective", r.upperBound());
        JsonOutput.putNumber(node, "lower_bound", r.lowerBound());
        JsonOutput.putNumber(node, "upper_bound", r.upperBound());
        JsonOutput.putNumber(node, "gap", r.gap());
        JsonOutput.putNumber(node, "relative_gap", r.relativeGap());
        node.put("iterations", r.iterations());
        node.put("scenarios", r.scenarios().size());
        JsonOutput.putNumber(node, "seconds", r.seconds());
        if (r.firstStage() == null) {
            node.putNull("first_stage");
        } else {
            JsonOutput.putArray(node, "first_stage", asNumbers(r.firstStage()));
        }
        return node;
    }

    private void report(PrintWriter out, TwoStageRobustProblem p, CcgResult r, MipBackend backend) {
        out.println("instance:    " + instance + " (" + p.size() + " first-stage binaries)");
        out.println("method:      column-and-constraint generation, " + EnumConverter.cliName(backend));
        out.println("status:      " + r.status().name().toLowerCase(Locale.ROOT));
        out.println("objective:   " + Formats.number(r.upperBound()) + " in [" + Formats.number(r.lowerBound()) + ", "
                + Formats.number(r.upperBound()) + "]");
        out.println("gap:         " + Formats.number(r.gap()) + " (relative " + Formats.number(r.relativeGap()) + ")");
        out.println("iterations:  " + r.iterations() + ", scenarios " + r.scenarios().size());
        out.println("seconds:     " + Formats.number(r.seconds()));
        out.println("first stage: " + (r.firstStage() == null ? "none in time" : ones(r.firstStage())));
        out.flush();
    }

    static double[] asNumbers(boolean[] x) {
        double[] v = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            v[i] = x[i] ? 1 : 0;
        }
        return v;
    }

    /** "1 0 1 ..." */
    static String ones(boolean[] x) {
        StringBuilder s = new StringBuilder();
        for (boolean b : x) {
            s.append(s.length() == 0 ? "" : " ").append(b ? '1' : '0');
        }
        return s.toString();
    }

    /** Parses --problem. */
    static final class ProblemConverter extends EnumConverter<ProblemKind> {
        ProblemConverter() {
            super(ProblemKind.class, "problem");
        }
    }

    /** Parses --solver. */
    static final class BackendConverter extends EnumConverter<MipBackend> {
        BackendConverter() {
            super(MipBackend.class, "solver");
        }
    }
}
