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
import org.saddlepoint.games.preference.PreferenceCsv;
import org.saddlepoint.games.preference.PreferenceGame;
import org.saddlepoint.games.preference.PreferenceMatrix;
import org.saddlepoint.games.preference.PreferenceResult;
import org.saddlepoint.solvers.InvalidInputException;
import org.saddlepoint.solvers.iteration.IterationListener;
import org.saddlepoint.solvers.iteration.SolverStatus;
import org.saddlepoint.solvers.iteration.StoppingRule;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code saddlepoint preference PREF.csv}: a learner of the KL-regularized preference game (Nash
 * learning from human feedback) on the responses of a preference matrix, its last iterate with
 * its certificates, and the LP minimax winner for comparison.
 */
@Command(name = "preference", mixinStandardHelpOptions = true, versionProvider = Saddlepoint.Version.class,
        sortOptions = false,
        description = {
            "Runs a preference-game learner on the preference matrix in PREF.csv (line i: P(i beats 1), ..., "
                + "P(i beats K); P + P^T = 1) and certifies its last iterate by the regularized duality gap "
                + "Gap_beta and the exploitability max_y (P pi)_y - 1/2.",
            "The game: max over pi, min over pi' of pi^T P pi' - beta KL(pi || mu) + beta KL(pi' || mu), "
                + "mu the reference policy (--ref, default uniform). The LP minimax winner (beta -> 0) is printed "
                + "for comparison."
        },
        footer = {"", "Exit codes: 0 success (whatever the status), 2 bad input or arguments, 130 interrupted."})
