package org.saddlepoint.solvers.online;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.saddlepoint.solvers.Checks;
import org.saddlepoint.solvers.InvalidInputException;

/**
 * The best linear predictor in hindsight, the comparator of the regret of an online regressor:
 * the unregularised least-squares fit min_theta ||X theta - y||^2 in closed form, the
 * minimum-norm solution theta = X^+ y by the singular value decomposition (as
 * {@code scipy.linalg.lstsq} in the experiments of Acharya et al., ICLR 2024). X may be rank
 * deficient (one-hot blocks, constant group indicators): theta is then not unique, but the
 * residual sum of squares SSE* = ||X theta - y||^2 is.
 */
public final class HindsightLeastSquares {
    private final double[] coefficients;
    private final double sse;

    private HindsightLeastSquares(double[] coefficients, double sse) {
        this.coefficients = coefficients;
        this.sse = sse;
    }

    /** Fits the rows {@code x} (n x d, n &gt; 0, finite) to the labels {@code y} (length n). */
    public static HindsightLeastSquares fit(double[][] x, double[] y) {
        if (x.length == 0) {
            throw new InvalidInputException("least squares needs at least one row");
        }
        Checks.length("labels", y, x.length);
        Checks.finite("labels", y);
        int d = x[0].length;
        DMatrixRMaj a = new DMatrixRMaj(x.length, d);
        for (int i = 0; i < x.length; i++) {
            Checks.length("row " + i, x[i], d);
            Checks.finite("row " + i, x[i]);
            System.arraycopy(x[i], 0, a.data, i * d, d);
        }
        DMatrixRMaj b = new DMatrixRMaj(x.length, 1, true, y);
        DMatrixRMaj theta = new DMatrixRMaj(d, 1);
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.pseudoInverse(true);
        if (!solver.setA(a)) {
            throw new InvalidInputException("the singular value decomposition of the " + x.length + " x " + d
                    + " design matrix failed");
        }
        solver.solve(b, theta);
        double sse = 0;
        for (int i = 0; i < x.length; i++) {
            double residual = -y[i];
            for (int j = 0; j < d; j++) {
                residual += x[i][j] * theta.data[j];
            }
            sse += residual * residual;
        }
        return new HindsightLeastSquares(theta.data, sse);
    }

    /** A minimum-norm least-squares solution theta (a copy). */
    public double[] coefficients() {
        return coefficients.clone();
    }

    /** SSE* = min_theta ||X theta - y||^2. */
    public double sse() {
        return sse;
    }
}
