package org.saddlepoint.games;

import java.util.Arrays;
import java.util.List;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPConstraintProto;
import com.google.ortools.linearsolver.MPModelProto;
import com.google.ortools.linearsolver.MPModelRequest;
import com.google.ortools.linearsolver.MPSolutionResponse;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPSolverResponseStatus;
import com.google.ortools.linearsolver.MPVariable;
import com.google.ortools.linearsolver.MPVariableProto;
import com.google.ortools.pdlp.PrimalDualHybridGradientParams;
import com.google.ortools.pdlp.SolveLog;
import com.google.ortools.pdlp.TerminationCriteria;
import com.google.ortools.pdlp.TerminationReason;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.TextFormat;

import org.saddlepoint.solvers.InvalidInputException;
import org.saddlepoint.solvers.OrTools;
import org.saddlepoint.solvers.SaddlepointException;
import org.saddlepoint.solvers.SolverUnavailableException;
import org.saddlepoint.solvers.iteration.SolverStatus;

/**
 * Solves a {@link MatrixGame} exactly by linear programming (von Neumann 1928; Dantzig 1951,
 * "A proof of the equivalence of the programming problem and the game problem"). The row
 * player's LP is
 * <pre>
 *   maximize v  subject to  sum_i B_ij x_i &gt;= v  (each column j),  sum_i x_i = 1,  x &gt;= 0,
 * </pre>
 * and its dual, {@code minimize w s.t. B y <= w, sum_j y_j = 1, y >= 0}, is the column player's
 * problem, so the column strategy y is read off the duals of the column constraints.
 *
 * <p>B is the affinely normalised payoff {@code (A - min A) / (max A - min A)}, whose entries lie in
 * [0, 1]: a positive affine map of the payoffs leaves the equilibria unchanged and maps the value,
 * and it keeps the LP well scaled for games with entries near 1e6. The returned
 * {@link MatrixGameSolution} recomputes the value, bounds and duality gap from the strategies on the
 * original game A, so the certificate never depends on the LP's own report. A constant game
 * (range 0) needs no LP: every strategy pair is an equilibrium, and the uniform pair is returned.
 *
 * <p>Backends (OR-Tools' {@code linear_solver}, and ojAlgo):
 * <ul>
 *   <li>{@link LpBackend#GLOP}: Google's simplex method, through {@link MPSolver}; an optimal basic
 *       solution, exact up to rounding.</li>
 *   <li>{@link LpBackend#PDLP}: the restarted primal-dual hybrid gradient method of Applegate et al.
 *       (2021, "Practical large-scale linear programming using primal-dual hybrid gradient"), through
 *       {@link MPSolver#solveWithProto}, which returns PDLP's iterate even when the time limit stops it.
 *       It stops when its relative KKT error is at most {@code pdlpTolerance}: PDLP's
 *       {@code eps_optimal_relative} and {@code eps_optimal_absolute} are both set to it (with B in
 *       [0, 1] the objective and right-hand side have unit norm, so the two coincide in scale). The
 *       resulting relative duality gap of the game is of the same order, but only the certificate of
 *       the returned solution is guaranteed.</li>
 *   <li>{@link LpBackend#OJALGO}: ojAlgo's simplex in pure Java, one LP per player
 *       ({@link OjAlgoMatrixGameLp}); no native libraries.</li>
 * </ul>
 *
 * <p>OR-Tools' sign convention for a maximisation: the dual value of a {@code >=} row is
 * d(objective)/d(lower bound) &lt;= 0, so y_j = -dual_j. Entries of x and y that are slightly
 * negative (rounding, or PDLP's tolerance) are clipped to 0 and each strategy is renormalised
 * onto the simplex.
 *
 * <p>Thread-safe: every call builds and releases its own native model; the native libraries are
 * loaded once, on first use.
 */
public final class MatrixGameLp {
    /**
     * PDLP's default relative (and absolute) optimality tolerance on the normalised LP. On random
     * games the relative duality gap of PDLP's answer came out at 1 to 2 times this tolerance, so 1e-7
     * meets the library's default relative gap of 1e-6 ({@link NashOptions#DEFAULT}) with margin.
     */
    public static final double DEFAULT_PDLP_TOLERANCE = 1e-7;

    private static final String GLOP_NAME = "lp (GLOP)";
    private static final String PDLP_NAME = "lp (PDLP)";

    private MatrixGameLp() {
    }

