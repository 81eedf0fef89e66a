package org.saddlepoint.robust.twostage;

import java.util.SplittableRandom;

import org.saddlepoint.solvers.Checks;

/**
 * Random capital-budgeting instances as Neur2RO generates them ({@code ro/two_ro/cb.py sample_new_inst},
 * spec section 1.3): cbar_i ~ U(1, 10), rbar_i = cbar_i / 5, B = sum_i cbar_i / 2, k = 0.8, m = 4, and phi_i,
 * psi_i uniform on the unit simplex (sorted uniform spacings). Seeded; not numpy's stream.
 */
public final class CapitalBudgetingGenerator {
    /** The uncertainty dimension of the benchmark. */
    public static final int DIMENSION = 4;

    private CapitalBudgetingGenerator() {
    }

    public static CapitalBudgeting generate(long seed, int n) {
        Checks.positive("n", n);
        SplittableRandom rng = new SplittableRandom(seed);
        double[] cost = new double[n];
        double[] revenue = new double[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            cost[i] = rng.nextDouble(1, 10);
            revenue[i] = cost[i] / 5;
            total += cost[i];
        }
        double[][] phi = new double[n][];
        double[][] psi = new double[n][];
        for (int i = 0; i < n; i++) {
            phi[i] = simplexPoint(rng);
            psi[i] = simplexPoint(rng);
        }
        return new CapitalBudgeting("CB_n" + n + "_xi" + DIMENSION + "_seed" + seed, cost, revenue, phi, psi,
                total / 2, CapitalBudgeting.LATE_FRACTION);
    }

    /** The spacings of DIMENSION - 1 sorted uniforms on [0, 1]: a uniform point of the simplex. */
    private static double[] simplexPoint(SplittableRandom rng) {
        double[] cuts = new double[DIMENSION + 1];
        for (int j = 1; j < DIMENSION; j++) {
            cuts[j] = rng.nextDouble();
        }
        cuts[DIMENSION] = 1;
        java.util.Arrays.sort(cuts, 1, DIMENSION);
        double[] point = new double[DIMENSION];
        for (int j = 0; j < DIMENSION; j++) {
            point[j] = cuts[j + 1] - cuts[j];
        }
        return point;
    }
}
