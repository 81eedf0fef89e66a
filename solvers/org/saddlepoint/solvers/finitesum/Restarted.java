package org.saddlepoint.solvers.finitesum;

import org.saddlepoint.solvers.InvalidInputException;

/**
 * The restart scheme for sharp problems (Diakonikolas, COLT 2020, Section 4; Cai, Song, Guzmán
 * and Diakonikolas, NeurIPS 2022; spec monotone-operators 6.3) around any finite-sum method: a
 * stage runs the method from its anchor z_j until the certificate (a full-F certificate at a
 * checkpoint, not charged to the oracle) is at most {@code decay} (default 1/2) times its value at
 * z_j; then z_{j+1} is the current point and a fresh stage starts there (k = 0, so Algorithm 1
 * refreshes its estimator). Under mu-sharpness each stage takes O(L/mu) iterations, which gives a
 * linear rate; the trigger needs no knowledge of mu.
 */
public final class Restarted implements FiniteSumMethod {
    private final FiniteSumMethod method;
    private final double decay;

    /** Restarts on halving the certificate. */
    public Restarted(FiniteSumMethod method) {
        this(method, 0.5);
    }

    /** @param decay the fraction of the stage's starting certificate that triggers a restart, in (0, 1) */
    public Restarted(FiniteSumMethod method, double decay) {
        if (!(decay > 0 && decay < 1)) {
            throw new InvalidInputException("restart decay must lie in (0, 1), got " + decay);
        }
        this.method = method;
        this.decay = decay;
    }

    @Override
    public String name() {
        return "restarted " + method.name();
    }

    @Override
    public FiniteSumIteration start(FiniteSumOracle oracle, double[] anchor) {
        return new FiniteSumIteration() {
            private FiniteSumIteration stage = method.start(oracle, anchor);
            private double stageStart = Double.NaN;

            @Override
            public void step() {
                stage.step();
            }

            @Override
            public double[] point() {
                return stage.point();
            }

            @Override
            public void checkpoint(double certificate) {
                if (Double.isNaN(stageStart)) {
                    stageStart = certificate;
                } else if (certificate <= decay * stageStart) {
                    stage = method.start(oracle, stage.point());
                    stageStart = certificate;
                }
            }
        };
    }
}
