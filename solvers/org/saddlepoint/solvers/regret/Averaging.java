package org.saddlepoint.solvers.regret;

import org.saddlepoint.solvers.linalg.Vectors;

/**
 * How self-play weighs the strategy of round t in its average xbar_T = sum_t w_t x_t / W_T,
 * W_T = sum_{t &lt;= T} w_t. The average is kept incrementally, xbar_t = xbar_{t-1} +
 * (w_t / W_t)(x_t - xbar_{t-1}), with w_t / W_t in closed form.
 */
public enum Averaging {
    /** w_t = 1: the plain average of the no-regret folk theorem. */
    UNIFORM("uniform") {
        @Override
        public double fraction(int t) {
            return 1.0 / t;
        }
    },
    /**
     * w_t = t: the linear averaging of CFR+ (Tammelin, Burch, Johanson and Bowling, IJCAI 2015);
     * w_t / W_t = 2 / (t + 1).
     */
    LINEAR("linear") {
        @Override
        public double fraction(int t) {
            return 2.0 / (t + 1.0);
        }
    },
    /**
     * w_t = t^2: quadratic averaging (Gao, Kroer and Goldfarb, "Increasing iterate averaging for
     * solving saddle-point problems", AAAI 2021; used for predictive CFR+ by Farina, Kroer and
     * Sandholm, AAAI 2021); w_t / W_t = 6 t / ((t + 1)(2 t + 1)).
     */
    QUADRATIC("quadratic") {
        @Override
        public double fraction(int t) {
            double s = t;
            return 6.0 * s / ((s + 1.0) * (2.0 * s + 1.0));
        }
    };

    private final String label;

    Averaging(String label) {
        this.label = label;
    }

    /** w_t / W_t for round t &gt;= 1; equal to 1 at t = 1. */
    public abstract double fraction(int t);

    /** Folds round t's point x into the running average {@code average}, in place. */
    public void accumulate(double[] average, double[] x, int t) {
        Vectors.accumulateAverage(average, x, fraction(t));
    }

    /** "uniform averaging", "linear averaging" or "quadratic averaging". */
    public String description() {
        return label + " averaging";
    }
}
