package org.saddlepoint.solvers.firstorder;

import org.saddlepoint.solvers.iteration.IterationListener;
import org.saddlepoint.solvers.iteration.SolverResult;
import org.saddlepoint.solvers.iteration.StoppingRule;
import org.saddlepoint.solvers.operators.VariationalInequality;

/** A first-order method for a monotone variational inequality, certified by the problem's certificate. */
public interface VariationalInequalitySolver {
    /** The method's name, as in its paper. */
    String name();

    /**
     * Runs the method from {@code start} (projected onto the domain first) until {@code rule}
     * stops it.
     */
    SolverResult solve(VariationalInequality problem, double[] start, StoppingRule rule, IterationListener listener);

    /** Runs from the centre of the domain. */
    default SolverResult solve(VariationalInequality problem, StoppingRule rule) {
        return solve(problem, problem.domain().center(), rule, IterationListener.NONE);
    }
}
