package org.saddlepoint.robust.maxmin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.saddlepoint.solvers.iteration.IterationListener;
import org.saddlepoint.solvers.linalg.Logistic;

class BradleyTerryMixtureEmTest {
    /** psi(y) = (sentiment, brevity) of the 8 responses of {@link MaxMinDualTest#twoGroupBandit}. */
    static double[][] features() {
        double[][] psi = new double[8][];
        for (int y = 0; y < 8; y++) {
            psi[y] = new double[] {y % 4, 3 * (y / 4) - 0.5 * (y % 4)};
        }
        return psi;
    }

    static final double[][] TRUE_PHI = {{1, 0}, {0, 1}};

    /** The spec's instance: {@code majority} users of group 0 then {@code minority} of group 1, BT comparisons. */
    static double[][][] users(int majority, int minority, int comparisons, long seed) {
        Random r = new Random(seed);
        double[][] psi = features();
        double[][][] out = new double[majority + minority][comparisons][];
        for (int h = 0; h < out.length; h++) {
            double[] phi = TRUE_PHI[h < majority ? 0 : 1];
            for (int i = 0; i < comparisons; i++) {
                int a = r.nextInt(8);
                int b = (a + 1 + r.nextInt(7)) % 8;
                double[] d = {psi[a][0] - psi[b][0], psi[a][1] - psi[b][1]};
                boolean aWins = r.nextDouble() < Logistic.sigmoid(BradleyTerryFit.dot(phi, d));
                out[h][i] = aWins ? d : new double[] {-d[0], -d[1]};
            }
        }
        return out;
    }

    private static double recovery(int[] z, int majority) {
        int agree = 0;
        for (int h = 0; h < z.length; h++) {
            agree += z[h] == (h < majority ? 0 : 1) ? 1 : 0;
        }
        return Math.max(agree, z.length - agree) / (double) z.length;
    }

    private static void assertMonotone(List<Double> history) {
        for (int i = 1; i < history.size(); i++) {
            assertTrue(history.get(i) >= history.get(i - 1) - 1e-8 * Math.abs(history.get(i - 1)),
                    "objective fell at iteration " + (i + 1) + ": " + history);
        }
    }

    @Test
    void emRecoversTheGroupsOfTheTwoGroupInstance() {
        for (BradleyTerryMixtureEm.Assignment a : BradleyTerryMixtureEm.Assignment.values()) {
            for (long seed = 1; seed <= 3; seed++) {
                double[][][] users = users(90, 10, 50, seed);
                BradleyTerryMixtureEm.Result fit = BradleyTerryMixtureEm.fit(users, 2, a, 1e-3, 100, 1e-9, seed);
                double acc = recovery(fit.assignment(), 90);
                assertTrue(acc >= 0.95, a + " seed " + seed + ": recovery " + acc);
                assertMonotone(fit.objectiveHistory());
            }
        }
    }

    @Test
    void singleRewardOnPooledDataIsTheMixtureCompromise() {
        // Spec 2.2: 90 % prefer A with P = 0.9, 10 % prefer B with P = 0.9: pooled P(A > B) = 0.82
        double[] phi = BradleyTerryFit.fit(new double[][] {{1}, {-1}}, new double[] {0.82, 0.18}, 0, null);
        assertEquals(Math.log(0.82 / 0.18), phi[0], 1e-9);
    }

    @Test
    void maxMinPolicyServesTheMinorityBetterThanTheSingleRewardPolicy() {
        double[][][] users = users(90, 10, 50, 7);
        BradleyTerryMixtureEm.Result em = BradleyTerryMixtureEm.fit(users, 2,
                BradleyTerryMixtureEm.Assignment.HARD, 1e-3, 100, 1e-9, 7);
        int n = 0;
        for (double[][] u : users) {
            n += u.length;
        }
        double[][] pooled = new double[n][];
        int i = 0;
        for (double[][] u : users) {
            for (double[] d : u) {
                pooled[i++] = d;
            }
        }
        double[] single = BradleyTerryFit.fit(pooled, null, 1e-3, null);
        double[][] psi = features();
        double beta = 0.5;
        MaxMinProblem truth = MaxMinDualTest.twoGroupBandit(beta);
        MaxMinProblem recovered = MaxMinProblem.singlePrompt(rewards(em.rewards(), psi), beta);
        MaxMinProblem singleReward = MaxMinProblem.singlePrompt(rewards(new double[][] {single}, psi), beta);
        double[][] piSingle = singleReward.gibbsPolicy(new double[] {1});
        double[][] piMaxMin = MaxMinDual.solve(recovered, MaxMinDualTest.EXACT, IterationListener.NONE).policy();
        int minority = em.assignment()[95]; // the recovered label of a minority user
        assertTrue(truth.objective(1, piSingle) < truth.objective(1, piMaxMin),
                "minority: single " + truth.objective(1, piSingle) + " maxmin " + truth.objective(1, piMaxMin)
                        + " (recovered minority label " + minority + ")");
        assertTrue(truth.worstObjective(piMaxMin) >= truth.worstObjective(piSingle));
    }

    private static double[][] rewards(double[][] phi, double[][] psi) {
        double[][] r = new double[phi.length][psi.length];
        for (int u = 0; u < phi.length; u++) {
            for (int y = 0; y < psi.length; y++) {
                r[u][y] = BradleyTerryFit.dot(phi[u], psi[y]);
            }
        }
        return r;
    }

    @Test
    void hardEmFixedPointIsALocalOptimumAndEnumerationBoundsIt() {
        double[][][] users = users(8, 4, 12, 11);
        double l2 = 1e-2;
        BradleyTerryMixtureEm.Result em = BradleyTerryMixtureEm.fit(users, 2,
                BradleyTerryMixtureEm.Assignment.HARD, l2, 100, 1e-9, 11);
        int[] z = em.assignment();
        double emValue = completeData(users, z, l2);
        assertEquals(em.objectiveHistory().get(em.objectiveHistory().size() - 1), emValue, 1e-6);
        double global = Double.NEGATIVE_INFINITY;
        for (int mask = 0; mask < 1 << users.length; mask++) {
            int[] zz = new int[users.length];
            for (int h = 0; h < users.length; h++) {
                zz[h] = (mask >> h) & 1;
            }
            double v = completeData(users, zz, l2);
            global = Math.max(global, v);
            if (Integer.bitCount(mask ^ encode(z)) == 1) {
                assertTrue(v <= emValue + 1e-6, "moving one user improves the EM fixed point");
            }
        }
        assertTrue(global >= emValue - 1e-9);
    }

    private static int encode(int[] z) {
        int m = 0;
        for (int h = 0; h < z.length; h++) {
            m |= z[h] << h;
        }
        return m;
    }

    /** max over rewards of the penalised complete-data log-likelihood of assignment z. */
    private static double completeData(double[][][] users, int[] z, double l2) {
        double total = 0;
        for (int u = 0; u < 2; u++) {
            java.util.List<double[]> mine = new java.util.ArrayList<>();
            for (int h = 0; h < users.length; h++) {
                if (z[h] == u) {
                    mine.addAll(java.util.Arrays.asList(users[h]));
                }
            }
            if (mine.isEmpty()) {
                continue;
            }
            double[][] d = mine.toArray(new double[0][]);
            double[] phi = BradleyTerryFit.fit(d, null, l2, null);
            total += BradleyTerryFit.logLikelihood(phi, d) - 0.5 * l2 * BradleyTerryFit.dot(phi, phi);
        }
        return total;
    }
}
