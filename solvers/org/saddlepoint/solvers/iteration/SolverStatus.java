package org.saddlepoint.solvers.iteration;

/** Why an iterative method stopped. */
public enum SolverStatus {
    /** The certificate reached the requested tolerance. */
    CONVERGED,
    /** The iteration cap was reached first. */
    MAX_ITERATIONS,
    /** The wall-clock limit was reached first. */
    TIME_LIMIT,
    /** The calling thread was interrupted; its interrupt flag is left set. */
    INTERRUPTED,
    /** The certificate became NaN or infinite: the step size is too large for the problem. */
    DIVERGED,
    /**
     * The certificate stopped reaching new minima ({@link StoppingRule#withStallCheckpoints}): the
     * method cannot reach the tolerance, for example at the rounding floor of float iterations.
     */
    STALLED,
    /** A direct (non-iterative) method, such as an LP, proved optimality. */
    OPTIMAL
}
