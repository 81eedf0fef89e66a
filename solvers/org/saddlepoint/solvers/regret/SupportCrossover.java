package org.saddlepoint.solvers.regret;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.IntStream;

import org.saddlepoint.solvers.lcp.Lemke;
import org.saddlepoint.solvers.linalg.DenseLu;
import org.saddlepoint.solvers.linalg.DenseMatrix;
import org.saddlepoint.solvers.operators.BilinearSaddleProblem;

/**
 * Crossover from an approximate to an exact equilibrium of the matrix game max_x min_y x^T A y
 * on simplices, as crossover from an interior point to a vertex in linear programming. From a
 * profile (x, y) with duality gap g and products A y, A^T x, each player's strategies are sorted
 * into three sets: <em>out</em>, whose payoff is more than {@value #CANDIDATE_MARGIN} g from the
 * best response (assumed unplayed); the <em>core</em>, the rest whose weight is at least
 * {@value #CORE_WEIGHT} times the relative gap g / (max A - min A) (assumed in the support, hence
 * best responses); and the <em>uncertain</em> rest. The larger core gives its lightest strategies
 * to the uncertain set until both cores have k strategies.
 *
 * <p>With core rows C and columns D, the equations of the support, A[C, :] y = v 1 and
 * A[:, D]^T x = v 1 with 1^T x = 1^T y = 1, leave the core weights and the value affine in the
 * uncertain weights through the bordered (k+1) x (k+1) matrix K = [A[C, D], -1; 1^T, 0], factored
 * once ({@link DenseLu}). What remains is the complementarity of the uncertain strategies, a
 * linear complementarity problem in their weights (x_U, y_V) whose matrix [0, P; -P^T, 0] is
 * skew-symmetric, the Schur complement of K in the game's own, solved by {@link Lemke}:
 * x_U &ge; 0 against the slack v - (A y)_U &ge; 0, y_V &ge; 0 against (A^T x)_V - v &ge; 0. Its
 * solution is an exact equilibrium of the game when the core weights come out non-negative and
 * no strategy that was out beats the value. Up to {@value #ATTEMPTS} LCPs are solved per call:
 * after a negative core weight, again without those core strategies (a new factorization); after
 * a strategy outside beat the value (checked by one full product pair), again with it among the
 * uncertain (the same factorization).
 *
 * <p>It costs one factorization of order k + 1 (2k^3/3 flops) per core, |V| solves, and the
 * pivots of an LCP of order |U| + |V|, which is attempted only when that order is at most
 * {@value #MAX_UNCERTAIN_FRACTION} k and the factorization fits in the time left. On uniform random
 * 2000 x 2000 games (supports of about 1,007 per player) it completed restricted-game RM+ profiles
 * of relative gap 5e-5 to 9e-5 (cores of 944 to 994, 250 to 490 uncertain strategies) into exact
 * equilibria (gap about 1e-13) in 0.1 to 0.4 s; on two seeds of five a non-support strategy kept a
 * weight above the core threshold and the second factorization succeeded. Prototypes with margins
 * of 5 lost support strategies outside the margin; with core thresholds of 2 and 0.5 relative gaps
 * the runs were no faster.
 */
final class SupportCrossover {
    /** Strategies whose payoff is more than this many gaps from the best response start out as unplayed. */
    static final double CANDIDATE_MARGIN = 10;
    /** Strategies with at least this many relative gaps of weight (and within the margin) form the core. */
    static final double CORE_WEIGHT = 1;
    /** The LCP of the uncertain strategies is attempted only up to this fraction of the core size. */
    static final double MAX_UNCERTAIN_FRACTION = 0.6;
    /** LCPs solved per call: after the first, without the core strategies that came out with negative weight, or with the strategies outside that beat the value. */
    static final int ATTEMPTS = 3;
    /**
     * A conservative speed of the factorization, for the time-limit check: the crossover is not
     * attempted when factoring K would take longer than the time left (one core here does about
     * 5e9 flops per second on it, two about 8e9).
     */
    static final double FLOPS_PER_SECOND = 2e9;
    /** Core weights below this are negative beyond rounding: the core was wrong. */
    private static final double NEGATIVE_WEIGHT = -1e-9;

