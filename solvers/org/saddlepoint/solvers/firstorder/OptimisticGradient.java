package org.saddlepoint.solvers.firstorder;

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
 * Optimistic gradient in Popov's form ("past extragradient", Popov 1980), and with the entropic
 * geometry optimistic mirror descent / optimistic multiplicative weights (Rakhlin and Sridharan,
 * NeurIPS 2013; Daskalakis and Panageas, ITCS 2019):
 * <pre>
 *   u_{k+1/2} = P_{u_k}(eta F(u_{k-1/2})),   u_{k+1} = P_{u_k}(eta F(u_{k+1/2}))
 * </pre>
 * One operator evaluation per iteration; the previous one stands in for the extrapolation.
 * Ergodic gap O(max D(u, u_0) / (eta k)) for eta &lt;= 1/(2L).
 */
public final class OptimisticGradient implements VariationalInequalitySolver {
    private final Geometry geometry;
    private final double eta;

    public OptimisticGradient(Geometry geometry, double eta) {
        this.geometry = geometry;
        this.eta = StepSize.of(eta);
    }

    @Override
    public String name() {
        return geometry == Geometry.EUCLIDEAN ? "optimistic gradient (Popov)" : "optimistic multiplicative weights";
    }

    @Override
    public SolverResult solve(VariationalInequality problem, double[] start, StoppingRule rule,
                              IterationListener listener) {
        geometry.requireCompatible(problem.domain());
        MonotoneOperator f = problem.operator();
        int d = problem.dimension();
        double[] u = geometry.interiorStart(problem.domain(), Start.project(problem, start));
        double[] half = u.clone();
        double[] avg = u.clone();
        double[] g = new double[d];
        f.apply(u, g);
        IterateCertifier certifier = new IterateCertifier(problem.certificate());
        IterationMonitor monitor = new IterationMonitor(rule, listener);
        SolverStatus status = monitor.start(problem.certificate().evaluate(u));
        int k = 0;
        while (status == null) {
            geometry.step(problem.domain(), u, g, eta, half);
            f.apply(half, g);
            geometry.step(problem.domain(), u, g, eta, u);
            k++;
            Vectors.accumulateAverage(avg, half, 1.0 / k);
            status = monitor.advance(k, () -> certifier.certify(half, avg));
        }
        double[] point = k == 0 ? u : certifier.point(half, avg);
        return new SolverResult(name(), status, k, monitor.elapsedSeconds(), monitor.lastCertificate(),
                point, half, avg, monitor.history());
    }
}
