package org.saddlepoint.solvers.mip;

import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPSolverParameters;

import org.saddlepoint.solvers.SaddlepointException;

/** Solving an OR-Tools model to proven optimality within a deadline, with one failure type. */
public final class MipSolve {
    /** The relative MIP gap asked of the solver: 1e-9, in place of OR-Tools' default 1e-4, for exact answers. */
    public static final double RELATIVE_GAP = 1e-9;

    private MipSolve() {
    }

    /**
     * Solves {@code solver} with at most {@code seconds} of wall clock (infinite for none).
     *
     * @return true when the solve proved optimality, false when the time limit stopped it first
     * @throws SaddlepointException when the model is infeasible or unbounded, or the solver stops
     *                              without an answer before the time limit
     */
    public static boolean optimal(MPSolver solver, double seconds, String what) {
        return optimal(solver, seconds, what, RELATIVE_GAP);
    }

    /**
     * As {@link #optimal(MPSolver, double, String)}, with the solver's relative MIP gap {@code relativeGap}
     * (optimal then means: within that gap).
     */
    public static boolean optimal(MPSolver solver, double seconds, String what, double relativeGap) {
        return withinTime(solver, seconds, what, relativeGap) == MPSolver.ResultStatus.OPTIMAL;
    }

    /**
     * Solves {@code solver} to relative MIP gap {@code relativeGap} with at most {@code seconds} of wall clock.
     *
     * @return OPTIMAL (within the gap); FEASIBLE when the time limit stopped the solver with an incumbent,
     *         whose values the variables then hold; NOT_SOLVED when it stopped without one
     * @throws SaddlepointException as {@link #optimal(MPSolver, double, String)}
     */
    public static MPSolver.ResultStatus withinTime(MPSolver solver, double seconds, String what, double relativeGap) {
        boolean limited = Double.isFinite(seconds);
        if (limited) {
            solver.setTimeLimit(Math.max(1L, (long) Math.ceil(seconds * 1000)));
        }
        long start = System.nanoTime();
        MPSolver.ResultStatus status;
        try {
            status = solve(solver, what, relativeGap);
        } catch (SaddlepointException e) {
            if (timedOut(limited, start, seconds)) {
                // HiGHS stopped by the time limit answers a status OR-Tools' Java enum lacks (99)
                return MPSolver.ResultStatus.NOT_SOLVED;
            }
            throw e;
        }
        if (status == MPSolver.ResultStatus.OPTIMAL) {
            return status;
        }
        if (timedOut(limited, start, seconds)
                && (status == MPSolver.ResultStatus.FEASIBLE || status == MPSolver.ResultStatus.NOT_SOLVED)) {
            return status;
        }
        throw new SaddlepointException(what + ": the solver " + solver.solverVersion() + " returned " + status);
    }

    private static boolean timedOut(boolean limited, long start, double seconds) {
        return limited && (System.nanoTime() - start) * 1e-9 >= 0.99 * seconds;
    }

    private static MPSolver.ResultStatus solve(MPSolver solver, String what, double relativeGap) {
        try {
            if (!solver.isMip()) {
                return solver.solve();
            }
            MPSolverParameters parameters = new MPSolverParameters();
            parameters.setDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, relativeGap);
            MPSolver.ResultStatus status = solver.solve(parameters);
            parameters.delete();
            return status;
        } catch (IllegalArgumentException e) {
            throw new SaddlepointException(what + ": the solver " + solver.solverVersion()
                    + " returned a status OR-Tools does not know (" + e.getMessage() + ")", e);
        }
    }
}
