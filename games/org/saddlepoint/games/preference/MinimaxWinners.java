package org.saddlepoint.games.preference;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;

import org.saddlepoint.solvers.OrTools;
import org.saddlepoint.solvers.SaddlepointException;

/**
 * The set of minimax (von Neumann) winners of a preference matrix, the optimal face
 * <pre>  W = { pi in the simplex : sum_i pi_i A[i][j] &gt;= 0 for every j },  A = (P - P^T) / 2, </pre>
 * with A the skew part, P - 1/2 when P + P^T = 1 (which {@link PreferenceMatrix} checks only to
 * {@link PreferenceMatrix#SYMMETRY_TOLERANCE}): A is exactly skew-symmetric in floating point, so the
 * game's value is exactly 0 and W needs no first LP and no slack. W is described by the range [min pi_y, max pi_y]
 * of every coordinate over W: 2K linear programs on one GLOP model (spec section 0.4.4). The winner
 * is unique when every range is (numerically) a point; only then is a distance to "the" minimax
 * winner, such as the bias of pi*_beta in R9, well defined. Immutable.
 */
public final class MinimaxWinners {
    private final double[] lower;
    private final double[] upper;

    private MinimaxWinners(double[] lower, double[] upper) {
        this.lower = lower;
        this.upper = upper;
    }

    /**
     * Solves the 2K coordinate LPs over the winners of {@code p}.
     *
     * @throws SaddlepointException when GLOP does not prove one of them optimal
     */
    public static MinimaxWinners of(PreferenceMatrix p) {
        int k = p.size();
        MPSolver solver = OrTools.glop();
        try {
            MPVariable[] pi = solver.makeNumVarArray(k, 0.0, 1.0, "pi");
            for (int j = 0; j < k; j++) {
                MPConstraint column = solver.makeConstraint(0.0, MPSolver.infinity());
                for (int i = 0; i < k; i++) {
                    column.setCoefficient(pi[i], 0.5 * (p.get(i, j) - p.get(j, i)));
                }
            }
            MPConstraint simplex = solver.makeConstraint(1.0, 1.0);
            for (int i = 0; i < k; i++) {
                simplex.setCoefficient(pi[i], 1.0);
            }
            double[] lower = new double[k];
            double[] upper = new double[k];
            MPObjective objective = solver.objective();
            for (int y = 0; y < k; y++) {
                objective.setCoefficient(pi[y], 1.0);
                objective.setMinimization();
                lower[y] = solve(solver, pi[y], y);
                objective.setMaximization();
                upper[y] = solve(solver, pi[y], y);
                objective.setCoefficient(pi[y], 0.0);
            }
            return new MinimaxWinners(lower, upper);
        } finally {
            solver.delete();
        }
    }

    private static double solve(MPSolver solver, MPVariable coordinate, int y) {
        MPSolver.ResultStatus status = solver.solve();
        if (status != MPSolver.ResultStatus.OPTIMAL) {
            throw new SaddlepointException("GLOP did not solve the range LP of coordinate " + y
                    + " over the minimax winners: status " + status);
        }
        return coordinate.solutionValue();
    }

    /** min pi_y over the winners, for every y. */
    public double[] lower() {
        return lower.clone();
    }

    /** max pi_y over the winners, for every y. */
    public double[] upper() {
        return upper.clone();
    }

    /** max_y (max pi_y - min pi_y) over the winners: 0 for a unique winner (up to GLOP's feasibility tolerance, 1e-10, over the winner's margins). */
    public double spread() {
        double s = 0;
        for (int y = 0; y < lower.length; y++) {
            s = Math.max(s, upper[y] - lower[y]);
        }
        return s;
    }

    /** Whether the spread is at most {@code tolerance}. */
    public boolean isUnique(double tolerance) {
        return spread() <= tolerance;
    }
}
