package org.saddlepoint.robust.maxmin;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.saddlepoint.solvers.Checks;
import org.saddlepoint.solvers.InvalidInputException;
import org.saddlepoint.solvers.linalg.LogSumExp;

/**
 * EM for a mixture of linear Bradley-Terry reward models over users, MaxMin-RLHF (Chakraborty et
 * al., ICML 2024), Algorithm 2 "Learning Rewards with EM": every user h belongs to one of U groups;
 * the E-step assigns users to the group whose reward explains their comparisons best (hard) or
 * computes posteriors gamma_hu proportional to eta_u prod sigma(phi_u.d) (soft), the M-step refits
 * each group's reward by weighted logistic regression. Initialisation: k-means++ (seeded) on the
 * users' own ridge fits. The tracked objective, non-decreasing across iterations, is the penalised
 * complete-data log-likelihood (hard) or the penalised marginal log-likelihood (soft), minus
 * (l2/2) sum_u ||phi_u||^2.
 */
public final class BradleyTerryMixtureEm {
    private static final int KMEANS_ROUNDS = 50;

    private BradleyTerryMixtureEm() {
    }

    /** Which E-step. */
    public enum Assignment { HARD, SOFT }

    /**
     * The fitted rewards phi[u], the posteriors gamma[h][u] (0/1 when hard), the mixture weights,
     * the objective after every iteration, and the iterations run.
     */
    public record Result(double[][] rewards, double[][] responsibilities, double[] mixtureWeights,
                         List<Double> objectiveHistory, int iterations) {
        /** The most likely group of every user. */
        public int[] assignment() {
            int[] z = new int[responsibilities.length];
            for (int h = 0; h < z.length; h++) {
                for (int u = 1; u < responsibilities[h].length; u++) {
                    if (responsibilities[h][u] > responsibilities[h][z[h]]) {
                        z[h] = u;
                    }
                }
            }
            return z;
        }
    }

    /**
     * @param users users[h][i] = psi(winner) - psi(loser) of user h's comparison i
     */
    public static Result fit(double[][][] users, int groups, Assignment assignment, double l2, int maxIterations,
                             double tolerance, long seed) {
        if (users.length < groups) {
            throw new InvalidInputException("EM needs at least as many users (" + users.length + ") as groups ("
                    + groups + ")");
        }
        Checks.positive("groups", groups);
        Checks.positive("max iterations", maxIterations);
        int dim = users[0][0].length;
        double[][] perUser = new double[users.length][];
        for (int h = 0; h < users.length; h++) {
            perUser[h] = BradleyTerryFit.fit(users[h], null, l2, null);
        }
        double[][] phi = kMeansPlusPlus(perUser, groups, new Random(seed));
        double[] eta = new double[groups];
        Arrays.fill(eta, 1.0 / groups);
        double[][] gamma = new double[users.length][groups];
        List<Double> history = new ArrayList<>();
        int it = 0;
        while (it < maxIterations) {
            it++;
            double[][] previous = copy(gamma);
            eStep(users, phi, eta, assignment, gamma);
            for (int u = 0; u < groups; u++) {
                phi[u] = mStep(users, gamma, u, l2, phi[u], dim);
                eta[u] = 0;
                for (double[] g : gamma) {
                    eta[u] += g[u] / users.length;
                }
            }
            history.add(objective(users, phi, eta, assignment, gamma, l2));
            boolean settled = assignment == Assignment.HARD ? Arrays.deepEquals(previous, gamma)
                    : history.size() > 1 && history.get(history.size() - 1) - history.get(history.size() - 2)
                    < tolerance;
            if (settled) {
                break;
            }
        }
        return new Result(phi, gamma, eta, history, it);
    }

    /** l[u] = sum_i log sigma(phi_u.d_hi) for one user. */
    static double[] groupLogLikelihoods(double[][] comparisons, double[][] phi) {
        double[] l = new double[phi.length];
        for (int u = 0; u < phi.length; u++) {
            l[u] = BradleyTerryFit.logLikelihood(phi[u], comparisons);
        }
        return l;
    }

