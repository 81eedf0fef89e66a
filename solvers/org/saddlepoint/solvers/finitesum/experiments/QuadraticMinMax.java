package org.saddlepoint.solvers.finitesum.experiments;

import org.saddlepoint.solvers.Checks;
import org.saddlepoint.solvers.finitesum.FiniteSumProblem;
import org.saddlepoint.solvers.linalg.DenseMatrix;
import org.saddlepoint.solvers.linalg.SpectralNorm;
import org.saddlepoint.solvers.operators.Domain;

/**
 * The unconstrained quadratic min-max problem of the paper's experiments (spec monotone-operators
 * 4.2), the hard instance of Ouyang and Xu (2021): min_x max_y (1/2) x^T H x - h^T x - (A x - b)^T y
 * on R^n x R^n with A[i][n-1-i] = 1, A[i][n-2-i] = -1, A = A/4, H = 2 A^T A, b = 1/4, h = e_n / 4.
 * F(x, y) = (H x - h - A^T y, A x - b), G = 0, F_i(x, y) = n (H_{:,i} x_i - A_{i,:}^T y_i, A_{:,i} x_i)
 * + (-h, -b), start (1/n) 1, certificate ||F||. Deterministic: no seed.
 *
 * <p>Paper preset (the script's values): EG eta = 0.5; VR-EG p = 1/n, alpha = 1 - p, tau = 0.01;
 * EAG eta = 0.3; Algorithm 1 eta = 0.3; Algorithm 2 eta = sqrt(n), p = 1/n, alpha = 1 - p,
 * gamma = 0.001, M_k = floor(0.05 n ln(k+2)); deterministic Halpern uses its theory preset.
 */
public final class QuadraticMinMax extends FiniteSumInstance {
    private final int n;
    private final double[] a;
    private final double[] h;
    private final FiniteSumProblem problem;

    private QuadraticMinMax(int n) {
        this.n = n;
        this.a = new double[n * n];
        for (int i = 0; i < n; i++) {
            a[i * n + n - 1 - i] = 0.25;
            if (i < n - 1) {
                a[i * n + n - 2 - i] = -0.25;
            }
        }
        this.h = hessian(n, a);
        double[] at = transpose(n, a);
        double[] negA = a.clone();
        for (int k = 0; k < negA.length; k++) {
            negA[k] = -negA[k];
        }
        double[] cx = new double[n];
        cx[n - 1] = -0.25;
        double[] cy = new double[n];
        java.util.Arrays.fill(cy, -0.25);
        // Column-major blocks: M_xx = H (symmetric), M_xy = -A^T (columns = rows of -A), M_yx = A (columns = rows of A^T).
        LinearCoordinateSplit operator = new LinearCoordinateSplit(n, h, negA, at, null, cx, cy);
        double[] start = new double[2 * n];
        java.util.Arrays.fill(start, 1.0 / n);
        double lf = SpectralNorm.estimate(jacobian(), 1e-12, 100_000);
        this.problem = new FiniteSumProblem("quadratic", operator, Domain.free(2 * n), start,
                operator.lipschitzOnAverage(), lf);
    }

    /** The instance of size n (at least 2). */
    public static QuadraticMinMax generate(int n) {
        Checks.positive("n", n - 1);
        return new QuadraticMinMax(n);
    }

    private static double[] hessian(int n, double[] a) {
        double[] hh = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int k = 0; k < n; k++) {
                    s += a[k * n + i] * a[k * n + j];
                }
                hh[i * n + j] = 2 * s;
            }
        }
        return hh;
    }

    private static double[] transpose(int n, double[] m) {
        double[] t = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                t[j * n + i] = m[i * n + j];
            }
        }
        return t;
    }

    /** The Jacobian [[H, -A^T], [A, 0]] of F, whose spectral norm is L_F. */
    public DenseMatrix jacobian() {
        double[] m = new double[4 * n * n];
        int d = 2 * n;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                m[i * d + j] = h[i * n + j];
                m[i * d + n + j] = -a[j * n + i];
                m[(n + i) * d + j] = a[i * n + j];
            }
        }
        return DenseMatrix.ofRowMajor(d, d, m);
    }

    /** The constant part: F(u) = jacobian u + (-h, -b). */
    public double[] constant() {
        double[] c = new double[2 * n];
        c[n - 1] = -0.25;
        java.util.Arrays.fill(c, n, 2 * n, -0.25);
        return c;
    }

    @Override
    public FiniteSumProblem problem() {
        return problem;
    }

    @Override
    PaperParameters paperParameters() {
        return new PaperParameters(0.5, 0.3, 0.01, 0.3, Math.sqrt(n), 0.001);
    }
}
