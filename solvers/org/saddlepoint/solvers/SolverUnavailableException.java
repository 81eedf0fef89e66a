package org.saddlepoint.solvers;

/** A requested backend (an LP/MIP solver, a native library) is not present on this machine. */
public class SolverUnavailableException extends SaddlepointException {
    private static final long serialVersionUID = 1L;

    public SolverUnavailableException(String message) {
        super(message);
    }

    public SolverUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