    private static void eStep(double[][][] users, double[][] phi, double[] eta, Assignment a, double[][] gamma) {
        for (int h = 0; h < users.length; h++) {
            double[] l = groupLogLikelihoods(users[h], phi);
            Arrays.fill(gamma[h], 0);
            if (a == Assignment.HARD) {
                int best = 0;
                for (int u = 1; u < l.length; u++) {
                    best = l[u] > l[best] ? u : best;
                }
                gamma[h][best] = 1;
            } else {
                logJoint(l, eta, gamma[h]);
            }
        }
    }

    private static double[] mStep(double[][][] users, double[][] gamma, int u, double l2, double[] start, int dim) {
        int n = 0;
        for (double[][] c : users) {
            n += c.length;
        }
        double[][] all = new double[n][];
        double[] weights = new double[n];
        int i = 0;
        for (int h = 0; h < users.length; h++) {
            for (double[] d : users[h]) {
                all[i] = d;
                weights[i++] = gamma[h][u];
            }
        }
        return BradleyTerryFit.fit(all, weights, l2, start);
    }

    /**
     * log sum_u eta_u exp(l_u), the user's marginal log-likelihood; writes the posterior
     * gamma_u proportional to eta_u exp(l_u) into {@code posterior} when it is not null.
     */
    private static double logJoint(double[] l, double[] eta, double[] posterior) {
        double[] joint = new double[l.length];
        for (int u = 0; u < l.length; u++) {
            joint[u] = l[u] + Math.log(eta[u]);
        }
        return LogSumExp.softmax(joint, 1, posterior);
    }

    /** The penalised complete-data (hard) or marginal (soft) log-likelihood. */
    static double objective(double[][][] users, double[][] phi, double[] eta, Assignment a, double[][] gamma,
                            double l2) {
        double total = 0;
        for (int h = 0; h < users.length; h++) {
            double[] l = groupLogLikelihoods(users[h], phi);
            if (a == Assignment.HARD) {
                for (int u = 0; u < l.length; u++) {
                    total += gamma[h][u] * l[u];
                }
            } else {
                total += logJoint(l, eta, null);
            }
        }
        for (double[] p : phi) {
            total -= 0.5 * l2 * BradleyTerryFit.dot(p, p);
        }
        return total;
    }

    /** k-means++ seeding (Arthur and Vassilvitskii, SODA 2007) followed by Lloyd iterations. */
    static double[][] kMeansPlusPlus(double[][] points, int k, Random random) {
        double[][] centres = new double[k][];
        centres[0] = points[random.nextInt(points.length)].clone();
        for (int c = 1; c < k; c++) {
            double[] d2 = new double[points.length];
            double sum = 0;
            for (int i = 0; i < points.length; i++) {
                d2[i] = nearest(points[i], centres, c)[1];
                sum += d2[i];
            }
            double u = random.nextDouble() * sum;
            int pick = 0;
            while (pick < points.length - 1 && u >= d2[pick]) {
                u -= d2[pick++];
            }
            centres[c] = points[pick].clone();
        }
        for (int round = 0; round < KMEANS_ROUNDS; round++) {
            double[][] sums = new double[k][points[0].length];
            int[] counts = new int[k];
            for (double[] p : points) {
                int c = (int) nearest(p, centres, k)[0];
                counts[c]++;
                for (int j = 0; j < p.length; j++) {
                    sums[c][j] += p[j];
                }
            }
            for (int c = 0; c < k; c++) {
                if (counts[c] > 0) {
                    for (int j = 0; j < sums[c].length; j++) {
                        centres[c][j] = sums[c][j] / counts[c];
                    }
                }
            }
        }
        return centres;
    }

    /** {index, squared distance} of the nearest of the first {@code n} centres. */
    private static double[] nearest(double[] p, double[][] centres, int n) {
        double best = Double.POSITIVE_INFINITY;
        int at = 0;
        for (int c = 0; c < n; c++) {
            double d = 0;
            for (int j = 0; j < p.length; j++) {
                d += (p[j] - centres[c][j]) * (p[j] - centres[c][j]);
            }
            if (d < best) {
                best = d;
                at = c;
            }
        }
        return new double[] {at, best};
    }

    private static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }
}
