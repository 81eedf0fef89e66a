package org.saddlepoint.solvers.finitesum.experiments;

import java.util.SplittableRandom;

import org.saddlepoint.solvers.Checks;
import org.saddlepoint.solvers.finitesum.FiniteSumProblem;
import org.saddlepoint.solvers.linalg.DenseMatrix;
import org.saddlepoint.solvers.linalg.SpectralNorm;
import org.saddlepoint.solvers.operators.BilinearSaddleProblem;
import org.saddlepoint.solvers.operators.Domain;

/**
 * The "policeman and burglar" matrix game of the paper's experiments (Cai, Alacaoglu and
 * Diakonikolas, ICLR 2024, Section 5; spec monotone-operators 4.1):
 * min_{x in Delta_n} max_{y in Delta_n} y^T A x with A_ij = w_j (1 - exp(-theta |i - j|)),
 * w_j = |N(0, 1)| i.i.d. scaling the columns, theta = 0.8. F(x, y) = (A^T y, -A x), G = N_{Delta x Delta},
 * F_i(x, y) = n (A_{i,:}^T y_i, -A_{:,i} x_i), start uniform, certificate r_1, and the duality gap
 * max_i (A x)_i - min_j (A^T y)_j. The generator is Java's, so the matrix differs from the
 * scripts' NumPy one for the same seed.
 *
 * <p>Paper preset (the scripts' values): EG and EAG eta = 5/||A||_2; VR-EG p = 1/n, alpha = 1 - p,
 * tau = 3 sqrt(p)/||A||_F; Algorithm 1 eta = 5/||A||_F; Algorithm 2 eta = sqrt(n)/||A||_F, p = 1/n,
 * alpha = 1 - p, gamma = 5 sqrt(p(1-p))/(sqrt(n) + 1), M_k = floor(0.05 n ln(k+2)); deterministic
 * Halpern (not in the scripts) uses its theory preset.
 */
public final class PolicemanBurglar extends FiniteSumInstance {
    /** The scripts' theta. */
    public static final double THETA = 0.8;

    private final DenseMatrix a;
    private final double frobenius;
    private final double spectral;
    private final FiniteSumProblem problem;

    private PolicemanBurglar(int n, double[] rowMajor) {
        this.a = DenseMatrix.ofRowMajor(n, n, rowMajor);
        double[] negTransposed = a.transpose().toRowMajor();
        for (int k = 0; k < negTransposed.length; k++) {
            negTransposed[k] = -negTransposed[k];
        }
        // M_xy = A^T (column i = row i of A), M_yx = -A (column i = -column i of A).
        LinearCoordinateSplit operator = new LinearCoordinateSplit(n, null, rowMajor, negTransposed, null, null, null);
        double f = 0;
        for (double v : rowMajor) {
            f += v * v;
        }
        this.frobenius = Math.sqrt(f);
        this.spectral = SpectralNorm.estimate(a, 1e-12, 100_000);
        // min_x max_y y^T A x = -max_x min_y x^T (-A^T) y: the gap of K = -A^T with u = (x, y) in that
        // order is max_i (A x)_i - min_j (A^T y)_j, and its operator (-K y, K^T x) is F.
        BilinearSaddleProblem game = BilinearSaddleProblem.onSimplices(DenseMatrix.ofRowMajor(n, n, negTransposed));
        Domain simplices = Domain.simplex(n).times(Domain.simplex(n));
        this.problem = new FiniteSumProblem("policeman-burglar", operator, simplices, simplices.center(),
                operator.lipschitzOnAverage(), spectral).withGap(game.gapCertificate());
    }

    /** The instance of size n from {@code seed}, theta = 0.8. */
    public static PolicemanBurglar generate(int n, long seed) {
        Checks.positive("n", n);
        SplittableRandom random = new SplittableRandom(seed);
        double[] w = new double[n];
        for (int j = 0; j < n; j++) {
            w[j] = Math.abs(random.nextGaussian());
        }
        double[] entries = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                entries[i * n + j] = w[j] * (1 - Math.exp(-THETA * Math.abs(i - j)));
            }
        }
        return new PolicemanBurglar(n, entries);
    }

    @Override
    public FiniteSumProblem problem() {
        return problem;
    }

    /** A (rows: the maximiser y's pure strategies). */
    public DenseMatrix matrix() {
        return a;
    }

    public double frobeniusNorm() {
        return frobenius;
    }

    /** ||A||_2 (power iteration), which is L_F. */
    public double spectralNorm() {
        return spectral;
    }

    @Override
    PaperParameters paperParameters() {
        double sqrtN = Math.sqrt(problem.components());
        double p = 1.0 / problem.components();
        return new PaperParameters(5 / spectral, 5 / spectral, 3 * Math.sqrt(p) / frobenius, 5 / frobenius,
                sqrtN / frobenius, 5 * Math.sqrt(p * (1 - p)) / (sqrtN + 1));
    }
}
