package org.saddlepoint.robust.twostage;

import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;

import org.saddlepoint.solvers.mip.MipBackend;

/**
 * A two-stage robust binary problem (Zeng and Zhao 2013; Dumouchelle et al., "Neur2RO", ICLR 2024,
 * section 2), always a minimisation:
 * <pre>
 *   min_{x in X}  c^T x + max_{xi in U} Q(x, xi),      Q(x, xi) = min_{y in Y(x, xi)} d(xi)^T y,
 * </pre>
 * with binary first stage x of length {@link #size()}, uncertainty set U and binary recourse y. This
 * interface gives what column-and-constraint generation needs: the first-stage part of the master
 * problem, one recourse copy per scenario, the recourse value Q(x, xi) and the exact adversarial
 * problem max_{xi in U} Q(x, xi). Implementations are immutable.
 */
public interface TwoStageRobustProblem {
    /** The instance's name (its file name, or how it was generated). */
    String name();

    /** n, the number of first-stage binaries. */
    int size();

    /** c, the first-stage cost vector (a copy). */
    double[] firstStageCosts();

    /** c^T x, the first-stage cost of the binary decision x. */
    default double firstStageCost(boolean[] x) {
        double[] c = firstStageCosts();
        double sum = 0;
        for (int i = 0; i < c.length; i++) {
            sum += x[i] ? c[i] : 0;
        }
        return sum;
    }

    /** Whether x lies in X (for capital budgeting: robust feasibility). */
    boolean feasible(boolean[] x);

    /** Adds the constraints x in X on the binaries {@code x} of a master problem (none by default). */
    default void addFirstStageConstraints(MPSolver master, MPVariable[] x) {
    }

    /**
     * Adds a fresh copy y^j of the recourse for the scenario {@code xi}: y^j in Y(x, xi) and
     * theta &gt;= d(xi)^T y^j (Zeng and Zhao's column and constraint). {@code tag} names the copy.
     */
    void addScenario(MPSolver master, MPVariable[] x, MPVariable theta, double[] xi, String tag);

    /** A finite lower bound on max_xi Q(x, xi) over every x in X, to bound theta in the first master. */
    double recourseLowerBound();

    /**
     * The MIP backend that solves this problem's master and adversarial problems fastest and exactly,
     * as measured on the benchmarks (used when {@link CcgOptions#backend()} is null).
     */
    MipBackend defaultBackend();

    /** The scenario the first master problem starts from. */
    double[] initialScenario();

    /** Q(x, xi), exactly; +infinity when Y(x, xi) is empty. */
    double recourse(boolean[] x, double[] xi);

    /**
     * The exact adversarial problem max_{xi in U} Q(x, xi) for a feasible x, with a maximiser
     * (never by vertex enumeration: the maximum may lie inside U).
     *
     * @param seconds wall-clock budget; on running out the result is marked inexact
     */
    WorstCase worstCase(boolean[] x, MipBackend backend, double seconds);
}
