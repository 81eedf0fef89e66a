package org.saddlepoint.solvers.finitesum.experiments;

import java.util.SplittableRandom;

import org.saddlepoint.solvers.Checks;
import org.saddlepoint.solvers.InvalidInputException;
import org.saddlepoint.solvers.finitesum.FiniteSumOperator;
import org.saddlepoint.solvers.finitesum.FiniteSumProblem;
import org.saddlepoint.solvers.linalg.DenseMatrix;
import org.saddlepoint.solvers.linalg.MatVec;
import org.saddlepoint.solvers.linalg.SpectralNorm;
import org.saddlepoint.solvers.operators.Domain;

/**
 * The cocoercive finite sum of spec monotone-operators 5.1, where Algorithm 1's theory applies:
 * F_i(u) = a_i (a_i^T u - b_i), u in R^d, G = 0, the gradient of the least-squares objective
 * (1/2n) sum (a_i^T u - b_i)^2. F is cocoercive on average with L = max ||a_i||^2 under uniform
 * sampling, and L_F = lambda_max(A^T A)/n. Start u_0 = 0, certificate ||F(u)||. Both presets are
 * the theory ones (the paper has no such experiment): Algorithm 1 with eta = 1/L, deterministic
 * Halpern with 2/L_F.
 */
public final class LeastSquares extends FiniteSumInstance implements FiniteSumOperator {
    private final int n;
    private final int d;
    private final double[] a;
    private final double[] b;
    private final FiniteSumProblem problem;

    /**
     * @param a row-major n x d matrix of the rows a_i (copied)
     * @param b the n targets (copied)
     */
    public LeastSquares(int n, int d, double[] a, double[] b) {
        Checks.positive("n", n);
        Checks.positive("d", d);
        if ((long) n * d != a.length) {
            throw new InvalidInputException("rows have " + a.length + " entries, expected " + n + " x " + d);
        }
        Checks.length("b", b, n);
        this.n = n;
        this.d = d;
        this.a = Checks.finite("a", a).clone();
        this.b = Checks.finite("b", b).clone();
        double maxRow = 0;
        for (int i = 0; i < n; i++) {
            maxRow = Math.max(maxRow, componentLipschitz(i));
        }
        double sigma = SpectralNorm.estimate(DenseMatrix.ofRowMajor(n, d, a), 1e-13, 100_000);
        this.problem = new FiniteSumProblem("least squares", this, Domain.free(d), new double[d], maxRow,
                sigma * sigma / n);
    }

    /**
     * The instance of spec 5.1: a_i = normalise(c + 0.5 xi_i) with c, xi_i ~ N(0, I_d) (correlated
     * unit rows, L = 1), b_i = a_i^T u_s + 0.1 N(0, 1) with u_s ~ N(0, I_d).
     */
    public static LeastSquares generate(int n, int d, long seed) {
        Checks.positive("n", n);
        Checks.positive("d", d);
        SplittableRandom random = new SplittableRandom(seed);
        double[] c = gaussian(random, d);
        double[] us = gaussian(random, d);
        double[] a = new double[n * d];
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            double norm = 0;
            for (int j = 0; j < d; j++) {
                double v = c[j] + 0.5 * random.nextGaussian();
                a[i * d + j] = v;
                norm += v * v;
            }
            norm = Math.sqrt(norm);
            for (int j = 0; j < d; j++) {
                a[i * d + j] /= norm;
            }
            b[i] = MatVec.dot(a, i * d, us, d) + 0.1 * random.nextGaussian();
        }
        return new LeastSquares(n, d, a, b);
    }

    private static double[] gaussian(SplittableRandom random, int d) {
        double[] v = new double[d];
        for (int j = 0; j < d; j++) {
            v[j] = random.nextGaussian();
        }
        return v;
    }

    @Override
    public FiniteSumProblem problem() {
        return problem;
    }

    /** None: the paper has no least-squares experiment. */
    @Override
    PaperParameters paperParameters() {
        return null;
    }

    /** The rows, row-major n x d (a copy). */
    public double[] rows() {
        return a.clone();
    }

    /** The targets (a copy). */
    public double[] targets() {
        return b.clone();
    }

    @Override
    public int dimension() {
        return d;
    }

    @Override
    public int components() {
        return n;
    }

    @Override
    public void addComponent(int i, double[] u, double scale, double[] out) {
        MatVec.axpy(scale * (MatVec.dot(a, i * d, u, d) - b[i]), a, i * d, out, d);
    }

    @Override
    public void addComponentDifference(int i, double[] u, double[] v, double scale, double[] out) {
        MatVec.axpy(scale * (MatVec.dot(a, i * d, u, d) - MatVec.dot(a, i * d, v, d)), a, i * d, out, d);
    }

    /** ||a_i||^2. */
    @Override
    public double componentLipschitz(int i) {
        double s = 0;
        for (int j = i * d; j < (i + 1) * d; j++) {
            s += a[j] * a[j];
        }
        return s;
    }
}
