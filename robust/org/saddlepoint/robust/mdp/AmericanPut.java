package org.saddlepoint.robust.mdp;

import java.util.SplittableRandom;

import org.saddlepoint.solvers.Checks;
import org.saddlepoint.solvers.InvalidInputException;

/**
 * The American put option of Liu and Xu (AISTATS 2024, Section 6) as in the group's public code (spec 5.3): the
 * state is the price s, s_1 ~ U[95, 105]; action 0 holds (reward 0; s' = 1.02 s with probability p, else 0.98 s),
 * action 1 exercises (reward max(0, 100 - s), then the absorbing state {@link #EXERCISED}); nominal p = 0.5, targets
 * p in {0.2, ..., 1}; H = 20.
 *
 * <p>Features: the holding action has d hat functions of the price, phi_i(s) = max(0, 1 - |s - c_i| / Delta) with
 * anchors c_i = 60 + i Delta, Delta = 100 / (d - 1), the price clamped to [60, 160]; exercising (and the exercised
 * state) has the extra coordinate d, whose factor is the exercised state. Departure from the code (spec pitfall 7):
 * its anchors start at 80 with Delta = 100 / d, so every feature vanishes below a price of about 76.7, which breaks the
 * simplex condition; anchors over [60, 160] make the hats a partition of unity. The price dynamics are not a mixture of
 * fixed factors, so the linear model is misspecified: a smoke test, as in the spec. The known payoff is the reward
 * (it is not linear in the features), and values are bounded by the strike 100, not by H.
 */
public final class AmericanPut implements LinearMdp<Double> {
    /** The exercised (absorbing, zero-reward) state. */
    public static final double EXERCISED = -1;
    public static final int HOLD = 0;
    public static final int EXERCISE = 1;
    public static final double STRIKE = 100;
    private static final double LOW = 60;
    private static final double HIGH = 160;

    private final int hats;
    private final int horizon;
    private final double up;

    /**
     * @param hats    the number d of hat features of the price, at least 2 (the dimension is d + 1)
     * @param horizon H
     * @param up      the probability p of a price rise, in [0, 1]
     */
    public AmericanPut(int hats, int horizon, double up) {
        if (hats < 2) {
            throw new InvalidInputException("the American put needs at least 2 hat features, got " + hats);
        }
        this.hats = hats;
        this.horizon = Checks.positive("horizon", horizon);
        if (!(up >= 0 && up <= 1)) {
            throw new InvalidInputException("probability of a price rise must lie in [0, 1], got " + up);
        }
        this.up = up;
    }

    /** The same option with the probability of a rise {@code p} (a target environment). */
    public AmericanPut withUpProbability(double p) {
        return new AmericanPut(hats, horizon, p);
    }

    @Override
    public int horizon() {
        return horizon;
    }

    @Override
    public int actionCount() {
        return 2;
    }

    @Override
    public int dimension() {
        return hats + 1;
    }

    @Override
    public double[] features(Double state, int action) {
        double[] phi = new double[hats + 1];
        if (action == EXERCISE || state == EXERCISED) {
            phi[hats] = 1;
            return phi;
        }
        double u = (Math.min(Math.max(state, LOW), HIGH) - LOW) / ((HIGH - LOW) / (hats - 1));
        int i = Math.min((int) Math.floor(u), hats - 2);
        double fraction = Math.min(1, u - i);
        phi[i] = 1 - fraction;
        phi[i + 1] = fraction;
        return phi;
    }

    @Override
    public double reward(int h, Double state, int action) {
        return action == EXERCISE && state != EXERCISED ? Math.max(0, STRIKE - state) : 0;
    }

    @Override
    public double valueBound(int h) {
        return STRIKE;
    }

    @Override
    public Double initialState(SplittableRandom random) {
        return 95 + 10 * random.nextDouble();
    }

    @Override
    public Double nextState(int h, Double state, int action, SplittableRandom random) {
        if (state == EXERCISED || action == EXERCISE) {
            return EXERCISED;
        }
        return state * (random.nextDouble() < up ? 1.02 : 0.98);
    }

    @Override
    public boolean isFailState(Double state) {
        return state == EXERCISED;
    }
}
