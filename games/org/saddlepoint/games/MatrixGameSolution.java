package org.saddlepoint.games;

import java.util.List;

import org.saddlepoint.solvers.iteration.Checkpoint;
import org.saddlepoint.solvers.iteration.SolverStatus;

/**
 * An (approximate) Nash equilibrium with its certificate. The game's value lies in
 * [{@link #lowerBound()}, {@link #upperBound()}], an interval of width {@link #dualityGap()}.
 * Immutable: array accessors return copies.
 */
public final class MatrixGameSolution {
    private final String method;
    private final SolverStatus status;
    private final double[] rowStrategy;
    private final double[] colStrategy;
    private final double value;
    private final double lowerBound;
    private final double upperBound;
    private final int iterations;
    private final double seconds;
    private final List<Checkpoint> history;

    /**
     * Certifies (x, y) on {@code game}: the value, bounds and gap are computed here, from the
     * strategies, whatever the method reported.
     */
    public MatrixGameSolution(MatrixGame game, String method, SolverStatus status, double[] rowStrategy,
                              double[] colStrategy, int iterations, double seconds, List<Checkpoint> history) {
        this.method = method;
        this.status = status;
        this.rowStrategy = rowStrategy.clone();
        this.colStrategy = colStrategy.clone();
        this.value = game.payoff(rowStrategy, colStrategy);
        this.lowerBound = game.guaranteedByRow(rowStrategy);
        this.upperBound = game.concededByColumn(colStrategy);
        this.iterations = iterations;
        this.seconds = seconds;
        this.history = List.copyOf(history);
    }

    public String method() {
        return method;
    }

    public SolverStatus status() {
        return status;
    }

    /** The row player's mixed strategy x. */
    public double[] rowStrategy() {
        return rowStrategy.clone();
    }

    /** The column player's mixed strategy y. */
    public double[] colStrategy() {
        return colStrategy.clone();
    }

    /** x^T A y. */
    public double value() {
        return value;
    }

    /** min_j (A^T x)_j &lt;= v*. */
    public double lowerBound() {
        return lowerBound;
    }

    /** max_i (A y)_i &gt;= v*. */
    public double upperBound() {
        return upperBound;
    }

    /** upperBound - lowerBound &gt;= 0 (clipped at 0 against rounding). */
    public double dualityGap() {
        return Math.max(0.0, upperBound - lowerBound);
    }

    public int iterations() {
        return iterations;
    }

    /** Solve time in seconds, input parsing excluded. */
    public double seconds() {
        return seconds;
    }

    /** The certificate at each checkpoint of an iterative method; empty for the LP. */
    public List<Checkpoint> history() {
        return history;
    }

    @Override
    public String toString() {
        return method + ": value " + value + " in [" + lowerBound + ", " + upperBound + "], gap "
                + dualityGap() + ", " + status + " after " + iterations + " iterations, " + seconds + " s";
    }
}