    /**
     * Solves {@code game} with {@code backend}; for PDLP to {@link #DEFAULT_PDLP_TOLERANCE}.
     *
     * @param timeLimitSeconds wall-clock limit of the LP solve, &gt; 0; {@code Double.POSITIVE_INFINITY}
     *                         for none
     * @return status {@link SolverStatus#OPTIMAL} when the LP solver proved optimality, or
     *         {@link SolverStatus#TIME_LIMIT} with the best strategies it had when the limit stopped it
     * @throws InvalidInputException     for a null game or backend, or a time limit that is not &gt; 0
     * @throws SolverUnavailableException when OR-Tools or the backend cannot be loaded on this machine
     * @throws SaddlepointException      when the LP solver fails (its status is named), or the time
     *                                   limit stops it before it has any strategies
     */
    public static MatrixGameSolution solve(MatrixGame game, LpBackend backend, double timeLimitSeconds) {
        return solve(game, backend, timeLimitSeconds, DEFAULT_PDLP_TOLERANCE);
    }

    /**
     * As {@link #solve(MatrixGame, LpBackend, double)}, with PDLP's relative optimality tolerance
     * {@code pdlpTolerance} (its {@code eps_optimal_relative} and {@code eps_optimal_absolute} on the
     * normalised LP; ignored by GLOP).
     *
     * @param pdlpTolerance finite and &gt; 0, else an {@link InvalidInputException}
     */
    public static MatrixGameSolution solve(MatrixGame game, LpBackend backend, double timeLimitSeconds,
                                           double pdlpTolerance) {
        if (game == null) {
            throw new InvalidInputException("game must not be null");
        }
        if (backend == null) {
            throw new InvalidInputException("LP backend must not be null");
        }
        if (!(timeLimitSeconds > 0)) {
            throw new InvalidInputException("time limit must be > 0 seconds, got " + timeLimitSeconds);
        }
        if (!(pdlpTolerance > 0) || Double.isInfinite(pdlpTolerance)) {
            throw new InvalidInputException("PDLP tolerance must be finite and > 0, got " + pdlpTolerance);
        }
        String method = switch (backend) {
            case GLOP -> GLOP_NAME;
            case PDLP -> PDLP_NAME;
            case OJALGO -> OjAlgoMatrixGameLp.NAME;
        };
        if (game.payoff().max() == game.payoff().min()) {
            // Constant game: every strategy pair is an equilibrium; no LP, no OR-Tools needed.
            long start = System.nanoTime();
            return new MatrixGameSolution(game, method, SolverStatus.OPTIMAL, uniform(game.rows()),
                    uniform(game.cols()), 0, secondsSince(start), List.of());
        }
        if (backend != LpBackend.OJALGO) {
            OrTools.requireNatives(); // once per JVM; its cost is not part of the solve time
        }
        long start = System.nanoTime();
        double[] b = normalisedColumnMajor(game);
        return switch (backend) {
            case GLOP -> solveGlop(game, b, timeLimitSeconds, start);
            case PDLP -> solvePdlp(game, b, timeLimitSeconds, pdlpTolerance, start);
            case OJALGO -> OjAlgoMatrixGameLp.solve(game, b, timeLimitSeconds, start);
        };
    }

