package org.saddlepoint.games.preference;

import java.util.List;

import org.saddlepoint.solvers.iteration.Checkpoint;
import org.saddlepoint.solvers.iteration.SolverStatus;

/**
 * What a {@link PreferenceLearner} returns: its status, iterations (policy updates), seconds,
 * the last and the averaged policies of every prompt, their certificates, and the history of the
 * certificate the learner is judged by ({@link #certificateName()}): the regularized duality gap
 * Gap_beta of the last iterate, or, for SPO, the exploitability of the average. Immutable:
 * array accessors return copies.
 */
public final class PreferenceResult {
    private final String method;
    private final String certificateName;
    private final SolverStatus status;
    private final int iterations;
    private final double seconds;
    private final double[][] last;
    private final double[][] average;
    private final double gap;
    private final double exploitability;
    private final double averageExploitability;
    private final List<Checkpoint> history;

    PreferenceResult(String method, String certificateName, SolverStatus status, int iterations, double seconds,
                     MultiPromptGame game, double[][] last, double[][] average, List<Checkpoint> history) {
        this.method = method;
        this.certificateName = certificateName;
        this.status = status;
        this.iterations = iterations;
        this.seconds = seconds;
        this.last = copy(last);
        this.average = copy(average);
        this.gap = game.dualityGap(last);
        this.exploitability = game.exploitability(last);
        this.averageExploitability = game.exploitability(average);
        this.history = List.copyOf(history);
    }

    private static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }

    /** The method's name, as in its paper, with its parameters. */
    public String method() {
        return method;
    }

    /** What {@link #history()} holds, e.g. "Gap_beta(last iterate)". */
    public String certificateName() {
        return certificateName;
    }

    public SolverStatus status() {
        return status;
    }

    /** Policy updates done. */
    public int iterations() {
        return iterations;
    }

    public double seconds() {
        return seconds;
    }

    /** The last iterate of prompt 0 (the only prompt of a one-prompt game). */
    public double[] policy() {
        return last[0].clone();
    }

    /** The average of the played policies of prompt 0. */
    public double[] averagePolicy() {
        return average[0].clone();
    }

    /** The last iterates, one per prompt. */
    public double[][] policies() {
        return copy(last);
    }

    /** The averaged iterates, one per prompt. */
    public double[][] averagePolicies() {
        return copy(average);
    }

    /** Gap_beta of the last iterate (rho-weighted over prompts). */
    public double dualityGap() {
        return gap;
    }

    /** Expl of the last iterate. */
    public double exploitability() {
        return exploitability;
    }

    /** Expl of the averaged iterate. */
    public double averageExploitability() {
        return averageExploitability;
    }

    /** Every evaluation of the judged certificate, in order. */
    public List<Checkpoint> history() {
        return history;
    }

    @Override
    public String toString() {
        return method + ": " + status + " after " + iterations + " updates, " + seconds + " s, Gap_beta " + gap
                + ", Expl " + exploitability + " (average " + averageExploitability + ")";
    }
}