public final class PreferenceCommand implements Callable<Integer> {
    /** Above this many responses the Newton solve for pi*_beta (K^3 per step) is skipped. */
    static final int MAX_EQUILIBRIUM_RESPONSES = 1000;
    /** Above this many responses the LP minimax winner is skipped. */
    static final int MAX_LP_RESPONSES = 2000;
    private static final PreferenceMethod[] PLOTTED = {PreferenceMethod.EGPO, PreferenceMethod.OMD,
        PreferenceMethod.NASH_MD};

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PREF.csv",
            description = "Preference matrix: K lines of K comma-separated probabilities, no header.")
    private Path preferenceFile;

    @Option(names = "--method", paramLabel = "METHOD", converter = MethodConverter.class,
            description = "egpo (extragradient, default), nash-md, inpo (INPO's loss, exact; a K^2 x K least-squares "
                    + "solve per update, for small K), omd (online mirror descent), spo (Hedge self-play, judged by its "
                    + "average), apo (SPPO rounds with momentum).")
    private PreferenceMethod method = PreferenceMethod.EGPO;

    @Option(names = "--beta", paramLabel = "B", defaultValue = "0.1",
            description = "KL regularization beta > 0 (APO: the round's step is 1/beta). Default: ${DEFAULT-VALUE}.")
    private double beta;

    @Option(names = "--eta", paramLabel = "E",
            description = "Step eta: eta * beta <= 1 for the mirror methods; Hedge's step for spo. Default: "
                    + "1/(beta+1), for spo sqrt(8 ln K / T) / 2.")
    private Double eta;

    @Option(names = "--momentum", paramLabel = "A", defaultValue = "0.3",
            description = "APO's momentum alpha in [0, 1). Default: ${DEFAULT-VALUE}.")
    private double momentum;

    @Option(names = "--iterations", paramLabel = "T", defaultValue = "1000",
            description = "Policy updates. Default: ${DEFAULT-VALUE}.")
    private int iterations;

    @Option(names = "--tol", paramLabel = "T", defaultValue = "1e-12",
            description = "Stop early once the method's certificate is at most T. Default: ${DEFAULT-VALUE}.")
    private double tolerance;

    @Option(names = "--ref", paramLabel = "REF.csv",
            description = "Reference policy mu: K positive numbers on one line or one per line (divided by their "
                    + "sum). Default: uniform.")
    private Path referenceFile;

    @Option(names = "--plot", paramLabel = "FILE.png",
            description = "Write a PNG of Gap_beta against updates (log scale) of egpo, omd and nash-md with the "
                    + "same beta, eta and T, and of --method.")
    private Path plot;

    @Mixin
    private ReportOptions output;

    @Override
    public Integer call() {
        checkOptions();
        if (plot != null) {
            ConvergencePlot.checkWritable(plot);
        }
        PreferenceMatrix p = PreferenceCsv.readMatrix(preferenceFile);
        PreferenceGame game = referenceFile == null ? PreferenceGame.uniform(p, beta)
                : PreferenceGame.of(p, PreferenceCsv.readPolicy(referenceFile, p.size()), beta);
        double step = eta != null ? eta : method.defaultEta(beta, p.size(), iterations);
        PrintWriter out = spec.commandLine().getOut();
        IterationListener listener = output.progress(spec.commandLine().getErr(), "certificate", Double.NaN);
        StoppingRule rule = StoppingRule.DEFAULT.withTolerance(tolerance).withMaxIterations(iterations)
                .withCheckInterval(Math.max(1, iterations / 1000));
        PreferenceResult result;
        try (InterruptOnShutdown guard = InterruptOnShutdown.install()) {
            result = method.learner(step, momentum).solve(game, rule, listener);
            guard.clearInterrupt();
            Comparison comparison = Comparison.of(game, result);
            if (output.json()) {
                JsonOutput.print(out, toJson(result, comparison, step));
            } else {
                printReport(out, game, result, comparison, step);
            }
            if (plot != null) {
                writePlot(game, step, rule, result);
                if (!output.json()) {
                    out.println("plot:            " + plot);
                }
            }
            out.flush();
        }
        return result.status() == SolverStatus.INTERRUPTED ? Saddlepoint.EXIT_INTERRUPTED : Saddlepoint.EXIT_OK;
    }

    private void checkOptions() {
        OptionChecks.positiveFinite("--beta", beta);
        if (eta != null) {
            OptionChecks.positiveFinite("--eta", eta);
        }
        OptionChecks.positive("--iterations", iterations);
        OptionChecks.nonNegativeFinite("--tol", tolerance);
        if (!(momentum >= 0 && momentum < 1)) {
            throw new InvalidInputException("--momentum must be in [0, 1), got " + momentum);
        }
    }

    private void writePlot(PreferenceGame game, double step, StoppingRule rule, PreferenceResult result) {
        String yLabel = method.regularized() ? "Gap_beta (last iterate)"
                : "Gap_beta (last iterate); " + method.cliName() + ": " + result.certificateName();
        ConvergencePlot chart = new ConvergencePlot("Preference game " + fileName() + ", beta = " + beta, yLabel);
        for (PreferenceMethod m : PLOTTED) {
            if (m != method) {
                chart.addSeries(m.cliName(), m.learner(step, momentum).solve(game, rule, null).history());
            }
        }
        chart.addSeries(method.cliName() + ": " + result.certificateName(), result.history()).writePng(plot);
    }

    private String fileName() {
        Path name = preferenceFile.getFileName();
        return name == null ? preferenceFile.toString() : name.toString();
    }

    /**
     * What the last iterate is compared with: pi*_beta (Newton; skipped above
     * {@value #MAX_EQUILIBRIUM_RESPONSES} responses) and the LP minimax winner (skipped above
     * {@value #MAX_LP_RESPONSES}).
     */
    record Comparison(double klFromEquilibrium, double[] minimaxWinner, double winnerExploitability) {
        static Comparison of(PreferenceGame game, PreferenceResult result) {
            int k = game.responses();
            double kl = k <= MAX_EQUILIBRIUM_RESPONSES ? game.klFromEquilibrium(result.policy()) : Double.NaN;
            if (k > MAX_LP_RESPONSES) {
                return new Comparison(kl, null, Double.NaN);
            }
            double[] winner = game.minimaxWinner().rowStrategy();
            return new Comparison(kl, winner, game.exploitability(winner));
        }
    }

    private ObjectNode toJson(PreferenceResult r, Comparison c, double step) {
        ObjectNode node = JsonOutput.newObject();
        node.put("method", method.cliName());
        node.put("solver", r.method());
        node.put("status", r.status().name().toLowerCase(Locale.ROOT));
        JsonOutput.putNumber(node, "beta", beta);
        JsonOutput.putNumber(node, "eta", step);
        node.put("responses", r.policy().length);
        node.put("iterations", r.iterations());
        JsonOutput.putNumber(node, "seconds", r.seconds());
        node.put("certificate_name", r.certificateName());
        JsonOutput.putNumber(node, "duality_gap", r.dualityGap());
        JsonOutput.putNumber(node, "exploitability", r.exploitability());
        JsonOutput.putNumber(node, "average_exploitability", r.averageExploitability());
        JsonOutput.putNumber(node, "kl_from_equilibrium", c.klFromEquilibrium());
        JsonOutput.putArray(node, "policy", r.policy());
        JsonOutput.putArray(node, "average_policy", r.averagePolicy());
        if (c.minimaxWinner() != null) {
            JsonOutput.putArray(node, "minimax_winner", c.minimaxWinner());
        } else {
            node.putNull("minimax_winner");
        }
        JsonOutput.putNumber(node, "minimax_winner_exploitability", c.winnerExploitability());
        return node;
    }

    private void printReport(PrintWriter out, PreferenceGame game, PreferenceResult r, Comparison c, double step) {
        out.println("preferences:     " + preferenceFile + " (" + game.responses() + " responses)");
        out.println("method:          " + method.cliName() + ": " + r.method());
        out.println("beta:            " + Formats.number(beta) + (method == PreferenceMethod.APO ? ""
                : ", eta " + Formats.number(step)));
        out.println("status:          " + r.status().name().toLowerCase(Locale.ROOT));
        out.println("Gap_beta:        " + Formats.number(r.dualityGap()) + " (last iterate)");
        out.println("exploitability:  " + Formats.number(r.exploitability()) + " (last), "
                + Formats.number(r.averageExploitability()) + " (average)");
        out.println("KL(pi*_beta||pi): " + (Double.isNaN(c.klFromEquilibrium()) ? "not computed (K > "
                + MAX_EQUILIBRIUM_RESPONSES + ")" : Formats.number(c.klFromEquilibrium())));
        out.println("updates:         " + r.iterations());
        out.println("seconds:         " + Formats.number(r.seconds()));
        out.println("policy:          " + Formats.strategy(r.policy()));
        if (method == PreferenceMethod.SPO) {
            out.println("average policy:  " + Formats.strategy(r.averagePolicy()));
        }
        if (c.minimaxWinner() == null) {
            out.println("minimax winner:  not computed (K > " + MAX_LP_RESPONSES + ")");
        } else {
            out.println("minimax winner:  " + Formats.strategy(c.minimaxWinner()) + " (LP, exploitability "
                    + Formats.number(c.winnerExploitability()) + ")");
        }
    }

    /** Parses --method by its command-line name. */
    static final class MethodConverter extends EnumConverter<PreferenceMethod> {
        MethodConverter() {
            super(PreferenceMethod.class, "method");
        }
    }
}
