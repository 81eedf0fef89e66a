package org.saddlepoint.robust.mdp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * DR-RPO, Distributionally Robust Regularized Policy Optimization (Gu, He, Liu and Xu, "Policy Regularized
 * Distributionally Robust Markov Decision Processes with Linear Function Approximation", arXiv:2510.14246, 2025),
 * as reconstructed in spec section 3 from the paper's abstract (its algorithm box was not available): the
 * optimistic robust ridge critic of DR-LSVI-UCB ({@link RobustLeastSquaresValueIteration}) and a softmax actor
 * regularized towards a reference policy (uniform here) by the KL mirror-descent step of spec 3.4,
 * <pre>
 *   pi^{k+1}_h(a | s) proportional to pi^k_h(a | s)^gamma pi_ref(a | s)^(1 - gamma) exp(eta gamma Q^k_h(s, a)),  gamma = 1 / (1 + eta tau),
 * </pre>
 * kept in closed form: log pi^{k+1} = log pi_ref + z^{k+1} + const with z^{k+1} = gamma z^k + eta gamma Q^k, z^1 = 0
 * (spec 3.4's logit table, per state). The
 * critic's value of a state is the regularized value sum_a pi(a|s) Q^k_h(s, a) - tau KL(pi(.|s) || pi_ref) of
 * pi = pi^k (OPPO-style, the default for finite eta) or pi^{k+1} ({@link LearnerOptions#evaluatesUpdatedPolicy}).
 * eta = +infinity is the soft robust value iteration limit, pi^{k+1} proportional to pi_ref exp(Q^k / tau) with
 * V^k = tau log sum_a pi_ref exp(Q^k / tau).
 *
 * <p>The logits z of a state are computed lazily and cached per state: a state not queried for some episodes
 * catches up by replaying the stored Q-functions it missed (spec pitfall 9), so no state-space enumeration is
 * needed and general state spaces work.
 *
 * @param <S> the state type (used as a cache key: equal states must be equal objects)
 */
public final class DrRpo<S> extends RobustLeastSquaresValueIteration<S> {
    private final double gamma;
    private final double stepWeight;
    private final double[] reference;
    private final List<List<OptimisticQ>> history = new ArrayList<>();
    private final List<Map<S, Logits>> cache = new ArrayList<>();

    /** The cached logits z of one state, how many Q-functions of its step they include, and their policy. */
    private static final class Logits {
        final double[] z;
        int applied;
        double[] pi;
        double kl;

        Logits(double[] reference) {
            z = new double[reference.length];
            pi = reference.clone();
        }

        void setPolicy(double[] policy, double[] reference) {
            pi = policy;
            kl = PolicyMirrorDescent.kl(policy, reference);
        }
    }

    public DrRpo(LinearMdp<S> mdp, UncertaintySet set, LearnerOptions options) {
        super(mdp, set, options);
        double eta = options.eta();
        double tau = options.tau();
        if (Double.isInfinite(eta)) {
            this.gamma = 0; // z = Q^k, pi = softmax(Q^k / tau)
            this.stepWeight = 1;
        } else {
            this.gamma = 1 / (1 + eta * tau);
            this.stepWeight = eta * gamma;
        }
        this.reference = new double[mdp.actionCount()];
        Arrays.fill(reference, 1.0 / mdp.actionCount());
        for (int h = 0; h < mdp.horizon(); h++) {
            history.add(new ArrayList<>());
            cache.add(new HashMap<>());
        }
    }

    @Override
    public String name() {
        return "DR-RPO";
    }

    @Override
    void fitted(int h, OptimisticQ qh) {
        List<OptimisticQ> past = history.get(h);
        if (gamma == 0 && past.size() >= 2) {
            past.set(past.size() - 2, null); // eta = infinity needs only Q^{k-1} and Q^k
        }
        past.add(qh);
    }

    @Override
    double value(int h, S state, double[] qRow) {
        int upTo = options.evaluatesUpdatedPolicy() ? episodes() : episodes() - 1;
        if (upTo == 0) {
            return PolicyMirrorDescent.regularizedValue(reference, reference, qRow, options.tau());
        }
        Logits logits = logits(h, state, upTo);
        double v = 0;
        for (int a = 0; a < qRow.length; a++) {
            v += logits.pi[a] * qRow[a];
        }
        return v - options.tau() * logits.kl;
    }

    /** pi^{k+1}_h(. | s), k the episodes learned from. */
    @Override
    public double[] probabilities(int h, S state) {
        return policy(h, state, episodes());
    }

    /** The policy after the first {@code upTo} Q-functions of step h: pi^{upTo + 1}_h(. | s). */
    private double[] policy(int h, S state, int upTo) {
        return upTo == 0 ? reference.clone() : logits(h, state, upTo).pi.clone();
    }

    /** The logits of {@code state} after the first {@code upTo} &gt; 0 Q-functions of step h, with their policy. */
    private Logits logits(int h, S state, int upTo) {
        Logits logits = cache.get(h).computeIfAbsent(state, s -> new Logits(reference));
        if (logits.applied != upTo) {
            if (logits.applied > upTo && gamma > 0) {
                throw new IllegalStateException("policy of step " + h + " asked for episode " + upTo + " after "
                        + logits.applied);
            }
            List<OptimisticQ> past = history.get(h);
            double[][] phi = featuresOfActions(state);
            double[] rewards = rewardsOfActions(h, state);
            for (int j = gamma == 0 ? upTo - 1 : logits.applied; j < upTo; j++) {
                double[] q = past.get(j).values(phi, rewards);
                for (int a = 0; a < q.length; a++) {
                    logits.z[a] = gamma == 0 ? q[a] : gamma * logits.z[a] + stepWeight * q[a];
                }
            }
            logits.applied = upTo;
            logits.setPolicy(gamma == 0 ? PolicyMirrorDescent.softmax(reference, logits.z, options.tau())
                    : PolicyMirrorDescent.softmax(reference, logits.z, 1), reference);
        }
        return logits;
    }
}
