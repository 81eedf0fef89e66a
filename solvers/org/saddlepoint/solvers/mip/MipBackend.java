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
    SCIP("SCIP"),
    /** COIN-OR CBC. */
    CBC("CBC"),
    /** Google's CP-SAT (integer coefficients are scaled; continuous variables allowed). */
    CP_SAT("CP_SAT"),
    /** HiGHS. */
    HIGHS("HIGHS");

    /**
     * HiGHS writes its banner and model notes to the process's standard output (natively, past
     * {@link MPSolver#suppressOutput}), which would corrupt a command's {@code --json}; its own option
     * silences it. OR-Tools applies the string at solve time and returns false here even though it takes
     * effect (checked by MipBackendTest), so the return value is not used.
     */
    private static final String HIGHS_QUIET = "output_flag=false";

    private final String orToolsId;

    MipBackend(String orToolsId) {
        this.orToolsId = orToolsId;
    }

    /** A new, empty solver of this backend. */
    public MPSolver newSolver() {
        return create(orToolsId, name());
    }

    /** A new, empty LP solver (GLOP, Google's simplex, with {@link OrTools#GLOP_PARAMETERS}), for the pure LPs next to the MIPs. */
    public static MPSolver newLpSolver() {
        return OrTools.glop();
    }

    private static MPSolver create(String id, String name) {
        OrTools.requireNatives();
        MPSolver solver = MPSolver.createSolver(id);
        if (solver == null) {
            throw new SolverUnavailableException("the MIP backend " + name + " is not available in this OR-Tools build");
        }
        solver.suppressOutput();
        if ("HIGHS".equals(id)) {
            solver.setSolverSpecificParametersAsString(HIGHS_QUIET);
        }
        return solver;
    }
}
