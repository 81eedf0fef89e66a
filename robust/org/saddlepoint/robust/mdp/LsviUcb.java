package org.saddlepoint.robust.mdp;

/**
 * LSVI-UCB (Jin, Yang, Wang and Jordan, "Provably Efficient Reinforcement Learning with Linear Function
 * Approximation", COLT 2020), the non-robust baseline: {@link DrLsviUcb} with every radius 0, which makes its
 * critic the plain ridge regression of the next-state values (spec pitfall 16).
 *
 * @param <S> the state type
 */
public final class LsviUcb<S> extends DrLsviUcb<S> {
    public LsviUcb(LinearMdp<S> mdp, LearnerOptions options) {
        super(mdp, UncertaintySet.none(mdp.horizon(), mdp.dimension()), options);
    }

    @Override
    public String name() {
        return "LSVI-UCB";
    }
}
