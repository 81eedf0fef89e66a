package org.saddlepoint.games.preference;

import java.util.SplittableRandom;

/**
 * Pairwise comparison data as counts, wins[y][y'] = times y beat y', and what the preference models
 * share about them: sampling from a preference matrix, the logistic loss of a logit matrix, the
 * smoothed empirical logits, and the agreement of a model's majority relation with the truth.
 */
public final class ComparisonCounts {
    private ComparisonCounts() {
    }

    /** {@code perPair} Bernoulli(P[y][y']) comparisons of every unordered pair y &lt; y'. */
    public static double[][] sample(PreferenceMatrix p, int perPair, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int k = p.size();
        double[][] wins = new double[k][k];
        for (int y = 0; y < k; y++) {
            for (int z = y + 1; z < k; z++) {
                for (int m = 0; m < perPair; m++) {
                    if (rng.nextDouble() < p.get(y, z)) {
                        wins[y][z]++;
                    } else {
                        wins[z][y]++;
                    }
                }
            }
        }
        return wins;
    }

    static double total(double[][] wins) {
        double t = 0;
        for (double[] row : wins) {
            for (double w : row) {
                t += w;
            }
        }
        return t;
    }

    /** -sum wins[y][y'] log sigma(S[y][y']) / (number of comparisons). */
    public static double logisticLoss(double[][] wins, double[][] logits) {
        double s = 0;
        for (int y = 0; y < wins.length; y++) {
            for (int z = 0; z < wins.length; z++) {
                if (wins[y][z] > 0) {
                    double m = logits[y][z];
                    s += wins[y][z] * (m > 0 ? Math.log1p(Math.exp(-m)) : -m + Math.log1p(Math.exp(m)));
                }
            }
        }
        return s / total(wins);
    }

    /** log((wins[y][y'] + 1/2) / (wins[y'][y] + 1/2)): skew-symmetric, finite. */
    static double[][] smoothedLogits(double[][] wins) {
        int k = wins.length;
        double[][] s = new double[k][k];
        for (int y = 0; y < k; y++) {
            for (int z = 0; z < k; z++) {
                s[y][z] = y == z ? 0 : Math.log((wins[y][z] + 0.5) / (wins[z][y] + 0.5));
            }
        }
        return s;
    }

    /**
     * The fraction of pairs y &lt; y' with truth[y][y'] != 0 on which sign(fitted[y][y']) agrees:
     * the accuracy of the fitted majority relation.
     */
    public static double agreement(double[][] fitted, double[][] truth) {
        int agree = 0;
        int pairs = 0;
        for (int y = 0; y < truth.length; y++) {
            for (int z = y + 1; z < truth.length; z++) {
                if (truth[y][z] != 0) {
                    pairs++;
                    agree += Math.signum(fitted[y][z]) == Math.signum(truth[y][z]) ? 1 : 0;
                }
            }
        }
        return pairs == 0 ? 1 : (double) agree / pairs;
    }
}
