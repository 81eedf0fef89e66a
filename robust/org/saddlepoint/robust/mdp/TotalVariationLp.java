package org.saddlepoint.robust.mdp;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;

import org.saddlepoint.solvers.OrTools;
import org.saddlepoint.solvers.SaddlepointException;

/**
 * The TV worst case as a linear program (spec 7.2), solved by OR-Tools GLOP: variables mu, t in R^S,
 * <pre>
 *   minimize sum_s mu_s V_s  s.t.  mu &gt;= 0, sum_s mu_s = 1, t &gt;= mu - m, t &gt;= m - mu, sum_s t_s &lt;= 2 rho.
 * </pre>
 * An independent reference for {@link TotalVariationWorstCase}; GLOP's tolerances are tightened to 1e-10
 * ({@link OrTools#glop()}).
 */
final class TotalVariationLp {
    private TotalVariationLp() {
    }

    static double infimum(double[] m, double[] v, double rho) {
        MPSolver solver = OrTools.glop();
        try {
            int n = m.length;
            double inf = MPSolver.infinity();
            MPVariable[] mu = solver.makeNumVarArray(n, 0.0, inf, "mu");
            MPVariable[] t = solver.makeNumVarArray(n, 0.0, inf, "t");
            MPConstraint mass = solver.makeConstraint(1.0, 1.0);
            MPConstraint budget = solver.makeConstraint(-inf, 2 * rho);
            for (int s = 0; s < n; s++) {
                mass.setCoefficient(mu[s], 1.0);
                budget.setCoefficient(t[s], 1.0);
                MPConstraint above = solver.makeConstraint(-m[s], inf); // t - mu >= -m
                above.setCoefficient(t[s], 1.0);
                above.setCoefficient(mu[s], -1.0);
                MPConstraint below = solver.makeConstraint(m[s], inf); // t + mu >= m
                below.setCoefficient(t[s], 1.0);
                below.setCoefficient(mu[s], 1.0);
                solver.objective().setCoefficient(mu[s], v[s]);
            }
            solver.objective().setMinimization();
            MPSolver.ResultStatus status = solver.solve();
            if (status != MPSolver.ResultStatus.OPTIMAL) {
                throw new SaddlepointException("GLOP failed on the TV worst case: solver status " + status);
            }
            return solver.objective().value();
        } finally {
            solver.delete();
        }
    }
}
