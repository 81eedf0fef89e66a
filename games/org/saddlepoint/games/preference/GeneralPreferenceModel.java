package org.saddlepoint.games.preference;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.saddlepoint.solvers.Checks;
import org.saddlepoint.solvers.InvalidInputException;
import org.saddlepoint.solvers.SaddlepointException;
import org.saddlepoint.solvers.linalg.Logistic;

/**
 * The general preference model, GPM (Zhang et al., "General Preference Modeling with Preference
 * Representations for Aligning Language Models", arXiv 2410.02197), on a finite response set: each
 * response y has an embedding v_y in R^{2k}, and
 * <pre>  s(y, y') = v_y^T R v_{y'},  R = blockdiag(lambda_1 R_1, ..., lambda_k R_k),  R_l = [[0, -1], [1, 0]], </pre>
 * P(y beats y') = sigma(s(y, y')). s is skew-symmetric, so P + P^T = 1 holds by construction, and
 * S = V R V^T has rank at most 2k; unlike Bradley-Terry (a scalar reward) it can represent cycles.
 * Conversely every skew-symmetric S of rank 2k is exactly such a model (the real Schur form of a
 * skew-symmetric matrix; {@link #fromLogits}). Immutable.
 */
public final class GeneralPreferenceModel {
    private final double[][] embeddings;
    private final double[] eigenvalues;

    private GeneralPreferenceModel(double[][] embeddings, double[] eigenvalues) {
        this.embeddings = embeddings;
        this.eigenvalues = eigenvalues;
    }

    /**
     * @param embeddings  K rows v_y of 2k finite entries
     * @param eigenvalues lambda_1..lambda_k &gt;= 0
     */
    public static GeneralPreferenceModel of(double[][] embeddings, double[] eigenvalues) {
        int k = Checks.positive("number of blocks", eigenvalues.length);
        if (embeddings.length == 0) {
            throw new InvalidInputException("a preference model needs at least one response");
        }
        double[][] v = new double[embeddings.length][];
        for (int y = 0; y < v.length; y++) {
            v[y] = Checks.finite("embedding " + y, Checks.length("embedding " + y, embeddings[y], 2 * k)).clone();
        }
        for (int l = 0; l < k; l++) {
            Checks.nonNegative("lambda_" + (l + 1), eigenvalues[l]);
        }
        return new GeneralPreferenceModel(v, eigenvalues.clone());
    }

