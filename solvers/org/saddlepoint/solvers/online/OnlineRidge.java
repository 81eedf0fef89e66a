package org.saddlepoint.solvers.online;

import org.saddlepoint.solvers.linalg.Vectors;

/**
 * Online ridge regression (follow the regularised leader with squared loss; Cesa-Bianchi and
 * Lugosi, "Prediction, Learning, and Games", 2006, Section 11.7): predicts
 * yhat_t = theta_{t-1} . x_t with theta_{t-1} = (lambda I + sum_{s&lt;t} x_s x_s^T)^{-1}
 * sum_{s&lt;t} y_s x_s, unclipped. This is the oracle of every experiment of Acharya et al.,
 * "Oracle Efficient Algorithms for Groupwise Regret" (ICLR 2024), with lambda = 1. By the
 * be-the-leader lemma its regret against any u is at most lambda ||u||^2 +
 * sum_t (f_t(theta_{t-1}) - f_t(theta_t)) &lt;= lambda ||u||^2 + 2 sum_t e_t^2 x_t^T A_t^{-1} x_t,
 * e_t = yhat_t - y_t, A_t including x_t. O(d^2) time per round (Sherman-Morrison), O(d^2) memory.
 */
public final class OnlineRidge extends ShermanMorrisonRegressor {
    /** Ridge on R^d with penalty {@code lambda} (finite, &gt; 0). */
    public OnlineRidge(int d, double lambda) {
        super(d, lambda);
    }

    @Override
    public double predict(double[] x) {
        check(x);
        return Vectors.dot(theta, x);
    }

    @Override
    public String name() {
        return "online ridge (lambda = " + lambda() + ")";
    }
}
