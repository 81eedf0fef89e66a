package org.saddlepoint.solvers.finitesum;

import java.util.SplittableRandom;

import org.saddlepoint.solvers.Checks;
import org.saddlepoint.solvers.InvalidInputException;

/**
 * The distribution Q = (q_1..q_n) that the stochastic methods draw component indices from, with
 * the unbiasing weights 1/(n q_i): the estimator F_i(u)/(n q_i) has mean F(u) (spec
 * monotone-operators 1.3). Uniform sampling has weight 1; importance sampling takes
 * q_i = L_i / sum_j L_j, under which the expected Lipschitz constant is the mean of the L_i
 * instead of their root mean square. Immutable; draws take the caller's random generator.
 */
public final class Sampling {
    private final double[] cumulative;
    private final double[] weight;

    private Sampling(double[] cumulative, double[] weight) {
        this.cumulative = cumulative;
        this.weight = weight;
    }

    /** q_i = 1/n. */
    public static Sampling uniform(int n) {
        Checks.positive("components", n);
        return new Sampling(null, null);
    }

    /** q_i proportional to {@code lipschitz[i]} (each finite and &gt; 0). */
    public static Sampling importance(double[] lipschitz) {
        int n = lipschitz.length;
        if (n == 0) {
            throw new InvalidInputException("importance sampling needs at least one component");
        }
        double total = 0;
        for (int i = 0; i < n; i++) {
            total += Checks.positive("component Lipschitz constant " + i, lipschitz[i]);
        }
        double[] cumulative = new double[n];
        double[] weight = new double[n];
        double running = 0;
        for (int i = 0; i < n; i++) {
            double q = lipschitz[i] / total;
            running += q;
            cumulative[i] = running;
            weight[i] = 1.0 / (n * q);
        }
        cumulative[n - 1] = 1.0;
        return new Sampling(cumulative, weight);
    }

    /** True for q_i = 1/n. */
    public boolean isUniform() {
        return weight == null;
    }

    /** q_i among {@code n} components. */
    public double probability(int i, int n) {
        return weight == null ? 1.0 / n : 1.0 / (n * weight[i]);
    }

    /** The unbiasing weight 1/(n q_i). */
    public double weight(int i) {
        return weight == null ? 1.0 : weight[i];
    }

    /** One index drawn from Q among {@code n} components. */
    public int draw(SplittableRandom random, int n) {
        if (cumulative == null) {
            return random.nextInt(n);
        }
        double r = random.nextDouble();
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > r) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }
}
