package org.saddlepoint.games;

import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

import org.saddlepoint.solvers.SaddlepointException;
import org.saddlepoint.solvers.iteration.SolverStatus;

/**
 * {@link LpBackend#OJALGO}: the matrix-game LP of {@link MatrixGameLp} solved in pure Java by ojAlgo's
 * simplex, for machines where OR-Tools' native libraries are unwanted or cannot load. Each player's LP is
 * solved on its own (row player: max v s.t. B^T x &gt;= v, sum x = 1, x &gt;= 0; column player:
 * min w s.t. B y &lt;= w, sum y = 1, y &gt;= 0), so no dual values are needed; the second solve gets
 * what is left of the time limit.
 */
final class OjAlgoMatrixGameLp {
    static final String NAME = "lp (ojAlgo)";

    static {
        // ojAlgo prints a hardware-profile notice on System.out when its class loads on an unlisted
        // machine, which would corrupt the command line's --json output; this property silences it.
        if (System.getProperty("shut.up.ojAlgo") == null) {
            System.setProperty("shut.up.ojAlgo", "true");
        }
    }

    private OjAlgoMatrixGameLp() {
    }

    /**
     * @param b     the normalised payoff, column-major (b[j * m + i] = B_ij)
     * @param start System.nanoTime() at the start of the solve
     */
    static MatrixGameSolution solve(MatrixGame game, double[] b, double timeLimitSeconds, long start) {
        int m = game.rows();
        int n = game.cols();
        Optimisation.Result rows = solvePlayer(b, m, n, true, timeLimitSeconds, start);
        Optimisation.Result cols = solvePlayer(b, m, n, false, timeLimitSeconds, start);
        SolverStatus status = rows.getState().isOptimal() && cols.getState().isOptimal()
                ? SolverStatus.OPTIMAL : SolverStatus.TIME_LIMIT;
        return MatrixGameLp.certify(game, NAME, status, values(rows, m), values(cols, n), 0, start);
    }

    /**
     * One player's LP over {@code size} strategy variables (indices 0..size-1) and the value variable
     * (index size): the row player's when {@code row}, else the column player's.
     */
    private static Optimisation.Result solvePlayer(double[] b, int m, int n, boolean row, double timeLimitSeconds,
                                                   long start) {
        int size = row ? m : n;
        int others = row ? n : m;
        ExpressionsBasedModel model = new ExpressionsBasedModel();
        Variable[] p = new Variable[size];
        Expression simplex = model.addExpression("simplex").level(1);
        for (int k = 0; k < size; k++) {
            p[k] = model.addVariable("p" + k).lower(0);
            simplex.set(p[k], 1);
        }
        Variable value = model.addVariable("value").weight(1);
        for (int l = 0; l < others; l++) {
            Expression payoff = model.addExpression("payoff" + l);
            payoff = row ? payoff.lower(0) : payoff.upper(0);
            for (int k = 0; k < size; k++) {
                double coefficient = row ? b[l * m + k] : b[k * m + l];
                if (coefficient != 0) {
                    payoff.set(p[k], coefficient);
                }
            }
            payoff.set(value, -1);
        }
        if (Double.isFinite(timeLimitSeconds)) {
            double left = timeLimitSeconds - (System.nanoTime() - start) * 1e-9;
            model.options.time_abort = Math.max(1L, (long) Math.ceil(left * 1000));
        }
        Optimisation.Result result = row ? model.maximise() : model.minimise();
        Optimisation.State state = result.getState();
        if (!state.isOptimal() && !state.isFeasible()) {
            boolean late = (System.nanoTime() - start) * 1e-9 >= timeLimitSeconds;
            throw new SaddlepointException("ojAlgo's simplex " + (late ? "stopped at the time limit of "
                    + timeLimitSeconds + " s (TIME_LIMIT) before it had a feasible strategy" : "failed")
                    + " on the " + m + " x " + n + " game (" + (row ? "row" : "column") + " player's LP): state "
                    + state);
        }
        return result;
    }

    private static double[] values(Optimisation.Result result, int size) {
        double[] v = new double[size];
        for (int k = 0; k < size; k++) {
            v[k] = result.doubleValue(k);
        }
        return v;
    }
}