    /**
     * (A - min A) / (max A - min A), column-major: b[j * m + i] = B_ij, the coefficients of column
     * j's row. Halving first keeps the differences finite for entries near +-Double.MAX_VALUE.
     */
    private static double[] normalisedColumnMajor(MatrixGame game) {
        int m = game.rows();
        int n = game.cols();
        double lo = 0.5 * game.payoff().min();
        double halfRange = 0.5 * game.payoff().max() - lo;
        double[] a = game.payoff().toRowMajor();
        double[] b = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                b[j * m + i] = Math.min(1.0, Math.max(0.0, (0.5 * a[i * n + j] - lo) / halfRange));
            }
        }
        return b;
    }

    private static MatrixGameSolution solveGlop(MatrixGame game, double[] b, double timeLimitSeconds, long start) {
        int m = game.rows();
        int n = game.cols();
        MPSolver solver = OrTools.glop();
        try {
            double inf = MPSolver.infinity();
            MPVariable[] x = solver.makeNumVarArray(m, 0.0, inf, "x");
            MPVariable v = solver.makeNumVar(-inf, inf, "v");
            MPConstraint[] columns = new MPConstraint[n];
            for (int j = 0; j < n; j++) {
                MPConstraint c = solver.makeConstraint(0.0, inf);
                for (int i = 0; i < m; i++) {
                    double coefficient = b[j * m + i];
                    if (coefficient != 0) {
                        c.setCoefficient(x[i], coefficient);
                    }
                }
                c.setCoefficient(v, -1.0);
                columns[j] = c;
            }
            MPConstraint simplex = solver.makeConstraint(1.0, 1.0);
            for (int i = 0; i < m; i++) {
                simplex.setCoefficient(x[i], 1.0);
            }
            solver.objective().setCoefficient(v, 1.0);
            solver.objective().setMaximization();
            if (Double.isFinite(timeLimitSeconds)) {
                solver.setTimeLimit(toMillis(timeLimitSeconds));
            }

            MPSolver.ResultStatus result = solver.solve();
            SolverStatus status;
            if (result == MPSolver.ResultStatus.OPTIMAL) {
                status = SolverStatus.OPTIMAL;
            } else if (result == MPSolver.ResultStatus.FEASIBLE) {
                // GLOP reports a primal-feasible, unproven point only when stopped early: by the limit.
                status = SolverStatus.TIME_LIMIT;
            } else if (result == MPSolver.ResultStatus.NOT_SOLVED && Double.isFinite(timeLimitSeconds)
                    && secondsSince(start) >= timeLimitSeconds) {
                throw new SaddlepointException("GLOP stopped at the time limit of " + timeLimitSeconds
                        + " s (TIME_LIMIT) before it had a feasible strategy; solver status NOT_SOLVED");
            } else {
                throw new SaddlepointException("GLOP failed on the " + m + " x " + n + " game: solver status "
                        + result);
            }
            double[] rowStrategy = new double[m];
            for (int i = 0; i < m; i++) {
                rowStrategy[i] = x[i].solutionValue();
            }
            double[] colStrategy = new double[n];
            for (int j = 0; j < n; j++) {
                colStrategy[j] = -columns[j].dualValue();
            }
            return certify(game, GLOP_NAME, status, rowStrategy, colStrategy,
                    (int) Math.min(Integer.MAX_VALUE, Math.max(0, solver.iterations())), start);
        } finally {
            solver.delete();
        }
    }

    private static MatrixGameSolution solvePdlp(MatrixGame game, double[] b, double timeLimitSeconds,
                                                double tolerance, long start) {
        int m = game.rows();
        int n = game.cols();
        double inf = Double.POSITIVE_INFINITY;
        MPModelProto.Builder model = MPModelProto.newBuilder().setMaximize(true);
        for (int i = 0; i < m; i++) {
            model.addVariable(MPVariableProto.newBuilder().setLowerBound(0.0).setUpperBound(inf));
        }
        model.addVariable(MPVariableProto.newBuilder().setLowerBound(-inf).setUpperBound(inf)
                .setObjectiveCoefficient(1.0));
        for (int j = 0; j < n; j++) {
            MPConstraintProto.Builder row = MPConstraintProto.newBuilder().setLowerBound(0.0).setUpperBound(inf);
            for (int i = 0; i < m; i++) {
                double coefficient = b[j * m + i];
                if (coefficient != 0) {
                    row.addVarIndex(i).addCoefficient(coefficient);
                }
            }
            model.addConstraint(row.addVarIndex(m).addCoefficient(-1.0));
        }
        MPConstraintProto.Builder simplex = MPConstraintProto.newBuilder().setLowerBound(1.0).setUpperBound(1.0);
        for (int i = 0; i < m; i++) {
            simplex.addVarIndex(i).addCoefficient(1.0);
        }
        model.addConstraint(simplex);

        PrimalDualHybridGradientParams params = PrimalDualHybridGradientParams.newBuilder()
                .setTerminationCriteria(TerminationCriteria.newBuilder().setSimpleOptimalityCriteria(
                        TerminationCriteria.SimpleOptimalityCriteria.newBuilder()
                                .setEpsOptimalRelative(tolerance).setEpsOptimalAbsolute(tolerance)))
                .build();
        MPModelRequest.Builder request = MPModelRequest.newBuilder().setModel(model)
                .setSolverType(MPModelRequest.SolverType.PDLP_LINEAR_PROGRAMMING)
                .setSolverSpecificParameters(TextFormat.printer().printToString(params));
        if (Double.isFinite(timeLimitSeconds)) {
            request.setSolverTimeLimitSeconds(timeLimitSeconds);
        }

        MPSolutionResponse response = MPSolver.solveWithProto(request.build());
        MPSolverResponseStatus result = response.getStatus();
        SolveLog log = parseLog(response);
        TerminationReason reason = log == null ? TerminationReason.TERMINATION_REASON_UNSPECIFIED
                : log.getTerminationReason();
        SolverStatus status;
        if (result == MPSolverResponseStatus.MPSOLVER_SOLVER_TYPE_UNAVAILABLE) {
            throw new SolverUnavailableException("OR-Tools could not create the PDLP linear solver: "
                    + response.getStatusStr());
        } else if (result == MPSolverResponseStatus.MPSOLVER_OPTIMAL) {
            status = SolverStatus.OPTIMAL;
        } else if (reason == TerminationReason.TERMINATION_REASON_TIME_LIMIT) {
            status = SolverStatus.TIME_LIMIT;
        } else {
            throw new SaddlepointException("PDLP failed on the " + m + " x " + n + " game: solver status "
                    + result + ", termination reason " + reason
                    + (response.getStatusStr().isEmpty() ? "" : " (" + response.getStatusStr() + ")"));
        }
        if (response.getVariableValueCount() != m + 1 || response.getDualValueCount() != n + 1) {
            throw new SaddlepointException("PDLP stopped with status " + status + " (solver status " + result
                    + ") without strategies: " + response.getVariableValueCount() + " primal and "
                    + response.getDualValueCount() + " dual values for a model with " + (m + 1)
                    + " variables and " + (n + 1) + " constraints");
        }
        double[] rowStrategy = new double[m];
        for (int i = 0; i < m; i++) {
            rowStrategy[i] = response.getVariableValue(i);
        }
        double[] colStrategy = new double[n];
        for (int j = 0; j < n; j++) {
            colStrategy[j] = -response.getDualValue(j);
        }
        int iterations = log == null ? 0 : Math.max(0, log.getIterationCount());
        return certify(game, PDLP_NAME, status, rowStrategy, colStrategy, iterations, start);
    }

    private static SolveLog parseLog(MPSolutionResponse response) {
        if (!response.hasSolverSpecificInfo()) {
            return null;
        }
        try {
            return SolveLog.parseFrom(response.getSolverSpecificInfo());
        } catch (InvalidProtocolBufferException e) {
            return null;
        }
    }

    /**
     * Clips and renormalises both strategies, then certifies them on the original game. A strategy
     * with no positive mass (PDLP's all-zero starting point, say) is no strategy: the solve fails
     * with a message naming the status.
     */
    static MatrixGameSolution certify(MatrixGame game, String method, SolverStatus status,
                                              double[] rowStrategy, double[] colStrategy, int iterations,
                                              long start) {
        double[] x = ontoSimplex(rowStrategy, method, "row");
        double[] y = ontoSimplex(colStrategy, method, "column");
        if (x == null || y == null) {
            throw new SaddlepointException(method + " stopped with status " + status + " without a usable "
                    + (x == null ? "row" : "column") + " strategy (no positive entry to normalise)");
        }
        return new MatrixGameSolution(game, method, status, x, y, iterations, secondsSince(start), List.of());
    }

    /**
     * Clips negative entries to 0 and rescales to sum 1, in place; null if no positive mass is left.
     * A non-finite entry means the solver's output is unusable.
     */
    private static double[] ontoSimplex(double[] v, String method, String player) {
        double sum = 0;
        for (int k = 0; k < v.length; k++) {
            if (!Double.isFinite(v[k])) {
                throw new SaddlepointException(method + " returned a non-finite " + player + " strategy entry "
                        + v[k] + " at index " + k);
            }
            v[k] = Math.max(0.0, v[k]);
            sum += v[k];
        }
        if (!(sum > 0)) {
            return null;
        }
        for (int k = 0; k < v.length; k++) {
            v[k] /= sum;
        }
        return v;
    }

    private static double[] uniform(int size) {
        double[] u = new double[size];
        Arrays.fill(u, 1.0 / size);
        return u;
    }

    private static long toMillis(double seconds) {
        double ms = Math.ceil(seconds * 1000.0);
        return ms >= Long.MAX_VALUE ? Long.MAX_VALUE : Math.max(1L, (long) ms);
    }

    private static double secondsSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
