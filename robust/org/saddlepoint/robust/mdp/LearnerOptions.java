package org.saddlepoint.robust.mdp;

import org.saddlepoint.solvers.Checks;
import org.saddlepoint.solvers.InvalidInputException;

/**
 * Hyperparameters of the online learners (spec 4): ridge lambda, bonus beta and its {@link BonusForm}, and for
 * DR-RPO the regularization tau, the mirror-descent step eta (+infinity: the soft robust value-iteration limit)
 * and whether the critic evaluates the updated policy pi^{k+1} instead of pi^k (spec 3.5's open choice; by
 * default it does exactly when eta = +infinity, where the spec defines V^k as the soft maximum of Q^k).
 * Immutable; the {@code with...} methods return modified copies.
 */
public final class LearnerOptions {
    /** lambda = 0.1, beta = 1, the d-rectangular bonus, tau = 0, eta = +infinity (spec 6.2's main run). */
    public static final LearnerOptions DEFAULT = new LearnerOptions(0.1, 1, BonusForm.D_RECTANGULAR, 0,
            Double.POSITIVE_INFINITY, null);

    private final double lambda;
    private final double beta;
    private final BonusForm bonus;
    private final double tau;
    private final double eta;
    private final Boolean evaluatesUpdatedPolicy;

    private LearnerOptions(double lambda, double beta, BonusForm bonus, double tau, double eta,
                           Boolean evaluatesUpdatedPolicy) {
        this.lambda = Checks.positive("ridge lambda", lambda);
        this.beta = Checks.nonNegative("bonus beta", beta);
        if (bonus == null) {
            throw new InvalidInputException("bonus form must not be null");
        }
        this.bonus = bonus;
        this.tau = Checks.nonNegative("regularization tau", tau);
        if (!(eta > 0)) {
            throw new InvalidInputException("mirror-descent step eta must be > 0 (or +infinity), got " + eta);
        }
        this.eta = eta;
        this.evaluatesUpdatedPolicy = evaluatesUpdatedPolicy;
    }

    public LearnerOptions withLambda(double value) {
        return new LearnerOptions(value, beta, bonus, tau, eta, evaluatesUpdatedPolicy);
    }

    public LearnerOptions withBeta(double value) {
        return new LearnerOptions(lambda, value, bonus, tau, eta, evaluatesUpdatedPolicy);
    }

    public LearnerOptions withBonus(BonusForm value) {
        return new LearnerOptions(lambda, beta, value, tau, eta, evaluatesUpdatedPolicy);
    }

    public LearnerOptions withTau(double value) {
        return new LearnerOptions(lambda, beta, bonus, value, eta, evaluatesUpdatedPolicy);
    }

    public LearnerOptions withEta(double value) {
        return new LearnerOptions(lambda, beta, bonus, tau, value, evaluatesUpdatedPolicy);
    }

    public LearnerOptions withEvaluatesUpdatedPolicy(boolean value) {
        return new LearnerOptions(lambda, beta, bonus, tau, eta, value);
    }

    public double lambda() {
        return lambda;
    }

    public double beta() {
        return beta;
    }

    public BonusForm bonus() {
        return bonus;
    }

    public double tau() {
        return tau;
    }

    public double eta() {
        return eta;
    }

    public boolean evaluatesUpdatedPolicy() {
        return evaluatesUpdatedPolicy != null ? evaluatesUpdatedPolicy : Double.isInfinite(eta);
    }

    @Override
    public String toString() {
        return "lambda=" + lambda + ", beta=" + beta + ", bonus=" + bonus + ", tau=" + tau + ", eta=" + eta;
    }
}
