package org.saddlepoint.solvers.mip;

import com.google.ortools.linearsolver.MPSolver;

import org.saddlepoint.solvers.OrTools;
import org.saddlepoint.solvers.SolverUnavailableException;

/**
 * The OR-Tools mixed-integer solver behind a MIP: SCIP, CBC, CP-SAT or HiGHS, created through
 * {@link MPSolver#createSolver}. A backend that OR-Tools' build on this machine lacks gives a
 * {@link SolverUnavailableException} naming it.
 */
public enum MipBackend {
    /** SCIP (branch and cut); the default. */
    SCIP("SCIP", ""),
    /** COIN-OR CBC. */
    CBC("CBC", ""),
    /** Google's CP-SAT (integer coefficients are scaled; continuous variables allowed). */
    CP_SAT("CP_SAT", ""),
    /**
     * HiGHS. It writes its banner and model notes to the process's standard output (natively, past
     * {@link MPSolver#suppressOutput}), which would corrupt a command's {@code --json}; its option
     * {@code output_flag=false} silences it (checked in a child JVM by {@code CcgCommandTest}).
     */
    HIGHS("HIGHS", "output_flag=false");

    private final String orToolsId;
    /**
     * Solver-specific parameters that keep the backend silent, empty for none. OR-Tools applies HiGHS's at solve
     * time and returns false when they are set even though they take effect, so that return value is not used.
     */
    private final String quietParameters;

    MipBackend(String orToolsId, String quietParameters) {
        this.orToolsId = orToolsId;
        this.quietParameters = quietParameters;
    }

    /** A new, empty solver of this backend. */
    public MPSolver newSolver() {
        OrTools.requireNatives();
        MPSolver solver = MPSolver.createSolver(orToolsId);
        if (solver == null) {
            throw new SolverUnavailableException("the MIP backend " + name() + " is not available in this OR-Tools build");
        }
        solver.suppressOutput();
        if (!quietParameters.isEmpty()) {
            solver.setSolverSpecificParametersAsString(quietParameters);
        }
        return solver;
    }

    /** A new, empty LP solver (GLOP, Google's simplex, with {@link OrTools#GLOP_PARAMETERS}), for the pure LPs next to the MIPs. */
    public static MPSolver newLpSolver() {
        return OrTools.glop();
    }
}
