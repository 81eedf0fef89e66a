package org.saddlepoint.robust.mdp;

/**
 * One seed of a reproduction: the training in the nominal environment and the return of the final policy in each
 * target environment (exact for finite models, Monte Carlo otherwise).
 *
 * @param seed          the seed of the training
 * @param training      the training run
 * @param targetReturns one return per target level
 */
public record ExperimentRun(long seed, TrainingResult training, double[] targetReturns) {
    public ExperimentRun {
        targetReturns = targetReturns.clone();
    }

    @Override
    public double[] targetReturns() {
        return targetReturns.clone();
    }
}