    /** K embeddings N(0, I) in R^{2k}, eigenvalues uniform in [0.5, 2]: a random rank-2k skew-symmetric model. */
    public static GeneralPreferenceModel random(int responses, int blocks, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] v = new double[Checks.positive("number of responses", responses)][2 * blocks];
        for (double[] row : v) {
            for (int i = 0; i < row.length; i++) {
                row[i] = LinearBandit.gaussian(rng);
            }
        }
        double[] lambda = new double[Checks.positive("number of blocks", blocks)];
        for (int l = 0; l < blocks; l++) {
            lambda[l] = 0.5 + 1.5 * rng.nextDouble();
        }
        return of(v, lambda);
    }

    /**
     * The k-block model closest to the skew-symmetric {@code logits} S: k steps of deflation by the
     * real Schur form. With u the top eigenvector of S^T S (eigenvalue lambda^2) and v = S u / lambda,
     * S u = lambda v and S v = -lambda u, so S - lambda (v u^T - u v^T) removes one 2 x 2 block;
     * embedding y gets (u_y, v_y) with eigenvalue lambda. Exact when S has rank 2k.
     */
    public static GeneralPreferenceModel fromLogits(double[][] logits, int blocks) {
        int n = logits.length;
        Checks.positive("number of blocks", blocks);
        double[][] s = new double[n][];
        for (int i = 0; i < n; i++) {
            s[i] = Checks.length("logit row " + i, logits[i], n).clone();
            for (int j = 0; j < n; j++) {
                if (Math.abs(logits[i][j] + logits[j][i]) > 1e-9 * (1 + Math.abs(logits[i][j]))) {
                    throw new InvalidInputException("logits must be skew-symmetric: S[" + i + "][" + j + "] + S[" + j
                            + "][" + i + "] = " + (logits[i][j] + logits[j][i]));
                }
            }
        }
        double[][] v = new double[n][2 * blocks];
        double[] lambda = new double[blocks];
        for (int l = 0; l < blocks; l++) {
            double[] u = topEigenvectorOfGram(s);
            double[] w = new double[n];
            double norm = 0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    w[i] += s[i][j] * u[j];
                }
                norm += w[i] * w[i];
            }
            lambda[l] = Math.sqrt(norm);
            for (int i = 0; i < n; i++) {
                w[i] = lambda[l] > 0 ? w[i] / lambda[l] : 0;
                v[i][2 * l] = u[i];
                v[i][2 * l + 1] = w[i];
            }
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    s[i][j] -= lambda[l] * (w[i] * u[j] - u[i] * w[j]);
                }
            }
        }
        return of(v, lambda);
    }

    /** The unit eigenvector of S^T S with the largest eigenvalue. */
    private static double[] topEigenvectorOfGram(double[][] s) {
        int n = s.length;
        DMatrixRMaj gram = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double g = 0;
                for (int m = 0; m < n; m++) {
                    g += s[m][i] * s[m][j];
                }
                gram.set(i, j, g);
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
        if (!eig.decompose(gram)) {
            throw new SaddlepointException("eigen-decomposition failed");
        }
        int best = 0;
        for (int i = 1; i < n; i++) {
            if (eig.getEigenvalue(i).getReal() > eig.getEigenvalue(best).getReal()) {
                best = i;
            }
        }
        DMatrixRMaj vector = eig.getEigenVector(best);
        double[] u = new double[n];
        double norm = 0;
        for (int i = 0; i < n; i++) {
            u[i] = vector.get(i, 0);
            norm += u[i] * u[i];
        }
        for (int i = 0; i < n; i++) {
            u[i] /= Math.sqrt(norm);
        }
        return u;
    }

    public int responses() {
        return embeddings.length;
    }

    public int blocks() {
        return eigenvalues.length;
    }

    /** S[y][y'] = v_y^T R v_{y'}. */
    public double[][] logits() {
        int n = embeddings.length;
        double[][] s = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                s[i][j] = score(embeddings[i], embeddings[j]);
            }
        }
        return s;
    }

    /** a^T R b = sum_l lambda_l (a_{2l+1} b_{2l} - a_{2l} b_{2l+1}). */
    private double score(double[] a, double[] b) {
        double s = 0;
        for (int l = 0; l < eigenvalues.length; l++) {
            s += eigenvalues[l] * (a[2 * l + 1] * b[2 * l] - a[2 * l] * b[2 * l + 1]);
        }
        return s;
    }

    /** P = sigma(S). */
    public PreferenceMatrix preferences() {
        return PreferenceMatrix.fromLogits(logits());
    }

    /**
     * Maximum likelihood on comparison counts ({@code wins[y][y']}: times y beat y'): the logistic loss
     * -sum wins[y][y'] log sigma(s(y, y')) / n over the embeddings (eigenvalues held at 1), by
     * gradient descent with backtracking from the k-block Schur model of the smoothed empirical logits.
     * The gradient in V is (G^T - G) V R with G[y][y'] = -wins[y][y'] sigma(-s(y, y')) / n.
     */
    public static GeneralPreferenceModel fit(double[][] wins, int blocks, int iterations) {
        GeneralPreferenceModel start = fromLogits(ComparisonCounts.smoothedLogits(wins), blocks);
        double[][] v = start.scaledEmbeddings();
        double[] ones = new double[blocks];
        Arrays.fill(ones, 1);
        GeneralPreferenceModel model = of(v, ones);
        double loss = ComparisonCounts.logisticLoss(wins, model.logits());
        double step = 1;
        for (int it = 0; it < iterations; it++) {
            double[][] gradient = model.gradient(wins);
            GeneralPreferenceModel trial = model;
            double trialLoss = Double.POSITIVE_INFINITY;
            for (int h = 0; h < 40 && !(trialLoss < loss); h++, step *= 0.5) {
                trial = of(minus(v, step, gradient), ones);
                trialLoss = ComparisonCounts.logisticLoss(wins, trial.logits());
            }
            if (!(trialLoss < loss)) {
                break;
            }
            model = trial;
            v = trial.embeddings;
            loss = trialLoss;
            step *= 2;
        }
        return model;
    }

    /** Embeddings with sqrt(lambda_l) folded into both coordinates of block l (same logits, lambda = 1). */
    private double[][] scaledEmbeddings() {
        double[][] v = new double[embeddings.length][];
        for (int y = 0; y < v.length; y++) {
            v[y] = embeddings[y].clone();
            for (int l = 0; l < eigenvalues.length; l++) {
                double r = Math.sqrt(eigenvalues[l]);
                v[y][2 * l] *= r;
                v[y][2 * l + 1] *= r;
            }
        }
        return v;
    }

    /** The gradient of the logistic loss in the embeddings, (G^T - G) V R. */
    double[][] gradient(double[][] wins) {
        int n = embeddings.length;
        double[][] s = logits();
        double total = ComparisonCounts.total(wins);
        double[][] g = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                g[i][j] = -wins[i][j] * Logistic.sigmoid(-s[i][j]) / total;
            }
        }
        int width = 2 * eigenvalues.length;
        double[][] out = new double[n][width];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double c = g[j][i] - g[i][j];
                if (c != 0) {
                    for (int l = 0; l < eigenvalues.length; l++) {
                        // row j of V R, block l: lambda (v_{j,2l+1}, -v_{j,2l})
                        out[i][2 * l] += c * eigenvalues[l] * embeddings[j][2 * l + 1];
                        out[i][2 * l + 1] -= c * eigenvalues[l] * embeddings[j][2 * l];
                    }
                }
            }
        }
        return out;
    }

    private static double[][] minus(double[][] v, double step, double[][] g) {
        double[][] out = new double[v.length][];
        for (int i = 0; i < v.length; i++) {
            out[i] = new double[v[i].length];
            for (int j = 0; j < v[i].length; j++) {
                out[i][j] = v[i][j] - step * g[i][j];
            }
        }
        return out;
    }
}
