package org.saddlepoint.solvers.firstorder;

import org.saddlepoint.solvers.Checks;
import org.saddlepoint.solvers.operators.BilinearSaddleProblem;

/**
 * One step of the primal-dual hybrid gradient method (Chambolle and Pock, JMIV 2011,
 * Algorithm 1 with theta = 1) for max_{x in X} min_{y in Y} x^T K y, as a map of u = (x, y):
 * <pre>
 *   x+ = Proj_X(x + tau K y),   y+ = Proj_Y(y - sigma K^T (2 x+ - x))
 * </pre>
 * For tau sigma ||K||^2 &lt; 1 it is firmly nonexpansive in the norm of
 * M = [[I/tau, K], [K^T, I/sigma]], which makes it a valid base for Halpern iteration
 * (Lu and Yang, "Restarted Halpern PDHG for linear programming", 2024). Two products with K
 * per step.
 */
public final class PrimalDualHybridGradientMap implements FixedPointMap {
    private final BilinearSaddleProblem problem;
    private final double tau;
    private final double sigma;
    private final double[] ky;
    private final double[] ktx;
    private final double[] extrapolated;
    private final double[] x;
    private final double[] y;

    /**
     * @param tau   step of the maximizing block
     * @param sigma step of the minimizing block; tau sigma ||K||_2^2 &lt; 1 is required for the
     *              guarantees (not checked: ||K||_2 is only estimated)
     */
    public PrimalDualHybridGradientMap(BilinearSaddleProblem problem, double tau, double sigma) {
        this.problem = problem;
        this.tau = Checks.positive("tau", tau);
        this.sigma = Checks.positive("sigma", sigma);
        this.ky = new double[problem.rows()];
        this.ktx = new double[problem.cols()];
        this.extrapolated = new double[problem.rows()];
        this.x = new double[problem.rows()];
        this.y = new double[problem.cols()];
    }

    @Override
    public int dimension() {
        return problem.rows() + problem.cols();
    }

    @Override
    public void apply(double[] u, double[] out) {
        int m = problem.rows();
        int n = problem.cols();
        System.arraycopy(u, m, y, 0, n);
        problem.coupling().multiply(y, ky);
        for (int i = 0; i < m; i++) {
            x[i] = u[i] + tau * ky[i];
        }
        problem.maxDomain().project(x);
        for (int i = 0; i < m; i++) {
            extrapolated[i] = 2 * x[i] - u[i];
        }
        problem.coupling().multiplyTranspose(extrapolated, ktx);
        for (int j = 0; j < n; j++) {
            y[j] = u[m + j] - sigma * ktx[j];
        }
        problem.minDomain().project(y);
        System.arraycopy(x, 0, out, 0, m);
        System.arraycopy(y, 0, out, m, n);
    }

    @Override
    public String name() {
        return "PDHG";
    }
}
