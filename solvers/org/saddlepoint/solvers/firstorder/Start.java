package org.saddlepoint.solvers.firstorder;

import org.saddlepoint.solvers.Checks;
import org.saddlepoint.solvers.operators.VariationalInequality;

/** Validates and projects a starting point. */
final class Start {
    private Start() {
    }

    static double[] project(VariationalInequality problem, double[] start) {
        Checks.length("start", start, problem.dimension());
        double[] u = Checks.finite("start", start).clone();
        problem.domain().project(u);
        return u;
    }
}
