package org.saddlepoint.robust.mdp;

import org.saddlepoint.solvers.Checks;
import org.saddlepoint.solvers.InvalidInputException;

/**
 * The exact inner problem of a TV-robust Bellman update, inf { E_mu[V] : TV(mu, m) &lt;= rho }, for a
 * distribution m over a finite state space, solved three independent ways (spec 7.2):
 * <ul>
 *   <li>{@link Solver#SORTING}: the adversary takes up to rho of the mass from the states of highest V
 *       (never from states at V_min) and moves it to a state of least V, which may have zero nominal mass;</li>
 *   <li>{@link Solver#DUAL}: the one-dimensional dual {@link TotalVariationDual} with alpha over the values;</li>
 *   <li>{@link Solver#LP}: the linear program over (mu, t) solved by OR-Tools GLOP ({@link TotalVariationLp}).</li>
 * </ul>
 */
public final class TotalVariationWorstCase {
    /** Which exact solver computes the infimum. */
    public enum Solver {
        SORTING, DUAL, LP
    }

    private TotalVariationWorstCase() {
    }

    /** inf over the TV ball of radius {@code rho} around {@code m} of E_mu[v], by {@code solver}. */
    public static double infimum(Solver solver, double[] m, double[] v, double rho) {
        check(m, v, rho);
        return switch (solver) {
            case SORTING -> bySorting(m, v, rho);
            case DUAL -> TotalVariationDual.maximize(m, v, rho, min(v));
            case LP -> TotalVariationLp.infimum(m, v, rho);
        };
    }

    private static void check(double[] m, double[] v, double rho) {
        FiniteLinearMdp.checkedDistribution("nominal distribution", m, m.length);
        Checks.finite("values", Checks.length("values", v, m.length));
        if (!(rho >= 0 && rho <= 1)) {
            throw new InvalidInputException("TV radius must lie in [0, 1], got " + rho);
        }
    }

    static double min(double[] v) {
        double lo = Double.POSITIVE_INFINITY;
        for (double x : v) {
            lo = Math.min(lo, x);
        }
        return lo;
    }

    private static double bySorting(double[] m, double[] v, double rho) {
        int n = v.length;
        double vMin = min(v);
        Integer[] order = new Integer[n];
        double expectation = 0;
        for (int s = 0; s < n; s++) {
            order[s] = s;
            expectation += m[s] * v[s];
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(v[b], v[a]));
        double budget = rho;
        for (int k = 0; k < n && budget > 0; k++) {
            int s = order[k];
            if (v[s] == vMin) {
                break;
            }
            double moved = Math.min(budget, m[s]);
            expectation -= moved * (v[s] - vMin);
            budget -= moved;
        }
        return expectation;
    }
}
