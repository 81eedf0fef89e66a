package org.saddlepoint.games.preference;

import java.util.SplittableRandom;

import org.saddlepoint.solvers.InvalidInputException;
import org.saddlepoint.solvers.iteration.IterationListener;
import org.saddlepoint.solvers.iteration.IterationMonitor;
import org.saddlepoint.solvers.iteration.SolverStatus;
import org.saddlepoint.solvers.iteration.StoppingRule;

/**
 * A self-play learner of the preference game, run on every prompt in lockstep (tabular, or
 * log-linear where the learner has that form). The driver is shared: it keeps the uniform average of the played policies, evaluates
 * the certificate at the {@link StoppingRule}'s checkpoints through an {@link IterationMonitor}
 * (iteration cap, time limit, interrupt), and builds the {@link PreferenceResult}. Subclasses give
 * one prompt's update ({@link Run#step()}). Immutable and reusable; sampled learners derive every
 * random draw from their seed, so runs are reproducible.
 */
public abstract class PreferenceLearner {
    private final long seed;

    PreferenceLearner(long seed) {
        this.seed = seed;
    }

    /** The seed every random draw of a run derives from. */
    final long seed() {
        return seed;
    }

    /** The name of the method as in its paper, with its parameters. */
    public abstract String name();

    /**
     * One prompt's run, for callers that drive the updates themselves (benchmarks, custom loops):
     * {@link #policy()} is the policy played next, {@link #step()} does one update. Mutable.
     */
    public abstract static class Run {
        Run() {
        }

        /** The current policy; the array belongs to the run: read it, do not keep or modify it. */
        public abstract double[] policy();

        /** One policy update. */
        public abstract void step();
    }

    /** A run on {@code game} from the default start, with the learner's seed. */
    public Run iterate(PreferenceGame game) {
        return start(game, PreferenceGame.checkPolicy("start policy", defaultStart(game), game.responses()),
                new SplittableRandom(seed));
    }

    /** Starts a prompt at {@code start} (a copy, validated). */
    abstract Run start(PreferenceGame game, double[] start, SplittableRandom random);

    /** The default start: mu (the EGPO repository's choice). */
    double[] defaultStart(PreferenceGame game) {
        return game.reference();
    }

    /** The certificate a learner is judged by. */
    enum Judged {
        /** Gap_beta of the last iterate (the KL-regularized methods). */
        GAP_OF_LAST("Gap_beta(last)"),
        /** Expl of the average of the played policies (no-regret self-play). */
        EXPLOITABILITY_OF_AVERAGE("Expl(average)"),
        /** Expl of the last iterate (unregularized iterative methods). */
        EXPLOITABILITY_OF_LAST("Expl(last)");

        final String label;

        Judged(String label) {
            this.label = label;
        }
    }

    /** What the learner's certificate history holds. */
    Judged judged() {
        return Judged.GAP_OF_LAST;
    }

    /** Solves a one-prompt game from the default start. */
    public PreferenceResult solve(PreferenceGame game, StoppingRule rule, IterationListener listener) {
        return solve(MultiPromptGame.single(game), null, rule, listener);
    }

    /** Solves a one-prompt game from {@code start}. */
    public PreferenceResult solve(PreferenceGame game, double[] start, StoppingRule rule, IterationListener listener) {
        return solve(MultiPromptGame.single(game), new double[][] {start}, rule, listener);
    }

    /**
     * Runs the learner on every prompt in lockstep until the rule stops it.
     *
     * @param starts one start policy per prompt, or null for the defaults
     */
    public PreferenceResult solve(MultiPromptGame game, double[][] starts, StoppingRule rule,
                                  IterationListener listener) {
        if (game == null || rule == null) {
            throw new InvalidInputException("game and stopping rule must not be null");
        }
        int n = game.promptCount();
        if (starts != null && starts.length != n) {
            throw new InvalidInputException(starts.length + " start policies for " + n + " prompts");
        }
        SplittableRandom random = new SplittableRandom(seed);
        Run[] runs = new Run[n];
        double[][] sum = new double[n][];
        double[][] average = new double[n][];
        for (int x = 0; x < n; x++) {
            PreferenceGame g = game.prompt(x);
            double[] s = starts == null ? defaultStart(g) : starts[x];
            runs[x] = start(g, PreferenceGame.checkPolicy("start policy", s, g.responses()), random.split());
            sum[x] = new double[g.responses()];
            average[x] = runs[x].policy().clone();
        }
        IterationMonitor monitor = new IterationMonitor(rule, listener);
        SolverStatus status = monitor.start(certificate(game, runs, average));
        int t = 0;
        while (status == null) {
            for (int x = 0; x < n; x++) {
                double[] played = runs[x].policy();
                for (int y = 0; y < played.length; y++) {
                    sum[x][y] += played[y];
                }
                runs[x].step();
            }
            t++;
            for (int x = 0; x < n; x++) {
                for (int y = 0; y < sum[x].length; y++) {
                    average[x][y] = sum[x][y] / t;
                }
            }
            status = monitor.advance(t, () -> certificate(game, runs, average));
        }
        return new PreferenceResult(name(), judged().label, status, t, monitor.elapsedSeconds(), game,
                lastPolicies(runs), average, monitor.history());
    }

    private double certificate(MultiPromptGame game, Run[] runs, double[][] average) {
        return switch (judged()) {
            case GAP_OF_LAST -> game.dualityGap(lastPolicies(runs));
            case EXPLOITABILITY_OF_AVERAGE -> game.exploitability(average);
            case EXPLOITABILITY_OF_LAST -> game.exploitability(lastPolicies(runs));
        };
    }

    private static double[][] lastPolicies(Run[] runs) {
        double[][] p = new double[runs.length][];
        for (int x = 0; x < runs.length; x++) {
            p[x] = runs[x].policy();
        }
        return p;
    }

    /** Requires eta finite, &gt; 0 and eta beta &lt;= 1 (the geometric mixture with mu needs a weight in [0, 1]). */
    static void checkStep(double eta, double beta) {
        if (!(eta * beta <= 1)) {
            throw new InvalidInputException("step eta = " + eta + " with beta = " + beta + " gives eta * beta = "
                    + eta * beta + " > 1; the mirror step needs eta * beta <= 1");
        }
    }

    /** Requires the features of a log-linear form. */
    static LogLinearPolicy requireFeatures(LogLinearPolicy features) {
        if (features == null) {
            throw new InvalidInputException("log-linear features must not be null");
        }
        return features;
    }

    /** ", log-linear, d = ..." for a log-linear form, "" for the tabular one: the suffix of a name. */
    static String formName(LogLinearPolicy features) {
        return features == null ? "" : ", log-linear, d = " + features.dimension();
    }
}
