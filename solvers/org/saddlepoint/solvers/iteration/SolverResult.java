package org.saddlepoint.solvers.iteration;

import java.util.List;

/**
 * What an iterative method returns: its status, the work done, and the certificate of the
 * point it certifies. Immutable: array accessors return copies.
 */
public final class SolverResult {
    private final String method;
    private final SolverStatus status;
    private final int iterations;
    private final double seconds;
    private final double certificate;
    private final double[] point;
    private final double[] lastIterate;
    private final double[] averageIterate;
    private final List<Checkpoint> history;

    /**
     * @param method         the method's name, as in its paper
     * @param status         why it stopped
     * @param iterations     iterations completed
     * @param seconds        wall-clock seconds of the solve
     * @param certificate    certificate value at {@code point}
     * @param point          the certified point (the better of the last and average iterates)
     * @param lastIterate    the last iterate
     * @param averageIterate the averaged iterate (equal to the last for last-iterate methods)
     * @param history        every checkpoint, in order
     */
    public SolverResult(String method, SolverStatus status, int iterations, double seconds, double certificate,
                        double[] point, double[] lastIterate, double[] averageIterate, List<Checkpoint> history) {
        this.method = method;
        this.status = status;
        this.iterations = iterations;
        this.seconds = seconds;
        this.certificate = certificate;
        this.point = point.clone();
        this.lastIterate = lastIterate.clone();
        this.averageIterate = averageIterate.clone();
        this.history = List.copyOf(history);
    }

    public String method() {
        return method;
    }

    public SolverStatus status() {
        return status;
    }

    public int iterations() {
        return iterations;
    }

    public double seconds() {
        return seconds;
    }

    public double certificate() {
        return certificate;
    }

    public double[] point() {
        return point.clone();
    }

    public double[] lastIterate() {
        return lastIterate.clone();
    }

    public double[] averageIterate() {
        return averageIterate.clone();
    }

    public List<Checkpoint> history() {
        return history;
    }

    @Override
    public String toString() {
        return method + ": " + status + " after " + iterations + " iterations, " + seconds
                + " s, certificate " + certificate;
    }
}
