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
 * Extragradient (Korpelevich 1976) and, in a non-Euclidean geometry, mirror-prox (Nemirovski,
 * SIAM J. Optim. 2004, Algorithm 2.1):
 * <pre>
 *   u_{k+1/2} = P_{u_k}(eta F(u_k)),   u_{k+1} = P_{u_k}(eta F(u_{k+1/2}))
 * </pre>
 * with P the prox-mapping of the {@link Geometry}. Two operator evaluations per iteration.
 * The ergodic average of the u_{k+1/2} has gap at most max D(u, u_0) / (eta k) for
 * eta &lt;= 1/L (Nemirovski 2004, Theorem 3.1), L the Lipschitz constant of F in the geometry's
 * norm: the spectral norm for a bilinear coupling under {@link Geometry#EUCLIDEAN}, the
 * largest absolute entry under {@link Geometry#ENTROPIC}.
 */
public final class Extragradient implements VariationalInequalitySolver {
    private final Geometry geometry;
    private final double eta;

    public Extragradient(Geometry geometry, double eta) {
        this.geometry = geometry;
        this.eta = StepSize.of(eta);
    }

    @Override
    public String name() {
        return geometry == Geometry.EUCLIDEAN ? "extragradient" : "mirror-prox (entropic)";
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
        IterateCertifier certifier = new IterateCertifier(problem.certificate());
        IterationMonitor monitor = new IterationMonitor(rule, listener);
        SolverStatus status = monitor.start(problem.certificate().evaluate(u));
        int k = 0;
        while (status == null) {
            f.apply(u, g);
            geometry.step(problem.domain(), u, g, eta, half);
            f.apply(half, g);
            geometry.step(problem.domain(), u, g, eta, u);
            k++;
            Vectors.accumulateAverage(avg, half, 1.0 / k);
            status = monitor.advance(k, () -> certifier.certify(u, avg));
        }
        double[] point = k == 0 ? u : certifier.point(u, avg);
        return new SolverResult(name(), status, k, monitor.elapsedSeconds(), monitor.lastCertificate(),
                point, u, avg, monitor.history());
    }
}
