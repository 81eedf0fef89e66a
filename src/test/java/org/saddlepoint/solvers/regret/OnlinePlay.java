package org.saddlepoint.solvers.regret;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

/**
 * Plays a learner against a utility sequence and measures, independently of the learner's
 * internals, what the regret bounds are stated in: the external regret, the largest utility
 * spread, sum_t ||r_t||^2 and sum_t ||r_t - r_{t-1}||^2 with r_t = u_t - &lt;u_t, x_t&gt; 1.
 * Checks every strategy lies on the simplex (sum 1 within 1e-12, entries finite and &gt;= 0).
 */
final class OnlinePlay {
    /** Chooses the utility of round t (1-based), possibly from the strategy about to be played. */
    interface Adversary {
        double[] utility(int t, double[] strategy);
    }

    double regret;
    double spread;
    double sumSquaredRegret;
    double sumSquaredPredictionError;
    int rounds;

    static OnlinePlay play(RegretMinimizer learner, Adversary adversary, int rounds) {
        int n = learner.dimension();
        OnlinePlay out = new OnlinePlay();
        out.rounds = rounds;
        double[] cumulative = new double[n];
        double[] previousRegret = new double[n];
        double earned = 0;
        for (int t = 1; t <= rounds; t++) {
            double[] x = learner.strategy().clone();
            assertOnSimplex(x);
            double[] u = adversary.utility(t, x);
            double value = 0;
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                value += u[i] * x[i];
                lo = Math.min(lo, u[i]);
                hi = Math.max(hi, u[i]);
                cumulative[i] += u[i];
            }
            for (int i = 0; i < n; i++) {
                double r = u[i] - value;
                out.sumSquaredRegret += r * r;
                double e = r - previousRegret[i];
                out.sumSquaredPredictionError += e * e;
                previousRegret[i] = r;
            }
            earned += value;
            out.spread = Math.max(out.spread, hi - lo);
            learner.observe(u);
        }
        assertOnSimplex(learner.strategy());
        double best = Double.NEGATIVE_INFINITY;
        for (double c : cumulative) {
            best = Math.max(best, c);
        }
        out.regret = best - earned;
        return out;
    }

    static void assertOnSimplex(double[] x) {
        double sum = 0;
        for (double v : x) {
            assertTrue(Double.isFinite(v) && v >= 0, "strategy entry " + v);
            sum += v;
        }
        assertEquals(1.0, sum, 1e-12, "strategy sum");
    }

    /** Utilities uniform in [lo, hi); the first round holds lo and hi themselves (n &gt;= 2), so its spread is the full one. */
    static Adversary random(long seed, int n, double lo, double hi) {
        Random rng = new Random(seed);
        return (t, x) -> {
            double[] u = new double[n];
            for (int i = 0; i < n; i++) {
                u[i] = lo + (hi - lo) * rng.nextDouble();
            }
            if (t == 1) {
                u[0] = lo;
                u[n - 1] = hi;
            }
            return u;
        };
    }

    /** Utility 1 for the action the learner plays least (first on ties), 0 for the others. */
    static Adversary rewardLeastLikely(int n) {
        return (t, x) -> {
            int worst = 0;
            for (int i = 1; i < n; i++) {
                if (x[i] < x[worst]) {
                    worst = i;
                }
            }
            double[] u = new double[n];
            u[worst] = 1;
            return u;
        };
    }

    /**
     * Ramps 0, 1/(n-1), ..., 1 that reverse direction every round (n &gt;= 2): last round's
     * regret predicts exactly the wrong way.
     */
    static Adversary oscillating(int n) {
        return (t, x) -> {
            double[] u = new double[n];
            for (int i = 0; i < n; i++) {
                double ramp = i / (n - 1.0);
                u[i] = t % 2 == 0 ? ramp : 1 - ramp;
            }
            return u;
        };
    }

    /** Utility 1 for action t mod n, 0 for the others. */
    static Adversary cyclic(int n) {
        return (t, x) -> {
            double[] u = new double[n];
            u[t % n] = 1;
            return u;
        };
    }
}
