package org.saddlepoint.solvers;

import com.google.ortools.Loader;

/**
 * Loads the OR-Tools native libraries once per JVM, for any module that builds an OR-Tools model
 * (linear solver, CP-SAT), and turns a failure into a {@link SolverUnavailableException}.
 */
public final class OrToolsNatives {
    private static final Throwable FAILURE = load();

    private OrToolsNatives() {
    }

    private static Throwable load() {
        try {
            Loader.loadNativeLibraries();
            return null;
        } catch (RuntimeException | LinkageError e) {
            return e;
        }
    }

    /** Throws a {@link SolverUnavailableException} when the natives could not be loaded. */
    public static void require() {
        if (FAILURE != null) {
            throw new SolverUnavailableException("OR-Tools native libraries could not be loaded: " + FAILURE,
                    FAILURE);
        }
    }
}
