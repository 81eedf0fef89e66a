package org.saddlepoint.bench;

import java.util.Locale;
import java.util.SplittableRandom;

import org.saddlepoint.games.MatrixGame;
import org.saddlepoint.games.MatrixGameSolution;
import org.saddlepoint.solvers.iteration.SolverStatus;
import org.saddlepoint.solvers.linalg.DenseMatrix;

/** What the Nash benchmarks share: the random games and the check that makes a wrong answer fail. */
final class NashCases {
    /** Seed of the payoff entries: every run, fork and method sees the same game for a given n. */
    static final long GAME_SEED = 20_240_917L;
    /** Seed passed to the solver (NashOptions.withSeed) for any random choice it makes. */
    static final long SOLVER_SEED = 0L;

    /**
     * The name of a NashBenchmark configuration in logs and tables: the method, with
     * {@code @backend} appended when the kernel backend is not plain Java, {@code /float} when the
     * iterations run in float and {@code /Nt} when the products are held to N threads (e.g.
     * {@code rm-plus@opencl}, {@code rm-plus@opencl/float}, {@code default/1t}); {@code threads}
     * null, empty or 0 means the library's default count.
     */
    static String label(String method, String backend, String precision, String threads) {
        String name = backend == null || backend.isEmpty() || "java".equals(backend) ? method : method + "@" + backend;
        name = "float".equals(precision) ? name + "/float" : name;
        return threads == null || threads.isEmpty() || "0".equals(threads) ? name : name + "/" + threads + "t";
    }
    /** Slack allowed on x &gt;= 0 and sum x = 1 for returned strategies (rounding only). */
    static final double SIMPLEX_SLACK = 1e-9;

    private NashCases() {
    }

    /** Row-major n x n entries, uniform on [0, 1), from {@link #GAME_SEED}. */
    static double[] uniformPayoff(int n) {
        SplittableRandom rng = new SplittableRandom(GAME_SEED);
        double[] data = new double[n * n];
        for (int k = 0; k < data.length; k++) {
            data[k] = rng.nextDouble();
        }
        return data;
    }

    /** A new game object (and matrix) over the entries, so that no state cached on one survives. */
    static MatrixGame game(int n, double[] payoff) {
        return MatrixGame.of(DenseMatrix.ofRowMajor(n, n, payoff));
    }

    /** dualityGap / (max A - min A), recomputed by the solution from its strategies. */
    static double relativeGap(MatrixGame game, MatrixGameSolution s) {
        return s.dualityGap() / game.payoffRange();
    }

    /**
     * Throws unless {@code s} is a certified answer: status CONVERGED or OPTIMAL, both strategies
     * in their simplex, and relative duality gap at most {@code tol}. The gap is the one
     * MatrixGameSolution computes from the strategies, not what the method reported; the simplex
     * check closes the loophole of strategies that are not distributions (x = y = 0 has gap 0).
     */
    static void verify(String method, int n, double tol, MatrixGame game, MatrixGameSolution s) {
        String problem = null;
        if (s == null) {
            problem = "no solution";
        } else if (s.status() != SolverStatus.CONVERGED && s.status() != SolverStatus.OPTIMAL) {
            problem = "status " + s.status();
        } else {
            String x = simplexProblem("row strategy", s.rowStrategy(), game.rows());
            String y = simplexProblem("column strategy", s.colStrategy(), game.cols());
            double rel = relativeGap(game, s);
            if (x != null) {
                problem = x;
            } else if (y != null) {
                problem = y;
            } else if (!(rel <= tol)) {
                problem = "relative gap " + rel + " > tol " + tol;
            }
        }
        if (problem != null) {
            throw new IllegalStateException("SP-BENCH-FAIL " + describe(method, n, tol, game, s)
                    + " reason=\"" + problem + "\"");
        }
    }

    /** One line for the log, parsed by {@link Report}: key=value pairs. */
    static String describe(String method, int n, double tol, MatrixGame game, MatrixGameSolution s) {
        if (s == null) {
            return String.format(Locale.ROOT, "method=%s n=%d tol=%s", method, n, tol);
        }
        return String.format(Locale.ROOT, "method=%s n=%d tol=%s status=%s relgap=%.3e iterations=%d seconds=%.3f",
                method, n, tol, s.status(), relativeGap(game, s), s.iterations(), s.seconds());
    }

    private static String simplexProblem(String name, double[] v, int length) {
        if (v.length != length) {
            return name + " has length " + v.length + ", expected " + length;
        }
        double sum = 0;
        for (int k = 0; k < v.length; k++) {
            if (!(v[k] >= -SIMPLEX_SLACK)) {
                return name + " entry " + k + " is " + v[k];
            }
            sum += v[k];
        }
        if (!(Math.abs(sum - 1.0) <= SIMPLEX_SLACK * Math.max(1, length))) {
            return name + " sums to " + sum;
        }
        return null;
    }
}
