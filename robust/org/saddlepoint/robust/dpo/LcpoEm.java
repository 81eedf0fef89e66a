package org.saddlepoint.robust.dpo;

import java.util.ArrayList;
import java.util.List;

import org.saddlepoint.solvers.Checks;
import org.saddlepoint.solvers.InvalidInputException;
import org.saddlepoint.solvers.linalg.Logistic;
import org.saddlepoint.solvers.smooth.PreferenceLoss;

/**
 * The EM correctness weights of Latent Collective Preference Optimization (Cao et al., LCPO /
 * RE-PO, arXiv 2509.24159) for DPO on a log-linear bandit, in the standard Bradley-Terry mixture
 * form (spec 4.2; the paper's exact notation was not available): an observed label is correct with
 * probability 1 - eta. E-step: q_i = (1 - eta) P_i / ((1 - eta) P_i + eta (1 - P_i)) with
 * P_i = sigma(beta h_theta(pair_i)); M-step: theta minimises the q-weighted DPO loss, eta =
 * 1 - mean(q). With {@link MStep#SYMMETRIC} (q_i l(w, l) + (1 - q_i) l(l, w)) this is exact EM for the
 * noisy-label mixture, so the penalised marginal log-likelihood
 * sum_i log((1 - eta) P_i + eta (1 - P_i)) - (n l2 / 2) ||theta||^2 (recorded per iteration) never
 * decreases; {@link MStep#DOWNWEIGHT} (q_i l(w, l) only) is the variant that only down-weights, which
 * is not an EM step and carries no such guarantee. EM's fixed points are the stationary points of
 * that likelihood; it can approach them slowly, because the scale of theta and eta nearly trade off
 * ((1 - eta) sigma(z) + eta sigma(-z) is close to sigma((1 - 2 eta) z) for moderate z).
 */
public final class LcpoEm {
    private LcpoEm() {
    }

    /** The theta M-step. */
    public enum MStep { SYMMETRIC, DOWNWEIGHT }

    /** The fitted theta and noise rate, the final weights q_i, and the penalised marginal log-likelihood per iteration. */
    public record Result(double[] theta, double noiseRate, double[] correctness, List<Double> logLikelihood,
                         int iterations) {
    }

    /** From theta = 0 and noise rate {@code initialNoise}. */
    public static Result fit(LogLinearBandit bandit, List<PreferencePair> pairs, double initialNoise, MStep step,
                             double l2, int maxIterations, double tolerance) {
        return fit(bandit, pairs, new double[bandit.dimension()], initialNoise, step, l2, maxIterations, tolerance);
    }

    /**
     * Runs EM from ({@code startTheta}, {@code initialNoise}) until the recorded likelihood changes by
     * less than {@code tolerance} or {@code maxIterations} iterations.
     */
    public static Result fit(LogLinearBandit bandit, List<PreferencePair> pairs, double[] startTheta,
                             double initialNoise, MStep step, double l2, int maxIterations, double tolerance) {
        if (!(initialNoise > 0 && initialNoise < 0.5)) {
            throw new InvalidInputException("initial noise rate must be in (0, 1/2), got " + initialNoise);
        }
        Checks.positive("max iterations", maxIterations);
        int n = pairs.size();
        List<PreferencePair> both = new ArrayList<>(pairs);
        pairs.forEach(p -> both.add(p.flipped()));
        double[] theta = Checks.length("start theta", startTheta, bandit.dimension()).clone();
        double eta = initialNoise;
        double[] q = new double[n];
        List<Double> history = new ArrayList<>();
        int it = 0;
        while (it < maxIterations) {
            it++;
            for (int i = 0; i < n; i++) {
                double p = Logistic.sigmoid(bandit.margin(theta, pairs.get(i)));
                q[i] = (1 - eta) * p / ((1 - eta) * p + eta * (1 - p));
            }
            double[] weights = new double[2 * n];
            double mean = 0;
            for (int i = 0; i < n; i++) {
                weights[i] = 2 * q[i]; // PreferenceFit averages over the 2n rows
                weights[n + i] = step == MStep.SYMMETRIC ? 2 * (1 - q[i]) : 0;
                mean += q[i] / n;
            }
            theta = PreferenceFit.fit(bandit, both, weights, PreferenceLoss.dpo(), l2, theta).theta();
            eta = Math.min(Math.max(1 - mean, 1e-12), 0.5 - 1e-12);
            double norm2 = 0;
            for (double t : theta) {
                norm2 += t * t;
            }
            history.add(marginalLogLikelihood(bandit, pairs, theta, eta) - 0.5 * n * l2 * norm2);
            int last = history.size() - 1;
            if (last > 0 && Math.abs(history.get(last) - history.get(last - 1)) < tolerance) {
                break;
            }
        }
        return new Result(theta, eta, q, history, it);
    }

    /** sum_i log((1 - eta) P_i + eta (1 - P_i)), P_i = sigma(beta h_theta(pair_i)). */
    public static double marginalLogLikelihood(LogLinearBandit bandit, List<PreferencePair> pairs, double[] theta,
                                               double eta) {
        double total = 0;
        for (PreferencePair pair : pairs) {
            double p = Logistic.sigmoid(bandit.margin(theta, pair));
            total += Math.log((1 - eta) * p + eta * (1 - p));
        }
        return total;
    }
}
