package org.saddlepoint.games.preference;

import static org.saddlepoint.solvers.linalg.Logistic.sigmoid;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.saddlepoint.games.MatrixGame;
import org.saddlepoint.solvers.Checks;
import org.saddlepoint.solvers.InvalidInputException;
import org.saddlepoint.solvers.linalg.MatVec;

/**
 * A preference matrix over K responses: P[i][j] = Pr(response i is preferred to response j),
 * with P[i][j] + P[j][i] = 1 and P[i][i] = 1/2 (the general preference model of Munos et al.,
 * "Nash learning from human feedback", ICML 2024, Section 2). Its skew part A = P - 11^T/2 is
 * antisymmetric, and pi^T P pi = 1/2 for every policy pi. Immutable; entries row-major.
 *
 * <p>The generators are those of the EGPO simulations (Zhou, Fazel and Du, COLM 2025; code
 * {@code simulations/utils.py}, {@code gen_preference_matrix}): {@link #random}, plus
 * {@link #bradleyTerry}, {@link #cycle3} and {@link #tournament}; the rank-2k skew-symmetric
 * matrices of GPM are made by {@link GeneralPreferenceModel}.
 */
public final class PreferenceMatrix {
    /** How far P[i][j] + P[j][i] may be from 1 (and P[i][i] from 1/2): rounding of a CSV file. */
    public static final double SYMMETRY_TOLERANCE = 1e-9;

    private final int size;
    private final double[] entries;

    private PreferenceMatrix(int size, double[] entries) {
        this.size = size;
        this.entries = entries;
    }

    /**
     * Validates and copies {@code p}: square, at least one response, every entry finite and in
     * [0, 1], P[i][j] + P[j][i] = 1 within {@value #SYMMETRY_TOLERANCE}.
     *
     * @throws InvalidInputException naming the first offending entry (0-based indices)
     */
    public static PreferenceMatrix of(double[][] p) {
        if (p == null || p.length == 0) {
            throw new InvalidInputException("preference matrix must have at least one response");
        }
        int k = p.length;
        double[] e = new double[k * k];
        for (int i = 0; i < k; i++) {
            if (p[i].length != k) {
                throw new InvalidInputException("preference matrix must be square: row " + i + " has "
                        + p[i].length + " entries, expected " + k);
            }
            for (int j = 0; j < k; j++) {
                double v = p[i][j];
                if (!(v >= 0 && v <= 1)) {
                    throw new InvalidInputException("preference P[" + i + "][" + j + "] = " + v
                            + " is not a probability in [0, 1]");
                }
                e[i * k + j] = v;
            }
        }
        for (int i = 0; i < k; i++) {
            for (int j = i; j < k; j++) {
                double sum = e[i * k + j] + e[j * k + i];
                if (Math.abs(sum - 1) > SYMMETRY_TOLERANCE) {
                    throw new InvalidInputException("preference matrix must satisfy P + P^T = 1: P[" + i + "][" + j
                            + "] + P[" + j + "][" + i + "] = " + sum);
                }
            }
        }
        return new PreferenceMatrix(k, e);
    }

    /**
     * The EGPO generator "random": for i &gt; j, P[i][j] ~ U(0, 1) and P[j][i] = 1 - P[i][j];
     * the diagonal is 1/2. Intransitive with high probability.
     */
    public static PreferenceMatrix random(int k, long seed) {
        Checks.positive("number of responses", k);
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] p = half(k);
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < i; j++) {
                p[i][j] = rng.nextDouble();
                p[j][i] = 1 - p[i][j];
            }
        }
        return of(p);
    }

    /** Bradley-Terry: P[i][j] = sigma(r_i - r_j), transitive; its minimax winner is argmax r. */
    public static PreferenceMatrix bradleyTerry(double[] rewards) {
        Checks.finite("reward", rewards);
        int k = Checks.positive("number of responses", rewards.length);
        double[][] p = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                p[i][j] = sigmoid(rewards[i] - rewards[j]);
            }
        }
        return of(p);
    }

    /**
     * The 3-cycle with skew part A = [[0, a, -b], [-a, 0, c], [b, -c, 0]]: response 1 beats 2 by a,
     * 2 beats 3 by c, 3 beats 1 by b; margins in [-1/2, 1/2]. For a, b, c &gt; 0 the unique
     * minimax winner is (c, b, a) / (a + b + c).
     */
    public static PreferenceMatrix cycle3(double a, double b, double c) {
        return fromSkew(new double[][] {{0, a, -b}, {-a, 0, c}, {b, -c, 0}});
    }

    /** A random tournament: for i &gt; j, A[i][j] = +-1/2 with probability 1/2 each (majority relation). */
    public static PreferenceMatrix tournament(int k, long seed) {
        Checks.positive("number of responses", k);
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] p = half(k);
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < i; j++) {
                p[i][j] = rng.nextBoolean() ? 1 : 0;
                p[j][i] = 1 - p[i][j];
            }
        }
        return of(p);
    }

    /** P = A + 11^T/2 for an antisymmetric A with entries in [-1/2, 1/2]. */
    public static PreferenceMatrix fromSkew(double[][] skew) {
        int k = skew.length;
        double[][] p = new double[k][];
        for (int i = 0; i < k; i++) {
            p[i] = new double[skew[i].length];
            for (int j = 0; j < skew[i].length; j++) {
                p[i][j] = skew[i][j] + 0.5;
            }
        }
        return of(p);
    }

    /** P = sigma(S) entrywise for an antisymmetric logit matrix S (GPM, Bradley-Terry: S = r_i - r_j). */
    public static PreferenceMatrix fromLogits(double[][] logits) {
        int k = logits.length;
        double[][] p = new double[k][];
        for (int i = 0; i < k; i++) {
            p[i] = new double[logits[i].length];
            for (int j = 0; j < logits[i].length; j++) {
                p[i][j] = sigmoid(logits[i][j]);
            }
        }
        return of(p);
    }


    private static double[][] half(int k) {
        double[][] p = new double[k][k];
        for (double[] row : p) {
            Arrays.fill(row, 0.5);
        }
        return p;
    }

    /** The number of responses K. */
    public int size() {
        return size;
    }

    /** P[i][j], 0-based. */
    public double get(int i, int j) {
        return entries[i * size + j];
    }

    /** out = P v: (P pi)_y = P(y beats pi). */
    public void multiply(double[] v, double[] out) {
        MatVec.multiply(entries, size, size, v, out);
    }

    /** u^T P v = P(u beats v). */
    public double preference(double[] u, double[] v) {
        double[] pv = new double[size];
        multiply(v, pv);
        double s = 0;
        for (int i = 0; i < size; i++) {
            s += u[i] * pv[i];
        }
        return s;
    }

    /** A copy as rows. */
    public double[][] toArray() {
        double[][] p = new double[size][size];
        for (int i = 0; i < size; i++) {
            System.arraycopy(entries, i * size, p[i], 0, size);
        }
        return p;
    }

    /**
     * The symmetric zero-sum game with row payoff P (value 1/2): its maximin strategies are the
     * minimax (von Neumann) winners of the preference relation.
     */
    public MatrixGame asMatrixGame() {
        return MatrixGame.of(toArray());
    }

    @Override
    public String toString() {
        return "PreferenceMatrix[" + size + " responses]";
    }
}
