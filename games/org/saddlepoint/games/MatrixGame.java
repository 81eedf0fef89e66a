package org.saddlepoint.games;

import org.saddlepoint.solvers.InvalidInputException;
import org.saddlepoint.solvers.linalg.DenseMatrix;
import org.saddlepoint.solvers.linalg.Vectors;
import org.saddlepoint.solvers.operators.BilinearSaddleProblem;

/**
 * A two-player zero-sum matrix game. The row player picks a mixed strategy x over the m rows
 * and maximizes x^T A y; the column player picks y over the n columns and minimizes it. A is
 * the row player's payoff. The certificate of a strategy pair is its duality gap
 * <pre>  Gap(x, y) = max_i (A y)_i - min_j (A^T x)_j  &gt;= 0, </pre>
 * zero exactly at a Nash equilibrium, and the game's value v* lies in
 * [min_j (A^T x)_j, max_i (A y)_i] (von Neumann 1928). Immutable.
 */
public final class MatrixGame {
    private final DenseMatrix payoff;
    private final BilinearSaddleProblem saddle;

    private MatrixGame(DenseMatrix payoff) {
        this.payoff = payoff;
        this.saddle = BilinearSaddleProblem.onSimplices(payoff);
    }

    /** The game with row-player payoff {@code payoff} (rows x columns, finite entries; copied). */
    public static MatrixGame of(double[][] payoff) {
        return new MatrixGame(DenseMatrix.of(payoff));
    }

    public static MatrixGame of(DenseMatrix payoff) {
        return new MatrixGame(payoff);
    }

    /** Row-player payoff A. */
    public DenseMatrix payoff() {
        return payoff;
    }

    public int rows() {
        return payoff.rows();
    }

    public int cols() {
        return payoff.cols();
    }

    /** max A - min A: the unit of the relative duality gap. Zero for a constant game. */
    public double payoffRange() {
        return payoff.max() - payoff.min();
    }

    /** The game as max_{x in simplex} min_{y in simplex} x^T A y. */
    public BilinearSaddleProblem asSaddleProblem() {
        return saddle;
    }

    /** x^T A y. */
    public double payoff(double[] x, double[] y) {
        checkStrategies(x, y);
        return saddle.value(x, y);
    }

    /** max_i (A y)_i - min_j (A^T x)_j. */
    public double dualityGap(double[] x, double[] y) {
        checkStrategies(x, y);
        return saddle.gap(x, y);
    }

    /** min_j (A^T x)_j: the payoff x guarantees, a lower bound on the value. */
    public double guaranteedByRow(double[] x) {
        checkLength("row strategy", x, rows());
        double[] atx = new double[cols()];
        payoff.multiplyTranspose(x, atx);
        return Vectors.min(atx);
    }

    /** max_i (A y)_i: the most the column player concedes with y, an upper bound on the value. */
    public double concededByColumn(double[] y) {
        checkLength("column strategy", y, cols());
        double[] ay = new double[rows()];
        payoff.multiply(y, ay);
        return Vectors.max(ay);
    }

    private void checkStrategies(double[] x, double[] y) {
        checkLength("row strategy", x, rows());
        checkLength("column strategy", y, cols());
    }

    private static void checkLength(String name, double[] v, int n) {
        if (v.length != n) {
            throw new InvalidInputException(name + " has length " + v.length + ", the game has " + n);
        }
    }

    @Override
    public String toString() {
        return "MatrixGame[" + rows() + " x " + cols() + "]";
    }
}
