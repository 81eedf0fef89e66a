package org.saddlepoint.solvers;

import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPSolver;

/**
 * OR-Tools' native libraries, loaded once per JVM (on first use of this class; class initialisation is
 * thread-safe), and its GLOP simplex solver with the project's tolerances.
 */
public final class OrTools {
    /**
     * GLOP's primal and dual feasibility tolerances, tightened from their default 1e-8 to 1e-10: on
     * the normalised LP of a matrix game they bound the relative duality gap of a basic solution, and
     * at 1e-8 a game whose payoffs span nine decades (a reduced cost of 6e-9 of the range) was left
     * 6e-9 from optimal.
     */
    public static final String GLOP_PARAMETERS =
            "primal_feasibility_tolerance: 1e-10 dual_feasibility_tolerance: 1e-10";

    private static final Throwable LOAD_FAILURE = load();

    private OrTools() {
    }

    private static Throwable load() {
        try {
            Loader.loadNativeLibraries();
            return null;
        } catch (RuntimeException | LinkageError e) {
            return e;
        }
    }

    /**
     * Loads the native libraries (once per JVM).
     *
     * @throws SolverUnavailableException when they cannot be loaded on this machine
     */
    public static void requireNatives() {
        if (LOAD_FAILURE != null) {
            throw new SolverUnavailableException("OR-Tools native libraries could not be loaded: " + LOAD_FAILURE,
                    LOAD_FAILURE);
        }
    }

    /**
     * A new GLOP solver with {@link #GLOP_PARAMETERS}.
     *
     * @throws SolverUnavailableException when OR-Tools cannot be loaded or cannot create GLOP
     */
    public static MPSolver glop() {
        requireNatives();
        MPSolver solver = MPSolver.createSolver("GLOP");
        if (solver == null) {
            throw new SolverUnavailableException("OR-Tools could not create the GLOP linear solver");
        }
        if (!solver.setSolverSpecificParametersAsString(GLOP_PARAMETERS)) {
            solver.delete();
            throw new SaddlepointException("GLOP rejected the parameters '" + GLOP_PARAMETERS + "'");
        }
        return solver;
    }
}
