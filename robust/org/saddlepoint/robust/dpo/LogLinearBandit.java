package org.saddlepoint.robust.dpo;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.saddlepoint.solvers.Checks;
import org.saddlepoint.solvers.InvalidInputException;
import org.saddlepoint.solvers.linalg.LogSumExp;
import org.saddlepoint.solvers.linalg.Logistic;

/**
 * A contextual bandit with a log-linear policy class, the setting of rDPO (Chowdhury, Kini and
 * Natarajan, "Provably Robust DPO", ICML 2024, Section 3): S contexts, A actions each, features
 * phi(s, a) in R^d, policies pi_theta(a|s) proportional to exp(theta.phi(s, a)), a uniform reference
 * policy and KL strength beta. The implicit reward margin of a pair is
 * h_theta(s, a, a') = theta.(phi(s, a) - phi(s, a')) (the normaliser and the uniform reference cancel).
 * Immutable.
 */
public final class LogLinearBandit {
    private final double[][][] features;
    private final double beta;

    /** @param features features[s][a] = phi(s, a), all of one dimension; @param beta &gt; 0 */
    public LogLinearBandit(double[][][] features, double beta) {
        if (features == null || features.length == 0 || features[0].length < 2) {
            throw new InvalidInputException("a bandit needs at least one context with two actions");
        }
        this.beta = Checks.positive("beta", beta);
        int d = features[0][0].length;
        this.features = new double[features.length][][];
        for (int s = 0; s < features.length; s++) {
            this.features[s] = new double[features[s].length][];
            for (int a = 0; a < features[s].length; a++) {
                this.features[s][a] = Checks.finite("features", Checks.length("features", features[s][a], d).clone());
            }
        }
    }

    /** The spec's instance: S contexts, A actions, d Gaussian features. */
    public static LogLinearBandit gaussian(int contexts, int actions, int dimension, double beta, Random random) {
        double[][][] f = new double[contexts][actions][dimension];
        for (double[][] s : f) {
            for (double[] a : s) {
                for (int j = 0; j < dimension; j++) {
                    a[j] = random.nextGaussian();
                }
            }
        }
        return new LogLinearBandit(f, beta);
    }

    public int contexts() {
        return features.length;
    }

    public int actions(int s) {
        return features[s].length;
    }

    public int dimension() {
        return features[0][0].length;
    }

    public double beta() {
        return beta;
    }

    /** phi(s, winner) - phi(s, loser). */
    public double[] difference(PreferencePair p) {
        double[] w = features[p.context()][p.winner()];
        double[] l = features[p.context()][p.loser()];
        double[] d = new double[w.length];
        for (int j = 0; j < d.length; j++) {
            d[j] = w[j] - l[j];
        }
        return d;
    }

    /** z = beta h_theta(s, winner, loser). */
    public double margin(double[] theta, PreferencePair p) {
        double[] d = difference(p);
        double z = 0;
        for (int j = 0; j < d.length; j++) {
            z += theta[j] * d[j];
        }
        return beta * z;
    }

    /** pi_theta(.|s). */
    public double[] policy(double[] theta, int s) {
        double[] z = new double[actions(s)];
        for (int a = 0; a < z.length; a++) {
            for (int j = 0; j < theta.length; j++) {
                z[a] += theta[j] * features[s][a][j];
            }
        }
        double[] p = new double[z.length];
        LogSumExp.softmax(z, 1, p);
        return p;
    }

    /**
     * J(pi_theta) = (1/S) sum_s [E_{pi_theta} r*(s, a) - beta KL(pi_theta(.|s) || uniform)] for the true
     * reward r*(s, a) = beta thetaStar.phi(s, a), exactly over the finite action sets; maximised at
     * theta = thetaStar.
     */
    public double value(double[] theta, double[] thetaStar) {
        double total = 0;
        for (int s = 0; s < contexts(); s++) {
            double[] p = policy(theta, s);
            for (int a = 0; a < p.length; a++) {
                double r = 0;
                for (int j = 0; j < theta.length; j++) {
                    r += beta * thetaStar[j] * features[s][a][j];
                }
                if (p[a] > 0) {
                    total += p[a] * (r - beta * Math.log(p[a] * p.length));
                }
            }
        }
        return total / contexts();
    }

    /**
     * n pairs: context and two distinct actions uniform, the true label drawn from the Bradley-Terry
     * model sigma(beta h_thetaStar), then flipped with probability epsilon.
     */
    public List<PreferencePair> samplePairs(double[] thetaStar, int n, double epsilon, Random random) {
        if (!(epsilon >= 0 && epsilon < 0.5)) {
            throw new InvalidInputException("flip rate must be in [0, 1/2), got " + epsilon);
        }
        List<PreferencePair> pairs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int s = random.nextInt(contexts());
            int a = random.nextInt(actions(s));
            int b = (a + 1 + random.nextInt(actions(s) - 1)) % actions(s);
            PreferencePair p = new PreferencePair(s, a, b);
            if (random.nextDouble() >= Logistic.sigmoid(margin(thetaStar, p))) {
                p = p.flipped();
            }
            pairs.add(random.nextDouble() < epsilon ? p.flipped() : p);
        }
        return pairs;
    }
}
