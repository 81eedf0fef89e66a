package org.saddlepoint.games.preference;

import org.saddlepoint.solvers.linalg.Logistic;

/**
 * The Bradley-Terry model (Bradley and Terry, Biometrika 1952) fitted to comparison counts:
 * P(y beats y') = sigma(r_y - r_y'), maximum likelihood by gradient descent with backtracking on
 * the logistic loss (rewards centred: they are defined up to a shift). A scalar reward is
 * transitive, so on a preference cycle it gets at least one pair wrong: the baseline GPM beats.
 */
public final class BradleyTerryModel {
    private BradleyTerryModel() {
    }

    /** The maximum-likelihood rewards for {@code wins[y][y']} (times y beat y'). */
    public static double[] fit(double[][] wins, int iterations) {
        int k = wins.length;
        double[] r = new double[k];
        double loss = ComparisonCounts.logisticLoss(wins, logits(r));
        double total = ComparisonCounts.total(wins);
        double step = 1;
        for (int it = 0; it < iterations; it++) {
            double[] g = new double[k];
            for (int y = 0; y < k; y++) {
                for (int z = 0; z < k; z++) {
                    double q = wins[y][z] * Logistic.sigmoid(r[z] - r[y]) / total;
                    g[y] -= q;
                    g[z] += q;
                }
            }
            double[] trial = r;
            double trialLoss = Double.POSITIVE_INFINITY;
            for (int h = 0; h < 40 && !(trialLoss < loss); h++, step *= 0.5) {
                trial = new double[k];
                for (int y = 0; y < k; y++) {
                    trial[y] = r[y] - step * g[y];
                }
                trialLoss = ComparisonCounts.logisticLoss(wins, logits(trial));
            }
            if (!(trialLoss < loss)) {
                break;
            }
            r = trial;
            loss = trialLoss;
            step *= 2;
        }
        double mean = 0;
        for (double v : r) {
            mean += v / k;
        }
        for (int y = 0; y < k; y++) {
            r[y] -= mean;
        }
        return r;
    }

    /** S[y][y'] = r_y - r_y'. */
    public static double[][] logits(double[] rewards) {
        int k = rewards.length;
        double[][] s = new double[k][k];
        for (int y = 0; y < k; y++) {
            for (int z = 0; z < k; z++) {
                s[y][z] = rewards[y] - rewards[z];
            }
        }
        return s;
    }
}
