package org.saddlepoint.solvers.iteration;

/**
 * Receives every certificate evaluation of an iterative method, on the solving thread: for
 * progress output and plots. Keep it cheap; it must not modify the solver's arrays.
 */
@FunctionalInterface
public interface IterationListener {
    /** A listener that ignores everything. */
    IterationListener NONE = checkpoint -> { };

    void checkpoint(Checkpoint checkpoint);
}
