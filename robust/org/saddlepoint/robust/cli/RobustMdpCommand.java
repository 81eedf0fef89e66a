package org.saddlepoint.robust.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

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
import org.saddlepoint.robust.mdp.AmericanPutExperiment;
import org.saddlepoint.robust.mdp.ExperimentRun;
import org.saddlepoint.robust.mdp.FiniteLinearMdp;
import org.saddlepoint.robust.mdp.LearnerOptions;
import org.saddlepoint.robust.mdp.OnlineLearner;
import org.saddlepoint.robust.mdp.RobustDynamicProgramming;
import org.saddlepoint.robust.mdp.RobustValues;
import org.saddlepoint.robust.mdp.SimulatedLinearMdp;
import org.saddlepoint.robust.mdp.SimulatedMdpExperiment;
import org.saddlepoint.solvers.InvalidInputException;
import org.saddlepoint.solvers.iteration.IterationListener;
import org.saddlepoint.solvers.iteration.SolverStatus;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code saddlepoint robust-mdp ENV}: trains an online learner (DR-RPO, DR-LSVI-UCB or LSVI-UCB) in the nominal
 * environment, then reports the expected return of its final policy in each target environment (exact on the
 * simulated MDP, Monte Carlo on the American put) and, on the simulated MDP, its exact robust regret.
 */
@Command(name = "robust-mdp", mixinStandardHelpOptions = true, versionProvider = Saddlepoint.Version.class,
        sortOptions = false,
        description = {
            "Trains an online learner on a d-rectangular linear MDP in its nominal environment and reports the exact "
                + "expected return of the final policy in perturbed target environments, with its exact robust "
                + "(regularized) regret.",
            "ENV: simulated (the simulated linear MDP of Liu and Xu 2024: delta 0.3, xi_norm 0.1, H 3, d 4, 16 actions; "
                + "TV radius --rho on coordinate 4 at step 1; targets q = 0, 0.2, ..., 1; exact returns and regret) or "
                + "american-put (30 hat features, H 20, nominal p 0.5; TV radius --rho on every coordinate; targets "
                + "p = 0.2, 0.4, 0.5, 0.6, 0.8, 1; Monte Carlo payoffs over " + RobustMdpCommand.TEST_EPISODES
                + " episodes; no regret)."
        },
        footer = {"", "Exit codes: 0 success, 2 bad input or arguments, 130 interrupted."})
public final class RobustMdpCommand implements Callable<Integer> {
    /** Monte Carlo episodes per target of the American put. */
    static final int TEST_EPISODES = 1000;

