package org.saddlepoint.robust.mdp;

import org.saddlepoint.solvers.Checks;

/**
 * The online learners, by the names of their papers, with the uncertainty set and tau each one is judged by
 * (spec 6.2): LSVI-UCB by the nominal model (rho = tau = 0), DR-LSVI-UCB by the robust one (tau = 0), DR-RPO by
 * the robust regularized one. tau and eta of {@link LearnerOptions} act on DR-RPO only.
 */
public enum OnlineLearner {
    DR_RPO("dr-rpo"),
    DR_LSVI_UCB("dr-lsvi-ucb"),
    LSVI_UCB("lsvi-ucb");

    private final String cliName;

    OnlineLearner(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    /** The learner by its command-line name. */
    public static OnlineLearner fromCliName(String name) {
        return Checks.named("learner", values(), OnlineLearner::cliName, name);
    }

    /** A new learner on {@code mdp}; LSVI-UCB ignores {@code set}. */
    public <S> EpisodicLearner<S> create(LinearMdp<S> mdp, UncertaintySet set, LearnerOptions options) {
        return switch (this) {
            case DR_RPO -> new DrRpo<>(mdp, set, options);
            case DR_LSVI_UCB -> new DrLsviUcb<>(mdp, set, options);
            case LSVI_UCB -> new LsviUcb<>(mdp, options);
        };
    }

    /** The uncertainty set this learner optimizes against. */
    public UncertaintySet ownSet(UncertaintySet set) {
        return this == LSVI_UCB ? UncertaintySet.none(set.horizon(), set.dimension()) : set;
    }

    /** The tau this learner optimizes with. */
    public double ownTau(LearnerOptions options) {
        return this == DR_RPO ? options.tau() : 0;
    }
}
