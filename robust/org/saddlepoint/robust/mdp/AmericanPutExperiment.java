package org.saddlepoint.robust.mdp;

import org.saddlepoint.solvers.iteration.IterationListener;

/**
 * The American put smoke reproduction (spec 5.3): train one learner on {@link AmericanPut} (d hats, H = 20, nominal
 * p = 0.5) with a TV radius rho on every coordinate and step, then score its final policy by the Monte Carlo average
 * payoff in the targets with probability of a rise p. No regret (the model is not finite).
 */
public final class AmericanPutExperiment {
    /** The target probabilities of a price rise (the public code's list and the nominal 0.5). */
    public static final double[] LEVELS = {0.2, 0.4, 0.5, 0.6, 0.8, 1.0};
    public static final int HATS = 30;
    public static final int HORIZON = 20;

    private AmericanPutExperiment() {
    }

    /**
     * @param testEpisodes Monte Carlo episodes per target (seeded from {@code seed})
     */
    public static ExperimentRun run(OnlineLearner kind, double rho, LearnerOptions options, int episodes,
                                    double timeLimitSeconds, long seed, int testEpisodes, IterationListener listener) {
        AmericanPut nominal = new AmericanPut(HATS, HORIZON, 0.5);
        UncertaintySet set = UncertaintySet.uniform(Divergence.TOTAL_VARIATION, HORIZON, nominal.dimension(), rho);
        EpisodicLearner<Double> learner = kind.create(nominal, set, options);
        TrainingResult training = OnlineTraining.run(nominal, learner, episodes, timeLimitSeconds, seed, null, listener);
        double[] returns = new double[LEVELS.length];
        for (int k = 0; k < LEVELS.length; k++) {
            returns[k] = MonteCarloReturn.of(nominal.withUpProbability(LEVELS[k]), learner, testEpisodes, 1000 + seed).mean();
        }
        return new ExperimentRun(seed, training, returns);
    }
}
