package org.saddlepoint.solvers.finitesum;

import java.util.List;

import org.saddlepoint.solvers.iteration.Checkpoint;
import org.saddlepoint.solvers.iteration.SolverResult;
import org.saddlepoint.solvers.iteration.SolverStatus;

/**
 * What a finite-sum run returns: the {@link SolverResult} (status, iterations, seconds, the
 * certified last iterate and its certificate, the checkpoint history) with the work in the
 * paper's units: oracle calls, epochs = calls / n in total and at each checkpoint. Immutable.
 */
public final class FiniteSumResult {
    private final SolverResult result;
    private final String certificateName;
    private final long oracleCalls;
    private final int components;
    private final double[] checkpointEpochs;

    FiniteSumResult(SolverResult result, String certificateName, long oracleCalls, int components,
                    double[] checkpointEpochs) {
        this.result = result;
        this.certificateName = certificateName;
        this.oracleCalls = oracleCalls;
        this.components = components;
        this.checkpointEpochs = checkpointEpochs.clone();
    }

    /** The generic result: status, iterations, seconds, point, certificate, history. */
    public SolverResult result() {
        return result;
    }

    public String method() {
        return result.method();
    }

    public SolverStatus status() {
        return result.status();
    }

    public int iterations() {
        return result.iterations();
    }

    public double seconds() {
        return result.seconds();
    }

    /** The certificate at {@link #point()}, the last iterate. */
    public double certificate() {
        return result.certificate();
    }

    public String certificateName() {
        return certificateName;
    }

    public double[] point() {
        return result.point();
    }

    public long oracleCalls() {
        return oracleCalls;
    }

    /** Oracle calls / n. */
    public double epochs() {
        return (double) oracleCalls / components;
    }

    /** Every checkpoint (iteration, seconds, certificate), in order. */
    public List<Checkpoint> history() {
        return result.history();
    }

    /** The epochs spent at each checkpoint of {@link #history()}. */
    public double[] checkpointEpochs() {
        return checkpointEpochs.clone();
    }

    /** The certificate of the first checkpoint (the start). */
    public double initialCertificate() {
        return history().get(0).certificate();
    }

    /** The epochs of the first checkpoint whose certificate is at most {@code level}; NaN if none. */
    public double epochsToReach(double level) {
        List<Checkpoint> h = history();
        for (int k = 0; k < h.size(); k++) {
            if (h.get(k).certificate() <= level) {
                return checkpointEpochs[k];
            }
        }
        return Double.NaN;
    }

    /** The smallest certificate over all checkpoints (the running minimum at the end). */
    public double minCertificate() {
        double m = Double.POSITIVE_INFINITY;
        for (Checkpoint c : history()) {
            m = Math.min(m, c.certificate());
        }
        return m;
    }

    @Override
    public String toString() {
        return result + ", " + epochs() + " epochs";
    }
}
