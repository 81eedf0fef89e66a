package org.saddlepoint.robust.twostage;

import org.saddlepoint.solvers.Checks;
import org.saddlepoint.solvers.InvalidInputException;
import org.saddlepoint.solvers.iteration.IterationListener;
import org.saddlepoint.solvers.mip.MipBackend;

/**
 * Settings of {@link ColumnAndConstraintGeneration}: stop when (UB - LB) / max(1, |UB|) &lt;= tolerance,
 * after {@code maxIterations} iterations or {@code timeLimitSeconds}; the MIP backend; a listener
 * for progress. Immutable; {@code with...} return modified copies.
 *
 * @param relativeTolerance the relative bound gap at which the run has converged, &gt;= 0
 * @param maxIterations     the iteration cap, &gt; 0
 * @param timeLimitSeconds  the wall-clock limit, &gt; 0 (infinite for none)
 * @param backend           the MIP solver of the master and adversarial problems; null for the
 *                          problem's {@link TwoStageRobustProblem#defaultBackend()}
 * @param listener          receives the relative gap after every iteration
 */
public record CcgOptions(double relativeTolerance, int maxIterations, double timeLimitSeconds, MipBackend backend,
                         IterationListener listener) {
    /** Relative tolerance 1e-6, 1,000 iterations, no time limit, the problem's default backend, no listener. */
    public static final CcgOptions DEFAULT = new CcgOptions(1e-6, 1000, Double.POSITIVE_INFINITY, null,
            IterationListener.NONE);

    public CcgOptions {
        Checks.nonNegative("relative tolerance", relativeTolerance);
        Checks.positive("maxIterations", maxIterations);
        if (!(timeLimitSeconds > 0)) {
            throw new InvalidInputException("time limit must be > 0 seconds, got " + timeLimitSeconds);
        }
        listener = listener == null ? IterationListener.NONE : listener;
    }

    public CcgOptions withRelativeTolerance(double value) {
        return new CcgOptions(value, maxIterations, timeLimitSeconds, backend, listener);
    }

    public CcgOptions withMaxIterations(int value) {
        return new CcgOptions(relativeTolerance, value, timeLimitSeconds, backend, listener);
    }

    public CcgOptions withTimeLimit(double seconds) {
        return new CcgOptions(relativeTolerance, maxIterations, seconds, backend, listener);
    }

    /** The backend for {@code problem}: {@link #backend()}, or the problem's default when that is null. */
    public MipBackend backendFor(TwoStageRobustProblem problem) {
        return backend != null ? backend : problem.defaultBackend();
    }

    public CcgOptions withBackend(MipBackend value) {
        return new CcgOptions(relativeTolerance, maxIterations, timeLimitSeconds, value, listener);
    }

    public CcgOptions withListener(IterationListener value) {
        return new CcgOptions(relativeTolerance, maxIterations, timeLimitSeconds, backend, value);
    }
}
