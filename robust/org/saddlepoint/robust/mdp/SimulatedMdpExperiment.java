package org.saddlepoint.robust.mdp;

import org.saddlepoint.solvers.iteration.IterationListener;

/**
 * The reproduction protocol of spec 6.2 on the simulated linear MDP ({@link SimulatedLinearMdp}): train one
 * learner for K episodes in the nominal environment from a seed, recording its exact robust regularized regret,
 * then score the final policy by its exact expected return in the target environments at the given levels q
 * (no Monte Carlo noise).
 */
public final class SimulatedMdpExperiment {
    /** The perturbation levels of spec 6.3's table. */
    public static final double[] LEVELS = {0, 0.2, 0.4, 0.6, 0.8, 1.0};

    private SimulatedMdpExperiment() {
    }

    /**
     * @param rho the TV radius on coordinate 4 at step 1 (ignored by LSVI-UCB)
     */
    public static ExperimentRun run(FiniteLinearMdp nominal, OnlineLearner kind, double rho, LearnerOptions options,
                          int episodes, double timeLimitSeconds, long seed, double[] levels,
                          IterationListener listener) {
        UncertaintySet set = SimulatedLinearMdp.uncertaintySet(rho);
        EpisodicLearner<Integer> learner = kind.create(nominal, set, options);
        RobustRegret regret = new RobustRegret(nominal, kind.ownSet(set), kind.ownTau(options));
        TrainingResult training = OnlineTraining.run(nominal, learner, episodes, timeLimitSeconds, seed, regret, listener);
        TabularPolicy policy = TabularPolicy.of(learner, nominal);
        double[] returns = new double[levels.length];
        for (int k = 0; k < levels.length; k++) {
            returns[k] = RobustDynamicProgramming.expectedReturn(SimulatedLinearMdp.target(nominal, levels[k]), policy);
        }
        return new ExperimentRun(seed, training, returns);
    }
}
