package org.saddlepoint.robust.twostage;

/**
 * The answer of an adversarial problem: value max_{xi in U} Q(x, xi) and a scenario attaining it.
 *
 * @param value    the worst-case recourse value (exact when {@code exact})
 * @param scenario a maximiser xi
 * @param exact    false when a time limit stopped the solve: value is then only a lower bound
 */
public record WorstCase(double value, double[] scenario, boolean exact) {
    public WorstCase {
        scenario = scenario.clone();
    }

    @Override
    public double[] scenario() {
        return scenario.clone();
    }
}