    /** The environments, by their command-line names. */
    enum Environment {
        SIMULATED,
        AMERICAN_PUT
    }

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ENV", converter = EnvironmentConverter.class,
            description = "The environment: simulated or american-put.")
    private Environment environment;

    @Option(names = "--learner", paramLabel = "NAME", defaultValue = "dr-rpo", converter = LearnerConverter.class,
            description = "dr-rpo, dr-lsvi-ucb or lsvi-ucb. Default: ${DEFAULT-VALUE}.")
    private OnlineLearner learner;

    @Option(names = "--rho", paramLabel = "R",
            description = "TV radius of the uncertainty set, in [0, 1] (ignored by lsvi-ucb). Default: 0.7 (simulated), "
                    + "0.1 (american-put).")
    private Double rhoOption;

    private double rho;

    @Option(names = "--tau", paramLabel = "T", defaultValue = "0.001",
            description = "DR-RPO's KL regularization towards the uniform policy, >= 0. Default: ${DEFAULT-VALUE}.")
    private double tau;

    @Option(names = "--eta", paramLabel = "E", defaultValue = "Infinity",
            description = "DR-RPO's mirror-descent step, > 0; Infinity for soft robust value iteration. Default: ${DEFAULT-VALUE}.")
    private double eta;

    @Option(names = "--beta", paramLabel = "B", defaultValue = "1",
            description = "Optimism bonus scale, >= 0. Default: ${DEFAULT-VALUE}.")
    private double beta;

    @Option(names = "--lambda", paramLabel = "L", defaultValue = "0.1",
            description = "Ridge regularization, > 0. Default: ${DEFAULT-VALUE}.")
    private double lambda;

    @Option(names = "--episodes", paramLabel = "K", defaultValue = "1000",
            description = "Training episodes per seed, > 0. Default: ${DEFAULT-VALUE}.")
    private int episodes;

    @Option(names = "--seeds", paramLabel = "N", defaultValue = "1",
            description = "Number of seeds (replications), > 0. Default: ${DEFAULT-VALUE}.")
    private int seeds;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0",
            description = "First seed; the runs use S, S+1, ..., S+N-1. Default: ${DEFAULT-VALUE}.")
    private long firstSeed;

    @Option(names = "--time-limit", paramLabel = "S",
            description = "Wall-clock limit of all training in seconds. Default: none.")
    private Double timeLimit;

    @Option(names = "--plot", paramLabel = "FILE.png",
            description = "Write a PNG of the cumulative regret against episodes (log scale), one line per seed.")
    private Path plot;

    @Mixin
    private ReportOptions output;

    @Override
    public Integer call() {
        boolean exact = environment == Environment.SIMULATED;
        rho = rhoOption != null ? rhoOption : exact ? 0.7 : 0.1;
        LearnerOptions options = options();
        checkRanges();
        if (plot != null) {
            if (!exact) {
                throw new InvalidInputException("--plot draws the exact regret, which american-put does not have");
            }
            ConvergencePlot.checkWritable(plot);
        }
        FiniteLinearMdp nominal = SimulatedLinearMdp.nominal(0.3, 0.1);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<ExperimentRun> runs = new ArrayList<>();
        SolverStatus status = SolverStatus.MAX_ITERATIONS;
        long start = System.nanoTime();
        try (InterruptOnShutdown guard = InterruptOnShutdown.install()) {
            for (int k = 0; k < seeds && status == SolverStatus.MAX_ITERATIONS; k++) {
                double left = timeLimit == null ? Double.POSITIVE_INFINITY
                        : Math.max(1e-9, timeLimit - (System.nanoTime() - start) * 1e-9);
                IterationListener progress =
                        output.progress(err, exact ? "regret" : "regret (not computed)", Double.NaN);
                ExperimentRun run = exact
                        ? SimulatedMdpExperiment.run(nominal, learner, rho, options, episodes, left, firstSeed + k,
                                SimulatedMdpExperiment.LEVELS, progress)
                        : AmericanPutExperiment.run(learner, rho, options, episodes, left, firstSeed + k, TEST_EPISODES,
                                progress);
                runs.add(run);
                status = run.training().status();
            }
            guard.clearInterrupt();
            RobustValues optimal = exact ? RobustDynamicProgramming.of(nominal,
                    learner.ownSet(SimulatedLinearMdp.uncertaintySet(rho)), learner.ownTau(options)).optimal() : null;
            double[] optimalReturns = exact ? targetReturns(nominal, optimal) : null;
            if (output.json()) {
                JsonOutput.print(out, toJson(runs, optimal, optimalReturns, status));
            } else {
                printReport(out, runs, optimal, optimalReturns, status);
            }
            if (plot != null) {
                ConvergencePlot chart = new ConvergencePlot(learner.cliName() + " on " + environmentName() + ", rho " + rho,
                        "cumulative regret");
                for (ExperimentRun run : runs) {
                    chart.addSeries("seed " + run.seed(), run.training().history());
                }
                chart.writePng(plot);
                if (!output.json()) {
                    out.println("plot:           " + plot);
                }
            }
            out.flush();
        }
        return status == SolverStatus.INTERRUPTED ? Saddlepoint.EXIT_INTERRUPTED : Saddlepoint.EXIT_OK;
    }

    private LearnerOptions options() {
        return LearnerOptions.DEFAULT.withLambda(lambda).withBeta(beta).withTau(tau).withEta(eta);
    }

    private void checkRanges() {
        if (!(rho >= 0 && rho <= 1)) {
            throw new InvalidInputException("--rho must lie in [0, 1], got " + rho);
        }
        OptionChecks.positive("--episodes", episodes);
        OptionChecks.positive("--seeds", seeds);
        OptionChecks.timeLimit(timeLimit);
    }

    private static double[] targetReturns(FiniteLinearMdp nominal, RobustValues optimal) {
        double[] levels = SimulatedMdpExperiment.LEVELS;
        double[] r = new double[levels.length];
        for (int k = 0; k < levels.length; k++) {
            r[k] = RobustDynamicProgramming.expectedReturn(SimulatedLinearMdp.target(nominal, levels[k]), optimal.policy());
        }
        return r;
    }

    private String environmentName() {
        return EnumConverter.cliName(environment);
    }

    private double[] levels() {
        return environment == Environment.SIMULATED ? SimulatedMdpExperiment.LEVELS : AmericanPutExperiment.LEVELS;
    }

    private static double[] meanReturns(List<ExperimentRun> runs) {
        double[] mean = new double[runs.get(0).targetReturns().length];
        for (ExperimentRun run : runs) {
            double[] r = run.targetReturns();
            for (int k = 0; k < mean.length; k++) {
                mean[k] += r[k] / runs.size();
            }
        }
        return mean;
    }

    private static double meanRegret(List<ExperimentRun> runs) {
        return runs.stream().mapToDouble(r -> r.training().regret()).average().orElse(Double.NaN);
    }

    private static String status(SolverStatus status) {
        return status == SolverStatus.MAX_ITERATIONS ? "completed" : status.name().toLowerCase(Locale.ROOT);
    }

    private ObjectNode toJson(List<ExperimentRun> runs, RobustValues optimal, double[] optimalReturns,
                              SolverStatus status) {
        ObjectNode node = JsonOutput.newObject();
        node.put("environment", environmentName());
        node.put("learner", learner.cliName());
        node.put("status", status(status));
        JsonOutput.putNumber(node, "rho", rho);
        JsonOutput.putNumber(node, "tau", learner.ownTau(options()));
        JsonOutput.putNumber(node, "eta", eta);
        JsonOutput.putNumber(node, "beta", beta);
        JsonOutput.putNumber(node, "lambda", lambda);
        node.put("episodes", episodes);
        JsonOutput.putArray(node, "levels", levels());
        JsonOutput.putArray(node, "mean_target_returns", meanReturns(runs));
        JsonOutput.putNumber(node, "mean_regret", meanRegret(runs));
        if (optimal != null) {
            JsonOutput.putNumber(node, "optimal_value", optimal.initialValue());
            JsonOutput.putArray(node, "optimal_target_returns", optimalReturns);
        }
        ArrayNode array = node.putArray("seeds");
        for (ExperimentRun run : runs) {
            ObjectNode r = array.addObject();
            r.put("seed", run.seed());
            r.put("status", status(run.training().status()));
            r.put("episodes", run.training().episodes());
            JsonOutput.putNumber(r, "seconds", run.training().seconds());
            JsonOutput.putNumber(r, "regret", run.training().regret());
            JsonOutput.putArray(r, "target_returns", run.targetReturns());
        }
        return node;
    }

    private void printReport(PrintWriter out, List<ExperimentRun> runs, RobustValues optimal,
                             double[] optimalReturns, SolverStatus status) {
        boolean exact = optimal != null;
        out.println("environment:    " + environmentName() + (exact ? " (H 3, d 4, 16 actions; TV rho " + Formats.number(rho)
                + " on coordinate 4 at step 1)" : " (H 20, d 31, 2 actions; TV rho " + Formats.number(rho)
                + " on every coordinate)"));
        out.println("learner:        " + learner.cliName() + " (" + options() + ")");
        out.println("status:         " + status(status) + ", " + runs.size() + " of " + seeds + " seeds");
        out.println((exact ? "levels q:       " : "levels p:       ") + numbers(levels()));
        out.println("target return:  " + numbers(meanReturns(runs)) + " (mean over seeds, "
                + (exact ? "exact)" : "Monte Carlo over " + TEST_EPISODES + " episodes)"));
        if (exact) {
            out.println("optimal policy: " + numbers(optimalReturns) + " (exact robust regularized optimum, V*_1 = "
                    + Formats.number(optimal.initialValue()) + ")");
            out.println("regret:         " + Formats.number(meanRegret(runs)) + " (mean Regret(K), exact)");
        }
        for (ExperimentRun run : runs) {
            out.println("seed " + run.seed() + ":" + " ".repeat(Math.max(1, 10 - Long.toString(run.seed()).length()))
                    + numbers(run.targetReturns()) + (exact ? ", regret " + Formats.number(run.training().regret()) : "")
                    + " after " + run.training().episodes() + " episodes, " + Formats.number(run.training().seconds())
                    + " s");
        }
    }

    private static String numbers(double[] values) {
        StringBuilder b = new StringBuilder("[");
        for (int k = 0; k < values.length; k++) {
            b.append(k == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.4f", values[k]));
        }
        return b.append(']').toString();
    }

    /** Parses ENV. */
    static final class EnvironmentConverter extends EnumConverter<Environment> {
        EnvironmentConverter() {
            super(Environment.class, "environment");
        }
    }

    /** Parses --learner. */
    static final class LearnerConverter extends EnumConverter<OnlineLearner> {
        LearnerConverter() {
            super(OnlineLearner.class, "learner");
        }
    }
}