    private final BilinearSaddleProblem problem;
    private final DenseMatrix a;

    /** For a game on simplices whose coupling is a {@link DenseMatrix}. */
    SupportCrossover(BilinearSaddleProblem problem) {
        this.problem = problem;
        this.a = (DenseMatrix) problem.coupling();
    }

    /** A profile, stacked (x, y), with its full-game duality gap. */
    record Certified(double[] profile, double gap) {
    }

    /**
     * The equilibrium that the support of the stacked profile p = (x, y) suggests, with its full-game
     * gap: exact when that gap meets {@code tolerance}, else the last one tried; empty when the sets
     * are out of scope, the factorization would not fit in {@code secondsLeft}, the thread is
     * interrupted, or no attempt gave a profile. The products are {@code ay} = A y and
     * {@code atx} = A^T x.
     */
    Optional<Certified> solve(double[] p, double[] ay, double[] atx, double tolerance, double secondsLeft) {
        double gap = problem.gapFromProducts(ay, atx);
        double range = a.max() - a.min();
        if (!(gap > 0) || !(range > 0)) {
            return Optional.empty();
        }
        double margin = CANDIDATE_MARGIN * gap;
        double weight = CORE_WEIGHT * gap / range;
        int[] rows = RestrictedGameRegretMatchingPlus.nearBest(ay, margin, true);
        int[] cols = RestrictedGameRegretMatchingPlus.nearBest(atx, margin, false);
        int[] coreRows = heaviest(rows, problem.maxPart(p), weight);
        int[] coreCols = heaviest(cols, problem.minPart(p), weight);
        Core core = null;
        Certified last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int k = Math.min(coreRows.length, coreCols.length);
            coreRows = Arrays.copyOf(coreRows, k);
            coreCols = Arrays.copyOf(coreCols, k);
            int[] uncertainRows = minus(rows, coreRows);
            int[] uncertainCols = minus(cols, coreCols);
            if (k == 0 || uncertainRows.length + uncertainCols.length > MAX_UNCERTAIN_FRACTION * k
                    || 2.0 / 3 * Math.pow(k + 1, 3) / FLOPS_PER_SECOND > secondsLeft) {
                break;
            }
            core = core != null ? core : Core.factor(a, coreRows, coreCols).orElse(null);
            if (core == null) {
                break;
            }
            Completion completion = core.complete(uncertainRows, uncertainCols);
            if (completion.wrongRows.length + completion.wrongCols.length > 0) {
                coreRows = minus(coreRows, completion.wrongRows);
                coreCols = minus(coreCols, completion.wrongCols);
                core = null;
                continue;
            }
            if (completion.profile == null) {
                break;
            }
            double[] ay2 = new double[ay.length];
            double[] atx2 = new double[atx.length];
            a.multiplyBoth(problem.minPart(completion.profile), problem.maxPart(completion.profile), ay2, atx2);
            last = new Certified(completion.profile, problem.gapFromProducts(ay2, atx2));
            if (last.gap() <= tolerance) {
                break;
            }
            rows = union(rows, beating(ay2, rows, true));
            cols = union(cols, beating(atx2, cols, false));
        }
        return Optional.ofNullable(last);
    }

    /** The strategies outside {@code inside} whose payoff beats the best one inside (the largest for rows, smallest for columns). */
    private static int[] beating(double[] payoff, int[] inside, boolean maximize) {
        double value = maximize ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        for (int i : inside) {
            value = maximize ? Math.max(value, payoff[i]) : Math.min(value, payoff[i]);
        }
        double v = value;
        return IntStream.range(0, payoff.length)
                .filter(i -> maximize ? payoff[i] > v : payoff[i] < v).toArray();
    }

    /** The indices with weight at least {@code threshold}, heaviest first. */
    private static int[] heaviest(int[] candidates, double[] w, double threshold) {
        return Arrays.stream(candidates).filter(i -> w[i] >= threshold).boxed()
                .sorted((i, j) -> Double.compare(w[j], w[i])).mapToInt(Integer::intValue).toArray();
    }

    /** The members of {@code all} not in {@code some}, in their order. */
    private static int[] minus(int[] all, int[] some) {
        int[] sorted = some.clone();
        Arrays.sort(sorted);
        return Arrays.stream(all).filter(i -> Arrays.binarySearch(sorted, i) < 0).toArray();
    }

    /** The sorted union of two index sets. */
    private static int[] union(int[] some, int[] more) {
        return IntStream.concat(Arrays.stream(some), Arrays.stream(more)).sorted().distinct().toArray();
    }

    /**
     * An LCP's outcome: the profile, or the core rows and columns whose weights came out negative
     * (the core was wrong), or neither (no LCP solution).
     */
    private record Completion(double[] profile, int[] wrongRows, int[] wrongCols) {
        static final Completion NONE = new Completion(null, new int[0], new int[0]);
    }

    /**
     * The support equations on core rows C and columns D, factored once: with the uncertain rows U
     * and columns V, (y_D, v) = g0 - G y_V and (x_C, u) = f0 - J K^{-T} J r(x_U), where
     * G = K^{-1} [A[C, V]; 1^T], J = diag(1, ..., 1, -1) and r(x_U) = (A[U, D]^T x_U, 1^T x_U).
     */
    private static final class Core {
        private final DenseMatrix a;
        private final int[] rows;
        private final int[] cols;
        private final int k;
        private final DenseLu lu;
        private final double[] g0;
        private final double[] f0;

        private Core(DenseMatrix a, int[] rows, int[] cols, DenseLu lu) {
            this.a = a;
            this.rows = rows;
            this.cols = cols;
            this.k = rows.length;
            this.lu = lu;
            this.g0 = lu.solve(unit(k + 1));
            this.f0 = flip(lu.solveTranspose(flip(unit(k + 1))));
        }

        /** K = [A[C, D], -1; 1^T, 0] factored; empty if singular. */
        static Optional<Core> factor(DenseMatrix a, int[] rows, int[] cols) {
            int k = rows.length;
            int order = k + 1;
            double[] matrix = new double[order * order];
            for (int r = 0; r < k; r++) {
                for (int c = 0; c < k; c++) {
                    matrix[r * order + c] = a.get(rows[r], cols[c]);
                }
                matrix[r * order + k] = -1;
            }
            Arrays.fill(matrix, k * order, k * order + k, 1.0);
            return DenseLu.factor(matrix, order).map(lu -> new Core(a, rows, cols, lu));
        }

        /** Solves the LCP of the uncertain strategies and completes the profile. */
        Completion complete(int[] uncertainRows, int[] uncertainCols) {
            int b = uncertainCols.length;
            double[] g = border(uncertainCols);
            if (b > 0) {
                lu.solveColumns(g, b);
            }
            int p = uncertainRows.length + b;
            return Lemke.solve(lcpMatrix(uncertainRows, uncertainCols, g), lcpOffset(uncertainRows, uncertainCols), 50 * p + 100)
                    .map(z -> profile(uncertainRows, uncertainCols, g, z)).orElse(Completion.NONE);
        }

        /** [A[C, V]; 1^T], row-major (k+1) x |V|. */
        private double[] border(int[] uncertainCols) {
            int b = uncertainCols.length;
            double[] g = new double[(k + 1) * b];
            for (int r = 0; r < k; r++) {
                for (int j = 0; j < b; j++) {
                    g[r * b + j] = a.get(rows[r], uncertainCols[j]);
                }
            }
            Arrays.fill(g, k * b, (k + 1) * b, 1.0);
            return g;
        }

        /** q: the slacks of U at y_V = 0, then those of V at x_U = 0. */
        private double[] lcpOffset(int[] uncertainRows, int[] uncertainCols) {
            int ua = uncertainRows.length;
            double[] q = new double[ua + uncertainCols.length];
            for (int i = 0; i < ua; i++) {
                double s = g0[k];
                for (int c = 0; c < k; c++) {
                    s -= a.get(uncertainRows[i], cols[c]) * g0[c];
                }
                q[i] = s;
            }
            for (int j = 0; j < uncertainCols.length; j++) {
                double s = -f0[k];
                for (int r = 0; r < k; r++) {
                    s += a.get(rows[r], uncertainCols[j]) * f0[r];
                }
                q[ua + j] = s;
            }
            return q;
        }

        /**
         * [0, P; -P^T, 0] with P = -(H G + A[U, V]), H = [-A[U, D], 1]: how the slack of row U_i
         * moves with y_V, and (skew-symmetry) minus how the slack of column V_j moves with x_U.
         */
        private double[] lcpMatrix(int[] uncertainRows, int[] uncertainCols, double[] g) {
            int ua = uncertainRows.length;
            int b = uncertainCols.length;
            int p = ua + b;
            double[] lcp = new double[p * p];
            double[] row = new double[b];
            for (int i = 0; i < ua; i++) {
                for (int j = 0; j < b; j++) {
                    row[j] = -g[k * b + j] - a.get(uncertainRows[i], uncertainCols[j]);
                }
                for (int c = 0; c < k; c++) {
                    double h = a.get(uncertainRows[i], cols[c]);
                    for (int j = 0; j < b; j++) {
                        row[j] += h * g[c * b + j];
                    }
                }
                for (int j = 0; j < b; j++) {
                    lcp[i * p + ua + j] = row[j];
                    lcp[(ua + j) * p + i] = -row[j];
                }
            }
            return lcp;
        }

        /** The stacked profile from the LCP's solution z = (x_U, y_V), unless a core weight is negative. */
        private Completion profile(int[] uncertainRows, int[] uncertainCols, double[] g, double[] z) {
            int m = a.rows();
            int ua = uncertainRows.length;
            int b = uncertainCols.length;
            double[] yCore = g0.clone();
            for (int r = 0; r <= k; r++) {
                for (int j = 0; j < b; j++) {
                    yCore[r] -= g[r * b + j] * z[ua + j];
                }
            }
            double[] border = new double[k + 1];
            for (int i = 0; i < ua; i++) {
                for (int c = 0; c < k; c++) {
                    border[c] += a.get(uncertainRows[i], cols[c]) * z[i];
                }
                border[k] += z[i];
            }
            double[] xShift = flip(lu.solveTranspose(flip(border)));
            double[] p = new double[m + a.cols()];
            for (int r = 0; r < k; r++) {
                p[rows[r]] = f0[r] - xShift[r];
                p[m + cols[r]] = yCore[r];
            }
            int[] wrongRows = Arrays.stream(rows).filter(i -> !(p[i] >= NEGATIVE_WEIGHT)).toArray();
            int[] wrongCols = Arrays.stream(cols).filter(j -> !(p[m + j] >= NEGATIVE_WEIGHT)).toArray();
            if (wrongRows.length + wrongCols.length > 0) {
                return new Completion(null, wrongRows, wrongCols);
            }
            for (int i = 0; i < ua; i++) {
                p[uncertainRows[i]] = z[i];
            }
            for (int j = 0; j < b; j++) {
                p[m + uncertainCols[j]] = z[ua + j];
            }
            for (int e = 0; e < p.length; e++) {
                p[e] = Math.max(0, p[e]);
            }
            return normalise(p, 0, m) && normalise(p, m, p.length) ? new Completion(p, new int[0], new int[0]) : Completion.NONE;
        }
    }

    private static double[] unit(int order) {
        double[] e = new double[order];
        e[order - 1] = 1;
        return e;
    }

    /** J v: the last entry negated, in place. */
    private static double[] flip(double[] v) {
        v[v.length - 1] = -v[v.length - 1];
        return v;
    }

    /** Scales p[from, to) to sum 1; false if its sum is not positive. */
    private static boolean normalise(double[] p, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += p[i];
        }
        if (!(sum > 0)) {
            return false;
        }
        for (int i = from; i < to; i++) {
            p[i] /= sum;
        }
        return true;
    }
}
