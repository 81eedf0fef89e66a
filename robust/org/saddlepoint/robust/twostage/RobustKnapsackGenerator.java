package org.saddlepoint.robust.twostage;

import java.util.SplittableRandom;

import org.saddlepoint.solvers.Checks;
import org.saddlepoint.solvers.InvalidInputException;

/**
 * Random two-stage robust knapsack instances with the distributions of Arslan and Detienne's
 * benchmark as Neur2RO samples its training instances ({@code ro/two_ro/kp.py sample_new_inst}, spec
 * section 1.2), with R = 1000 and H = 100. Values are real, not rounded. Seeded; not numpy's stream.
 */
public final class RobustKnapsackGenerator {
    static final double R = 1000;
    static final double H = 100;

    /** The correlation between weights and profits. */
    public enum Correlation {
        /** Uncorrelated. */
        UN,
        /** Weakly correlated. */
        WC,
        /** Almost strongly correlated. */
        ASC,
        /** Strongly correlated. */
        SC
    }

    private static final int[] H_VALUES = {40, 80};
    private static final double[] BUDGET_FACTORS = {0.1, 0.15, 0.2};
    private static final double[] DELTAS = {0.1, 0.5, 1.0};

    private RobustKnapsackGenerator() {
    }

    /**
     * One instance with these parameters.
     *
     * @param h            capacity ratio: C = h / (H + 1) sum_i c_i
     * @param budgetFactor Gamma = n budgetFactor, in [0, 1]
     * @param delta        degradation spread: phat_i = pbar_i U((1 - delta) / 2, (1 + delta) / 2), in [0, 1]
     */
    public static RobustKnapsack generate(long seed, int n, Correlation correlation, int h, double budgetFactor,
                                          double delta) {
        Checks.positive("n", n);
        Checks.positive("h", h);
        if (!(budgetFactor >= 0 && budgetFactor <= 1) || !(delta >= 0 && delta <= 1)) {
            throw new InvalidInputException("budget factor and delta must lie in [0, 1], got " + budgetFactor
                    + " and " + delta);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        double[] c = new double[n];
        double[] pbar = new double[n];
        double[] phat = new double[n];
        double[] f = new double[n];
        double[] t = new double[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            c[i] = uniform(rng, 1, R);
            total += c[i];
        }
        for (int i = 0; i < n; i++) {
            pbar[i] = profit(rng, correlation, c[i]);
            phat[i] = pbar[i] * uniform(rng, (1 - delta) / 2, (1 + delta) / 2);
            f[i] = pbar[i] * uniform(rng, 1.1, 1.5);
            t[i] = repairWeight(rng, correlation, c[i], phat[i]);
        }
        String name = String.format(java.util.Locale.ROOT, "RKP_%s_n%d_h%d_dev%s_d%s_seed%d", correlation, n, h,
                budgetFactor, delta, seed);
        return new RobustKnapsack(name, pbar, phat, t, c, f, h / (H + 1) * total, n * budgetFactor);
    }

    /**
     * One instance with n drawn from {@code sizes} and the correlation, delta, h and budget factor drawn
     * uniformly from the benchmark's values, in that order (Neur2RO's training instances).
     */
    public static RobustKnapsack random(long seed, int[] sizes) {
        SplittableRandom rng = new SplittableRandom(seed);
        int n = sizes[rng.nextInt(sizes.length)];
        Correlation correlation = Correlation.values()[rng.nextInt(Correlation.values().length)];
        double delta = DELTAS[rng.nextInt(DELTAS.length)];
        int h = H_VALUES[rng.nextInt(H_VALUES.length)];
        double budgetFactor = BUDGET_FACTORS[rng.nextInt(BUDGET_FACTORS.length)];
        return generate(rng.nextLong(), n, correlation, h, budgetFactor, delta);
    }

    /** U(a, b), also for a = b. */
    private static double uniform(SplittableRandom rng, double a, double b) {
        return a + (b - a) * rng.nextDouble();
    }

    private static double profit(SplittableRandom rng, Correlation correlation, double c) {
        return switch (correlation) {
            case UN -> uniform(rng, 1, R);
            case WC -> uniform(rng, c - R / 20, c + R / 20);
            case ASC -> uniform(rng, c + R / 10 - R / 1000, c + R / 10 + R / 1000);
            case SC -> c + R / 10;
        };
    }

    private static double repairWeight(SplittableRandom rng, Correlation correlation, double c, double phat) {
        return switch (correlation) {
            case UN -> uniform(rng, 1, c);
            case WC -> uniform(rng, 0.5 * phat - R / 40, 0.5 * phat + R / 40);
            case ASC -> uniform(rng, 0.5 * phat + c / 10 - R / 1000, 0.5 * phat + c / 10 + R / 1000);
            case SC -> 0.5 * phat + c / 10;
        };
    }
}
