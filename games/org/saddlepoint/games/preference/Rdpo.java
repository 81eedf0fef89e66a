package org.saddlepoint.games.preference;

import java.util.List;

import org.saddlepoint.solvers.Checks;
import org.saddlepoint.solvers.InvalidInputException;
import org.saddlepoint.solvers.SaddlepointException;
import org.saddlepoint.solvers.linalg.Logistic;
import org.saddlepoint.solvers.smooth.PreferenceLoss;

/**
 * Provably robust DPO, rDPO (Chowdhury, Kini and Natarajan, "Provably Robust DPO: Aligning
 * Language Models with Noisy Feedback", ICML 2024, arXiv 2403.00409), with its baselines, for
 * log-linear policies pi_theta(y) ∝ exp(theta^T phi(y)) over K responses and the reference
 * mu = pi_{theta_ref}. With h_theta(y_w, y_l) = (theta - theta_ref)^T (phi(y_w) - phi(y_l)) and
 * l(z) = -log sigma(z), z = beta h, the losses of {@link PreferenceLoss}: DPO l(z), conservative
 * DPO (label smoothing, biased under flips) and rDPO [(1 - eps) l(z) - eps l(-z)] / (1 - 2 eps),
 * whose expectation over a label flipped with probability eps is the clean DPO loss.
 * The paper bounds the rDPO estimate's error by O((1/(1 - 2 eps)) sqrt(d / n)). Fits are
 * {@link DampedNewton} on the convex losses. (The robust-optimization module fits the same losses
 * on contextual bandits; this is the finite-response version of the preference-games spec, section 8.)
 */
public final class Rdpo {
    private final double[][] features;
    private final double[] reference;
    private final double beta;

    /**
     * @param features  K rows phi(y) of d finite features
     * @param reference theta_ref, d entries
     * @param beta      DPO's strength, &gt; 0
     */
    public Rdpo(double[][] features, double[] reference, double beta) {
        if (features == null || features.length == 0) {
            throw new InvalidInputException("rDPO needs at least one response");
        }
        int d = Checks.positive("feature dimension", features[0].length);
        this.features = new double[features.length][];
        for (int y = 0; y < features.length; y++) {
            this.features[y] = Checks.finite("features[" + y + "]",
                    Checks.length("features[" + y + "]", features[y], d)).clone();
        }
        this.reference = Checks.finite("theta_ref", Checks.length("theta_ref", reference, d)).clone();
        this.beta = Checks.positive("beta", beta);
    }

    /** Above this |theta - theta_ref| the loss is taken to have no minimiser (the iterates ran off). */
    private static final double RUNAWAY = 1e6;

    /**
     * The fitted theta on the comparisons {winner, loser} (labels as observed, possibly flipped)
     * with the given loss (and its flip rate), from theta_ref.
     *
     * @throws SaddlepointException when the loss has no minimiser on these data: the rDPO loss is
     *         unbounded below along v when eps/(1-2eps) sum_{a_i &gt; 0} a_i exceeds
     *         (1-eps)/(1-2eps) sum_{a_i &lt; 0} |a_i|, a_i = v^T (phi_w - phi_l), which small samples at
     *         large eps can meet (its expectation, the clean loss, is bounded)
     */
    public double[] fit(List<int[]> data, PreferenceLoss loss) {
        int d = reference.length;
        double[][] diff = new double[data.size()][d];
        for (int n = 0; n < diff.length; n++) {
            for (int i = 0; i < d; i++) {
                diff[n][i] = features[data.get(n)[0]][i] - features[data.get(n)[1]][i];
            }
        }
        double[] theta = DampedNewton.minimize(new DampedNewton.Objective() {
            @Override
            public double value(double[] theta) {
                double s = 0;
                for (double[] c : diff) {
                    s += loss.value(z(theta, c));
                }
                return s / diff.length;
            }

            @Override
            public void derivatives(double[] theta, double[] g, double[] h) {
                for (double[] c : diff) {
                    double z = z(theta, c);
                    double first = loss.derivative(z) * beta / diff.length;
                    double second = Logistic.sigmoid(z) * Logistic.sigmoid(-z) * beta * beta / diff.length;
                    for (int i = 0; i < d; i++) {
                        g[i] += first * c[i];
                        for (int j = 0; j < d; j++) {
                            h[i * d + j] += second * c[i] * c[j];
                        }
                    }
                }
            }
        }, reference);
        for (int i = 0; i < d; i++) {
            if (!(Math.abs(theta[i] - reference[i]) < RUNAWAY)) {
                throw new SaddlepointException("the " + loss + " has no minimiser on these "
                        + data.size() + " comparisons (unbounded below): too few for this flip rate");
            }
        }
        return theta;
    }

    /** z = beta (theta - theta_ref)^T (phi_w - phi_l). */
    private double z(double[] theta, double[] diff) {
        double s = 0;
        for (int i = 0; i < diff.length; i++) {
            s += (theta[i] - reference[i]) * diff[i];
        }
        return beta * s;
    }
}
