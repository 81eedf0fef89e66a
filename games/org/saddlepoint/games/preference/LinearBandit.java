package org.saddlepoint.games.preference;

import java.util.SplittableRandom;

import org.saddlepoint.solvers.Checks;
import org.saddlepoint.solvers.InvalidInputException;
import org.saddlepoint.solvers.linalg.Logistic;

/**
 * A KL-regularized linear contextual bandit with Bradley-Terry feedback, the setting of VPO (Cen et
 * al., "Value-Incentivized Preference Optimization", ICLR 2025) and RPO (Liu et al., NeurIPS 2024)
 * on one prompt: K responses with features phi(y) in R^d, the true reward r*(y) = theta*^T phi(y),
 * a comparison of y and y' is won by y with probability sigma(r*(y) - r*(y')). The value of a policy
 * is J(r*, pi) = E_pi r* - beta KL(pi || mu); the best value is J*(r*) = beta LSE_mu(r* / beta),
 * reached by pi_{r*} = softmax(log mu + r* / beta). The regret of pi, J*(r*) - J(r*, pi), equals
 * beta KL(pi || pi_{r*}) [derived]. Immutable.
 */
public final class LinearBandit {
    private final double[][] features;
    private final double[] thetaStar;
    private final double[] reference;
    private final double beta;

    private LinearBandit(double[][] features, double[] thetaStar, double[] reference, double beta) {
        this.features = features;
        this.thetaStar = thetaStar;
        this.reference = reference;
        this.beta = beta;
    }

    /**
     * @param features  K rows of d finite features
     * @param thetaStar the true reward parameter, d entries
     * @param reference mu, K entries &gt; 0 summing to 1
     * @param beta      KL strength, &gt; 0
     */
    public static LinearBandit of(double[][] features, double[] thetaStar, double[] reference, double beta) {
        if (features == null || features.length == 0) {
            throw new InvalidInputException("a linear bandit needs at least one response");
        }
        int d = Checks.positive("feature dimension", features[0].length);
        double[][] phi = new double[features.length][];
        for (int y = 0; y < features.length; y++) {
            phi[y] = Checks.finite("features[" + y + "]", Checks.length("features[" + y + "]", features[y], d)).clone();
        }
        double[] mu = PreferenceGame.checkPolicy("reference policy", reference, phi.length);
        for (int y = 0; y < mu.length; y++) {
            if (!(mu[y] > 0)) {
                throw new InvalidInputException("reference policy must have full support: mu[" + y + "] = " + mu[y]);
            }
        }
        double[] star = Checks.finite("theta*", Checks.length("theta*", thetaStar, d)).clone();
        return new LinearBandit(phi, star, mu, Checks.positive("beta", beta));
    }

    /** Features N(0, I), theta* uniform on the unit sphere, mu uniform. */
    public static LinearBandit random(int d, int k, double beta, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] phi = new double[k][d];
        for (double[] row : phi) {
            for (int i = 0; i < d; i++) {
                row[i] = gaussian(rng);
            }
        }
        double[] star = new double[d];
        double norm = 0;
        for (int i = 0; i < d; i++) {
            star[i] = gaussian(rng);
            norm += star[i] * star[i];
        }
        for (int i = 0; i < d; i++) {
            star[i] /= Math.sqrt(norm);
        }
        return of(phi, star, PreferenceGame.uniform(k), beta);
    }

    /** A standard normal draw (Box-Muller). */
    static double gaussian(SplittableRandom rng) {
        return Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
    }

    public int responses() {
        return features.length;
    }

    public int dimension() {
        return thetaStar.length;
    }

    public double beta() {
        return beta;
    }

    public double[] reference() {
        return reference.clone();
    }

    public double[] thetaStar() {
        return thetaStar.clone();
    }

    /** phi(y) (a copy). */
    public double[] feature(int y) {
        return features[y].clone();
    }

    /** r_theta(y) = theta^T phi(y) for every response. */
    public double[] rewards(double[] theta) {
        double[] r = new double[features.length];
        for (int y = 0; y < r.length; y++) {
            double s = 0;
            for (int i = 0; i < theta.length; i++) {
                s += theta[i] * features[y][i];
            }
            r[y] = s;
        }
        return r;
    }

    /** pi_theta = softmax(log mu + r_theta / beta): the optimal policy for the reward r_theta. */
    public double[] policy(double[] theta) {
        double[] r = rewards(theta);
        for (int y = 0; y < r.length; y++) {
            r[y] = Math.log(reference[y]) + r[y] / beta;
        }
        double[] pi = new double[r.length];
        Softmax.normalise(r, pi);
        return pi;
    }

    /** J*(r_theta) = beta LSE_mu(r_theta / beta). */
    public double optimalValue(double[] theta) {
        double[] r = rewards(theta);
        for (int y = 0; y < r.length; y++) {
            r[y] = Math.log(reference[y]) + r[y] / beta;
        }
        return beta * Softmax.logSumExp(r);
    }

    /** J(r*, pi) = E_pi r* - beta KL(pi || mu). */
    public double value(double[] policy) {
        double[] r = rewards(thetaStar);
        double s = 0;
        for (int y = 0; y < r.length; y++) {
            s += policy[y] * r[y];
        }
        return s - beta * Softmax.kl(policy, reference);
    }

    /** J*(r*) - J(r*, pi) &gt;= 0. */
    public double regret(double[] policy) {
        return Math.max(optimalValue(thetaStar) - value(policy), 0.0);
    }

    /** One Bradley-Terry comparison of y and y' under r*: {winner, loser}. */
    public int[] compare(int y, int other, SplittableRandom random) {
        double[] r = rewards(thetaStar);
        boolean yWins = random.nextDouble() < Logistic.sigmoid(r[y] - r[other]);
        return yWins ? new int[] {y, other} : new int[] {other, y};
    }
}
