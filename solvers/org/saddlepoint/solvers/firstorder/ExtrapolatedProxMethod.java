package org.saddlepoint.solvers.firstorder;

import org.saddlepoint.solvers.Checks;
import org.saddlepoint.solvers.iteration.IterationListener;
import org.saddlepoint.solvers.iteration.IterationMonitor;
import org.saddlepoint.solvers.iteration.SolverResult;
import org.saddlepoint.solvers.iteration.SolverStatus;
import org.saddlepoint.solvers.iteration.StoppingRule;
import org.saddlepoint.solvers.linalg.Vectors;
import org.saddlepoint.solvers.operators.Geometry;
import org.saddlepoint.solvers.operators.MonotoneOperator;
import org.saddlepoint.solvers.operators.VariationalInequality;

/**
 * The loop shared by extragradient and optimistic gradient: an extrapolation
 * u_{k+1/2} = P_{u_k}(eta g_k) and an update u_{k+1} = P_{u_k}(eta F(u_{k+1/2})), where g_k is
 * F(u_k) (extragradient) or the previous F(u_{k-1/2}) (optimistic). The ergodic average of
 * the u_{k+1/2} carries the guarantees; the better of it and the last iterate (u_{k+1} for
 * extragradient, u_{k+1/2} for optimistic gradient, the points each method's last-iterate
 * analysis follows) is certified.
 */
public abstract sealed class ExtrapolatedProxMethod implements VariationalInequalitySolver
        permits Extragradient, OptimisticGradient {
    private final Geometry geometry;
    private final double eta;

    ExtrapolatedProxMethod(Geometry geometry, double eta) {
        this.geometry = geometry;
        this.eta = Checks.positive("step size", eta);
    }

    Geometry geometry() {
        return geometry;
    }

    /** True when g_k is recomputed as F(u_k) each iteration (extragradient). */
    abstract boolean extrapolatesFromCurrentPoint();

    @Override
    public SolverResult solve(VariationalInequality problem, double[] start, StoppingRule rule,
                              IterationListener listener) {
        geometry.requireCompatible(problem.domain());
        MonotoneOperator f = problem.operator();
        double[] u = geometry.interiorStart(problem.domain(), Start.project(problem, start));
        double[] half = u.clone();
        double[] avg = u.clone();
        double[] g = new double[problem.dimension()];
        f.apply(u, g);
        double[] last = extrapolatesFromCurrentPoint() ? u : half;
        IterateCertifier certifier = new IterateCertifier(problem.certificate());
        IterationMonitor monitor = new IterationMonitor(rule, listener);
        SolverStatus status = monitor.start(problem.certificate().evaluate(u));
        int k = 0;
        while (status == null) {
            if (k > 0 && extrapolatesFromCurrentPoint()) {
                f.apply(u, g);
            }
            geometry.step(problem.domain(), u, g, eta, half);
            f.apply(half, g);
            geometry.step(problem.domain(), u, g, eta, u);
            k++;
            Vectors.accumulateAverage(avg, half, 1.0 / k);
            status = monitor.advance(k, () -> certifier.certify(last, avg));
        }
        double[] point = k == 0 ? u : certifier.point(last, avg);
        return new SolverResult(name(), status, k, monitor.elapsedSeconds(), monitor.lastCertificate(),
                point, last, avg, monitor.history());
    }
}
