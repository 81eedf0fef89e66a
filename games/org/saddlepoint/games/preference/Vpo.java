package org.saddlepoint.games.preference;

import static org.saddlepoint.solvers.linalg.Logistic.softplus;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.saddlepoint.solvers.Checks;
import org.saddlepoint.solvers.InvalidInputException;
import org.saddlepoint.solvers.linalg.Logistic;

/**
 * Value-incentivized preference optimization, VPO (Cen et al., "Value-Incentivized Preference
 * Optimization: A Unified Approach to Online and Offline RLHF", ICLR 2025, arXiv 2405.19320), on a
 * {@link LinearBandit}: the reward estimate regularizes the Bradley-Terry likelihood with the
 * value function, signed for optimism (online) or pessimism (offline),
 * <pre>
 *   theta_hat = argmin  l_BT(theta; D) + (lambda/2) |theta|^2 - sign alpha [ J*(r_theta) - E_{pi_cal} r_theta ],
 * </pre>
 * J*(r) = beta LSE_mu(r / beta), sign = +1 online, -1 offline; pi_cal removes the shift ambiguity
 * of the reward; the ridge lambda (default 1, as in linear bandits) keeps the estimate bounded while
 * the data are separable. The policy is pi_theta_hat = softmax(log mu + r_theta_hat / beta).
 * Offline the objective is convex and solved by Newton's method; online it is a difference of
 * convex functions and solved by Newton-type steps with the Hessian of its convex part, both with
 * backtracking on the objective. alpha = 0 is the plain (ridge) MLE, i.e. DPO on this bandit.
 */
public final class Vpo {
    /** The ridge weight lambda. */
    public static final double RIDGE = 1.0;

    private final LinearBandit bandit;
    private final double sign;
    private final double alpha;
    private final double[] calibration;

    private Vpo(LinearBandit bandit, double sign, double alpha, double[] calibration) {
        this.bandit = bandit;
        this.sign = sign;
        this.alpha = Checks.nonNegative("VPO alpha", alpha);
        this.calibration = PreferenceGame.checkPolicy("calibration policy", calibration, bandit.responses());
    }

    /** Optimistic VPO (online exploration). */
    public static Vpo online(LinearBandit bandit, double alpha, double[] calibration) {
        return new Vpo(bandit, 1, alpha, calibration);
    }

    /** Pessimistic VPO (offline, against over-optimization). */
    public static Vpo offline(LinearBandit bandit, double alpha, double[] calibration) {
        return new Vpo(bandit, -1, alpha, calibration);
    }

    /** The objective at theta on the comparisons {winner, loser}. */
    public double objective(double[] theta, List<int[]> data) {
        return objective(theta, differences(data));
    }

    /** phi(winner) - phi(loser) of every comparison. */
    private double[][] differences(List<int[]> data) {
        double[][] diff = new double[data.size()][];
        for (int n = 0; n < diff.length; n++) {
            double[] w = bandit.feature(data.get(n)[0]);
            double[] l = bandit.feature(data.get(n)[1]);
            for (int i = 0; i < w.length; i++) {
                w[i] -= l[i];
            }
            diff[n] = w;
        }
        return diff;
    }

    private double objective(double[] theta, double[][] diff) {
        double s = 0;
        for (double[] c : diff) {
            s += softplus(-dot(theta, c));
        }
        double ridge = 0;
        for (double t : theta) {
            ridge += t * t;
        }
        return s + 0.5 * RIDGE * ridge - sign * alpha * (bandit.optimalValue(theta) - calibrated(theta));
    }

    /** E_{pi_cal} r_theta. */
    private double calibrated(double[] theta) {
        double[] r = bandit.rewards(theta);
        double s = 0;
        for (int y = 0; y < r.length; y++) {
            s += calibration[y] * r[y];
        }
        return s;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }


    /** theta_hat, by damped Newton-type steps ({@link DampedNewton}) from {@code start}. */
    public double[] fit(List<int[]> data, double[] start) {
        return fit(differences(data), Checks.length("start", start, bandit.dimension()).clone());
    }

    private double[] fit(double[][] diff, double[] start) {
        return DampedNewton.minimize(new DampedNewton.Objective() {
            @Override
            public double value(double[] theta) {
                return objective(theta, diff);
            }

            @Override
            public void derivatives(double[] theta, double[] g, double[] h) {
                Vpo.this.derivatives(theta, diff, g, h);
            }
        }, start);
    }

    /**
     * The gradient, and the Hessian of the convex part (all of it offline): l_BT'' + lambda I, plus
     * alpha J*'' = (alpha / beta) Phi^T (diag pi - pi pi^T) Phi when pessimistic.
     */
    private void derivatives(double[] theta, double[][] diff, double[] g, double[] hessian) {
        int d = theta.length;
        for (double[] c : diff) {
            double p = Logistic.sigmoid(-dot(theta, c));
            double curvature = p * (1 - p);
            for (int i = 0; i < d; i++) {
                g[i] -= p * c[i];
                for (int j = 0; j < d; j++) {
                    hessian[i * d + j] += curvature * c[i] * c[j];
                }
            }
        }
        double[] pi = bandit.policy(theta);
        double[] mean = new double[d];
        double[] cal = new double[d];
        for (int y = 0; y < pi.length; y++) {
            double[] phi = bandit.feature(y);
            for (int i = 0; i < d; i++) {
                mean[i] += pi[y] * phi[i];
                cal[i] += calibration[y] * phi[i];
            }
        }
        for (int i = 0; i < d; i++) {
            g[i] += RIDGE * theta[i] - sign * alpha * (mean[i] - cal[i]);
            hessian[i * d + i] += RIDGE;
        }
        if (sign < 0) {
            for (int y = 0; y < pi.length; y++) {
                double[] phi = bandit.feature(y);
                for (int i = 0; i < d; i++) {
                    for (int j = 0; j < d; j++) {
                        hessian[i * d + j] += alpha / bandit.beta() * pi[y] * (phi[i] - mean[i]) * (phi[j] - mean[j]);
                    }
                }
            }
        }
    }

    /**
     * The online loop: each round fits theta_hat on the comparisons so far (warm-started), plays
     * pi_t = pi_theta_hat, records its regret J*(r*) - J(r*, pi_t), draws a pair y, y' ~ pi_t and
     * appends the Bradley-Terry comparison.
     *
     * @return the regret of each round's policy
     */
    public double[] runOnline(int rounds, long seed) {
        if (sign < 0) {
            throw new InvalidInputException("the online loop needs optimistic VPO (Vpo.online)");
        }
        Checks.positive("rounds", rounds);
        SplittableRandom random = new SplittableRandom(seed);
        double[][] diff = new double[rounds][];
        double[] theta = new double[bandit.dimension()];
        double[] regrets = new double[rounds];
        for (int t = 0; t < rounds; t++) {
            theta = fit(Arrays.copyOf(diff, t), theta);
            double[] pi = bandit.policy(theta);
            regrets[t] = bandit.regret(pi);
            PolicySampler sampler = new PolicySampler(pi);
            diff[t] = differences(List.of(bandit.compare(sampler.draw(random), sampler.draw(random), random)))[0];
        }
        return regrets;
    }
}
