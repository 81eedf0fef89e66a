package org.saddlepoint.solvers.firstorder;

import java.util.function.Function;

import org.saddlepoint.solvers.iteration.IterationListener;
import org.saddlepoint.solvers.iteration.IterationMonitor;
import org.saddlepoint.solvers.iteration.SolverResult;
import org.saddlepoint.solvers.iteration.SolverStatus;
import org.saddlepoint.solvers.iteration.StoppingRule;
import org.saddlepoint.solvers.linalg.Vectors;
import org.saddlepoint.solvers.operators.VariationalInequality;

/**
 * Halpern iteration (Halpern 1967) on a nonexpansive map T, anchored at z:
 * <pre>
 *   u_{k+1} = lambda_k z + (1 - lambda_k) T(u_k),   lambda_k = 1/(k+2)
 * </pre>
 * which gives ||u_k - T u_k|| &lt;= 2 ||z - u*|| / (k+1), tight (Lieder, Optim. Lett. 2021;
 * Diakonikolas, COLT 2020, eq. 3). With restarts enabled, a stage ends as soon as the
 * fixed-point residual ||u - T u|| is at most half its value at the stage's anchor; the anchor
 * moves to the current point and k restarts at 0. Under sharpness (a matrix game is sharp by
 * Hoffman's bound) this converges linearly (Diakonikolas 2020, Section 4; spec
 * monotone-operators 6.3). The certificate is the problem's, at the last iterate.
 */
public final class HalpernIteration implements VariationalInequalitySolver {
    private final Function<VariationalInequality, FixedPointMap> mapFactory;
    private final boolean restart;

    /**
     * @param mapFactory builds the nonexpansive map for a problem (for example a
     *                   {@link ForwardBackwardMap} for a cocoercive operator)
     * @param restart    whether to restart on halving of the fixed-point residual
     */
    public HalpernIteration(Function<VariationalInequality, FixedPointMap> mapFactory, boolean restart) {
        this.mapFactory = mapFactory;
        this.restart = restart;
    }

    @Override
    public String name() {
        return restart ? "restarted Halpern iteration" : "Halpern iteration";
    }

    @Override
    public SolverResult solve(VariationalInequality problem, double[] start, StoppingRule rule,
                              IterationListener listener) {
        FixedPointMap t = mapFactory.apply(problem);
        int d = problem.dimension();
        double[] u = Start.project(problem, start);
        double[] anchor = u.clone();
        double[] tu = new double[d];
        IterationMonitor monitor = new IterationMonitor(rule, listener);
        SolverStatus status = monitor.start(problem.certificate().evaluate(u));
        t.apply(u, tu);
        double stageResidual = Vectors.distance(u, tu);
        int k = 0;
        int stageStep = 0;
        while (status == null) {
            double lambda = 1.0 / (stageStep + 2);
            for (int i = 0; i < d; i++) {
                u[i] = lambda * anchor[i] + (1 - lambda) * tu[i];
            }
            t.apply(u, tu);
            k++;
            stageStep++;
            if (restart && Vectors.distance(u, tu) <= 0.5 * stageResidual) {
                System.arraycopy(u, 0, anchor, 0, d);
                stageResidual = Vectors.distance(u, tu);
                stageStep = 0;
            }
            status = monitor.advance(k, () -> problem.certificate().evaluate(u));
        }
        return new SolverResult(name() + " (" + t.name() + ")", status, k, monitor.elapsedSeconds(),
                monitor.lastCertificate(), u, u, u, monitor.history());
    }
}
