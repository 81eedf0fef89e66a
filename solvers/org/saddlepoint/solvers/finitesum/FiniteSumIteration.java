package org.saddlepoint.solvers.finitesum;

/**
 * One run of a finite-sum method from its anchor (or one stage of a restarted run): the state
 * between iterations. The driver, {@link FiniteSumSolver}, calls {@link #step} until its budget,
 * tolerance or time limit stops it, and certifies {@link #point} at checkpoints.
 */
public interface FiniteSumIteration {
    /** One iteration; charges its oracle calls. */
    void step();

    /** The iterate to certify (the last iterate); a live array the caller must not modify. */
    double[] point();

    /** Told the certificate at {@link #point} at every checkpoint (restart triggers use it). */
    default void checkpoint(double certificate) {
    }
}
