package org.saddlepoint.solvers.regret;

import org.saddlepoint.solvers.linalg.LinearOperator;
import org.saddlepoint.solvers.linalg.Vectors;
import org.saddlepoint.solvers.operators.BilinearSaddleProblem;

/**
 * The state of restarted regret matching+ ({@link RestartedRegretMatchingPlus}) on one matrix
 * game: the two learners, the last profile and the stage's linear average (both stacked as
 * (x, y)), with their products: (K y, K^T x) for the last profile and the same averages for the
 * average. A stage ends, and the learners restart from the better of the two profiles, when its
 * gap has fallen to {@value #RESTART_DECAY} times the gap at the stage's start.
 */
final class RestartStages {
    /** A stage ends when the best gap falls to this fraction of its value at the stage's start. */
    static final double RESTART_DECAY = 0.1;

    private final BilinearSaddleProblem problem;
    private final LinearOperator k;
    private final int m;
    private final RegretMatchingPlus row;
    private final RegretMatchingPlus column;
    private final double[] ky;
    private final double[] ktx;
    private final double[] columnUtility;
    private final double[] averageKy;
    private final double[] averageKtx;
    final double[] last;
    final double[] average;
    private int stageRound;
    private double stageGap;
    private double bestGap;
    private boolean averageBetter;

    /** Fresh learners: both players start uniform with zero regrets. */
    RestartStages(BilinearSaddleProblem problem) {
        this.problem = problem;
        this.k = problem.coupling();
        this.m = problem.rows();
        int n = problem.cols();
        row = new RegretMatchingPlus(m);
        column = new RegretMatchingPlus(n);
        ky = new double[m];
        ktx = new double[n];
        columnUtility = new double[n];
        averageKy = new double[m];
        averageKtx = new double[n];
        last = new double[m + n];
        average = new double[m + n];
        System.arraycopy(row.strategy(), 0, last, 0, m);
        System.arraycopy(column.strategy(), 0, last, m, n);
    }

    /**
     * Warm start: the learners start at the profile (x, y) (points of the simplices) with regrets
     * {@code rowScale} x and {@code columnScale} y, as after a restart (see
     * {@link RegretMatchingPlus#restartAt(double[], double)}).
     */
    RestartStages(BilinearSaddleProblem problem, double[] x, double[] y, double rowScale, double columnScale) {
        this(problem);
        row.restartAt(x, rowScale);
        column.restartAt(y, columnScale);
        System.arraycopy(x, 0, last, 0, m);
        System.arraycopy(y, 0, last, m, y.length);
    }

    /** x_t; the column player observes -K^T x_t and answers y_t; the row player observes K y_t. */
    void round() {
        double[] x = row.strategy();
        System.arraycopy(x, 0, last, 0, m);
        k.multiplyTranspose(x, ktx);
        for (int j = 0; j < ktx.length; j++) {
            columnUtility[j] = -ktx[j];
        }
        column.observe(columnUtility);
        double[] y = column.strategy();
        System.arraycopy(y, 0, last, m, y.length);
        k.multiply(y, ky);
        row.observe(ky);
        stageRound++;
        double fraction = Averaging.LINEAR.fraction(stageRound);
        Vectors.accumulateAverage(average, last, fraction);
        Vectors.accumulateAverage(averageKy, ky, fraction);
        Vectors.accumulateAverage(averageKtx, ktx, fraction);
        double lastGap = gap(ky, ktx);
        double averageGap = gap(averageKy, averageKtx);
        averageBetter = averageGap < lastGap;
        bestGap = Math.min(lastGap, averageGap);
        if (bestGap <= RESTART_DECAY * stageGap) {
            double[] p = best();
            row.restartAt(problem.maxPart(p));
            column.restartAt(problem.minPart(p));
            restart(bestGap);
        }
    }

    /** max_i (K y)_i - min_j (K^T x)_j on the simplices, clipped at 0 against rounding. */
    private static double gap(double[] ky, double[] ktx) {
        return Math.max(0.0, Vectors.max(ky) - Vectors.min(ktx));
    }

    /** Starts a stage whose starting profile has duality gap {@code gap}; returns it. */
    double restart(double gap) {
        stageGap = gap;
        stageRound = 0;
        return gap;
    }

    /** The better of the last profile and the average, as of the last round. */
    double[] best() {
        return averageBetter ? average : last;
    }

    /** The gap of {@link #best()} from the running products, as of the last round. */
    double bestGap() {
        return bestGap;
    }

    /** The row player's regret scale ||R||_1. */
    double rowScale() {
        return row.regretScale();
    }

    /** The column player's regret scale ||R||_1. */
    double columnScale() {
        return column.regretScale();
    }

    /** The best gap from the running products; recomputed from the strategies once it meets the tolerance. */
    double certify(double tolerance) {
        return bestGap <= tolerance ? problem.gap(best()) : bestGap;
    }
}
