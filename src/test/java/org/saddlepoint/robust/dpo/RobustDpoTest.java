package org.saddlepoint.robust.dpo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.saddlepoint.solvers.InvalidInputException;
import org.saddlepoint.solvers.linalg.Logistic;
import org.saddlepoint.solvers.smooth.PreferenceLoss;

class RobustDpoTest {
    static double[] thetaStar(int d, Random r) {
        double[] t = new double[d];
        double norm = 0;
        for (int j = 0; j < d; j++) {
            t[j] = r.nextGaussian();
            norm += t[j] * t[j];
        }
        for (int j = 0; j < d; j++) {
            t[j] *= 2 / Math.sqrt(norm);
        }
        return t;
    }

    static double distance(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            s += (a[j] - b[j]) * (a[j] - b[j]);
        }
        return Math.sqrt(s);
    }

    @Test
    void expectedRobustLossOverFlipsIsTheCleanLoss() {
        Random r = new Random(1);
        for (int trial = 0; trial < 1000; trial++) {
            double z = 6 * r.nextGaussian();
            double eps = 0.49 * r.nextDouble();
            PreferenceLoss robust = PreferenceLoss.robust(eps);
            double expected = (1 - eps) * robust.value(z) + eps * robust.value(-z);
            assertEquals(PreferenceLoss.dpo().value(z), expected, 1e-12 * Math.max(1, Math.abs(z)) / (1 - 2 * eps));
            assertEquals(Logistic.softplus(-z) - eps * z / (1 - 2 * eps), robust.value(z), 1e-12 * Math.max(1, Math.abs(z)));
        }
    }

    @Test
    void expectedRobustLossOverFlipsIsTheCleanLossOnABanditForRandomTheta() {
        Random r = new Random(2);
        LogLinearBandit bandit = LogLinearBandit.gaussian(4, 5, 3, 1, r);
        for (int trial = 0; trial < 50; trial++) {
            double[] theta = thetaStar(3, r);
            PreferencePair p = new PreferencePair(r.nextInt(4), 0, 1 + r.nextInt(4));
            double eps = 0.4 * r.nextDouble();
            PreferenceLoss robust = PreferenceLoss.robust(eps);
            double onFlips = (1 - eps) * robust.value(bandit.margin(theta, p))
                    + eps * robust.value(bandit.margin(theta, p.flipped()));
            assertEquals(PreferenceLoss.dpo().value(bandit.margin(theta, p)), onFlips, 1e-12);
        }
    }

    @Test
    void derivativesMatchFiniteDifferences() {
        for (PreferenceLoss loss : new PreferenceLoss[] {PreferenceLoss.dpo(), PreferenceLoss.robust(0.3),
            PreferenceLoss.conservative(0.2)}) {
            for (double z = -5; z <= 5; z += 0.37) {
                double fd = (loss.value(z + 1e-6) - loss.value(z - 1e-6)) / 2e-6;
                assertEquals(fd, loss.derivative(z), 1e-8, loss + " at " + z);
            }
        }
    }

    @Test
    void populationGradientOfRobustDpoVanishesAtTheTrueParameterAndDposDoesNot() {
        Random r = new Random(3);
        LogLinearBandit bandit = LogLinearBandit.gaussian(3, 4, 2, 1, r);
        double[] star = thetaStar(2, r);
        double eps = 0.3;
        double[] robust = new double[2];
        double[] plain = new double[2];
        for (int s = 0; s < 3; s++) {
            for (int a = 0; a < 4; a++) {
                for (int b = a + 1; b < 4; b++) {
                    PreferencePair ab = new PreferencePair(s, a, b);
                    double pTrue = Logistic.sigmoid(bandit.margin(star, ab));
                    double pObserved = (1 - eps) * pTrue + eps * (1 - pTrue); // P(observed a > b)
                    for (PreferencePair obs : List.of(ab, ab.flipped())) {
                        double prob = obs == ab ? pObserved : 1 - pObserved;
                        double z = bandit.margin(star, obs);
                        double[] d = bandit.difference(obs);
                        for (int j = 0; j < 2; j++) {
                            robust[j] += prob * PreferenceLoss.robust(eps).derivative(z) * d[j];
                            plain[j] += prob * PreferenceLoss.dpo().derivative(z) * d[j];
                        }
                    }
                }
            }
        }
        assertEquals(0, robust[0], 1e-12);
        assertEquals(0, robust[1], 1e-12);
        assertTrue(Math.hypot(plain[0], plain[1]) > 1e-2, "DPO on noisy labels is biased at theta*");
    }

    /** Mean ||theta_hat - theta*|| over seeds, for the spec's bandit (20 contexts, 10 actions, d = 8). */
    static double[] meanErrors(int n, double eps, int seeds) {
        double[] err = new double[3];
        for (int seed = 0; seed < seeds; seed++) {
            Random r = new Random(100 + seed);
            LogLinearBandit bandit = LogLinearBandit.gaussian(20, 10, 8, 1, r);
            double[] star = thetaStar(8, r);
            List<PreferencePair> pairs = bandit.samplePairs(star, n, eps, r);
            err[0] += distance(PreferenceFit.fit(bandit, pairs, PreferenceLoss.robust(eps), 1e-4).theta(), star) / seeds;
            err[1] += distance(PreferenceFit.fit(bandit, pairs, PreferenceLoss.dpo(), 1e-4).theta(), star) / seeds;
            err[2] += distance(PreferenceFit.fit(bandit, pairs, PreferenceLoss.conservative(eps), 1e-4).theta(), star)
                    / seeds;
        }
        return err;
    }

    @Test
    void robustDpoApproachesTheTrueParameterWhileDpoStaysBiased() {
        double eps = 0.3;
        double[] small = meanErrors(2000, eps, 10);
        double[] large = meanErrors(8000, eps, 10);
        // rDPO's error falls with n (it is unbiased); DPO's stays at its bias (shrinkage by about 1 - 2 eps).
        // Measured (10 seeds): rDPO 4.14 -> 0.40, DPO 1.58 -> 1.58; at n = 500 rDPO is 11.4: with l2 = 1e-4
        // its linear term -eps z / (1 - 2 eps) lets theta run off on small samples.
        assertTrue(small[0] / large[0] > 2, "rDPO errors " + small[0] + " -> " + large[0]);
        assertTrue(Math.abs(small[1] / large[1] - 1) < 0.1, "DPO errors " + small[1] + " -> " + large[1]);
        assertTrue(large[0] < large[1] && large[0] < large[2], "at n = 8000 rDPO beats DPO and cDPO: "
                + java.util.Arrays.toString(large));
    }

    @Test
    void robustDpoPolicyHasASmallerValueGapThanDpo() {
        Random r = new Random(7);
        LogLinearBandit bandit = LogLinearBandit.gaussian(20, 10, 8, 1, r);
        double[] star = thetaStar(8, r);
        List<PreferencePair> pairs = bandit.samplePairs(star, 8000, 0.3, r);
        double best = bandit.value(star, star);
        double gapRobust = best - bandit.value(PreferenceFit.fit(bandit, pairs, PreferenceLoss.robust(0.3), 1e-4).theta(), star);
        double gapPlain = best - bandit.value(PreferenceFit.fit(bandit, pairs, PreferenceLoss.dpo(), 1e-4).theta(), star);
        assertTrue(gapRobust >= 0 && gapPlain >= 0);
        assertTrue(gapRobust < gapPlain, "value gaps rDPO " + gapRobust + " DPO " + gapPlain);
    }

    @Test
    void lcpoLikelihoodNeverFallsAndStaysBelowTheDirectMaximum() {
        Random r = new Random(11);
        LogLinearBandit bandit = LogLinearBandit.gaussian(20, 10, 8, 1, r);
        double[] star = thetaStar(8, r);
        List<PreferencePair> pairs = bandit.samplePairs(star, 2000, 0.3, r);
        LcpoEm.Result em = LcpoEm.fit(bandit, pairs, 0.1, LcpoEm.MStep.SYMMETRIC, 1e-4, 12, 1e-12);
        for (int i = 1; i < em.logLikelihood().size(); i++) {
            assertTrue(em.logLikelihood().get(i) >= em.logLikelihood().get(i - 1) - 1e-9, "step " + i);
        }
        double[] direct = directMaximum(bandit, pairs, 1e-4);
        assertTrue(em.logLikelihood().get(em.logLikelihood().size() - 1) <= direct[0] + 1e-6);
        for (double q : em.correctness()) {
            assertTrue(q > 0 && q < 1);
        }
    }

    @Test
    void lcpoFixedPointIsTheMaximiserOfTheMarginalLikelihood() {
        Random r = new Random(12);
        LogLinearBandit bandit = LogLinearBandit.gaussian(10, 6, 4, 1, r);
        double[] star = thetaStar(4, r);
        List<PreferencePair> pairs = bandit.samplePairs(star, 3000, 0.25, r);
        double l2 = 1e-4;
        double[] theta = new double[4];
        double[] direct = directMaximum(bandit, pairs, l2, theta);
        // one EM iteration from the direct maximiser stays there: EM's fixed points are the likelihood's
        // stationary points
        LcpoEm.Result em = LcpoEm.fit(bandit, pairs, theta, direct[1], LcpoEm.MStep.SYMMETRIC, l2, 1, 1e-12);
        assertEquals(direct[1], em.noiseRate(), 1e-6);
        assertEquals(0, distance(theta, em.theta()), 1e-5);
        assertEquals(direct[0], em.logLikelihood().get(0), 1e-8 * Math.abs(direct[0]));
    }

    /**
     * Independent reference: direct maximisation of the penalised marginal log-likelihood over
     * (theta, logit eta) by L-BFGS; returns {value, eta}.
     */
    static double[] directMaximum(LogLinearBandit bandit, List<PreferencePair> pairs, double l2) {
        return directMaximum(bandit, pairs, l2, new double[bandit.dimension()]);
    }

    /** As above, writing the maximising theta into {@code thetaOut}. */
    static double[] directMaximum(LogLinearBandit bandit, List<PreferencePair> pairs, double l2, double[] thetaOut) {
        int n = pairs.size();
        int d = bandit.dimension();
        double[] start = new double[d + 1];
        start[d] = Math.log(0.1 / 0.9);
        org.saddlepoint.solvers.smooth.Lbfgs.Minimum min = org.saddlepoint.solvers.smooth.Lbfgs.minimize((v, g) -> {
            double[] theta = java.util.Arrays.copyOf(v, d);
            double eta = Logistic.sigmoid(v[d]);
            double f = -LcpoEm.marginalLogLikelihood(bandit, pairs, theta, eta);
            java.util.Arrays.fill(g, 0);
            for (PreferencePair p : pairs) {
                double s = Logistic.sigmoid(bandit.margin(theta, p));
                double m = (1 - eta) * s + eta * (1 - s);
                double[] diff = bandit.difference(p);
                for (int j = 0; j < d; j++) {
                    g[j] -= (1 - 2 * eta) * s * (1 - s) * bandit.beta() * diff[j] / m;
                }
                g[d] -= (1 - 2 * s) / m * eta * (1 - eta);
            }
            for (int j = 0; j < d; j++) {
                f += 0.5 * n * l2 * theta[j] * theta[j];
                g[j] += n * l2 * theta[j];
            }
            return f;
        }, start, 1e-9, 100_000);
        System.arraycopy(min.point(), 0, thetaOut, 0, d);
        return new double[] {-min.value(), Logistic.sigmoid(min.point()[d])};
    }

    @Test
    void badParametersAreTypedErrors() {
        assertThrows(InvalidInputException.class, () -> PreferenceLoss.robust(0.5));
        assertThrows(InvalidInputException.class, () -> PreferenceLoss.robust(-0.1));
        LogLinearBandit bandit = LogLinearBandit.gaussian(2, 3, 2, 1, new Random(1));
        assertThrows(InvalidInputException.class, () -> bandit.samplePairs(new double[2], 10, 0.6, new Random(1)));
        assertThrows(InvalidInputException.class, () -> PreferenceFit.fit(bandit, new ArrayList<>(),
                PreferenceLoss.dpo(), 0));
        assertThrows(InvalidInputException.class, () -> LcpoEm.fit(bandit, List.of(new PreferencePair(0, 0, 1)), 0.7,
                LcpoEm.MStep.SYMMETRIC, 0, 10, 1e-9));
    }
}
