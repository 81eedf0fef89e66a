package org.saddlepoint.games.preference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.saddlepoint.solvers.InvalidInputException;
import org.saddlepoint.solvers.iteration.StoppingRule;

/**
 * The log-linear (parametric) forms of the learners, pi_w(y) ∝ exp(w^T phi(y)) (spec sections 0.1,
 * 1, 2, 3, 0.8): with one-hot features each is its tabular form, iterate by iterate; with dense
 * features spanning all policies they still reach pi*_beta; with fewer features than responses
 * they stop where the pulled-back gradient vanishes.
 */
class LogLinearTest {
    private static final int K = 10;
    private static final int UPDATES = 300;

    /** Steps both runs {@code UPDATES} times and asserts their policies agree to {@code tolerance} after each. */
    private static void assertSameIterates(PreferenceLearner tabular, PreferenceLearner logLinear, PreferenceGame g,
                                           double tolerance) {
        PreferenceLearner.Run a = tabular.iterate(g);
        PreferenceLearner.Run b = logLinear.iterate(g);
        assertArrayEquals(a.policy(), b.policy(), 1e-15, "start");
        for (int t = 1; t <= UPDATES; t++) {
            a.step();
            b.step();
            assertArrayEquals(a.policy(), b.policy(), tolerance, logLinear.name() + ", update " + t);
        }
    }

    @Test
    void oneHotFeaturesGiveTheTabularIterates() {
        LogLinearPolicy oneHot = LogLinearPolicy.oneHot(K);
        for (PreferenceGame g : PreferenceFixtures.egpoInstances(3, K, 0.1)) {
            assertSameIterates(Egpo.onlineIpo(0.1), Egpo.onlineIpo(0.1).logLinear(oneHot), g, 1e-12);
            assertSameIterates(Egpo.onlineIpoSampled(0.01, 100, 7), Egpo.onlineIpoSampled(0.01, 100, 7).logLinear(oneHot),
                    g, 1e-12);
            assertSameIterates(new NashMdPg(0.2, 0.1), new NashMdPg(0.2, 0.1).logLinear(oneHot), g, 1e-12);
            assertSameIterates(OnlineIpo.first(0.1), OnlineIpo.first(0.1).logLinear(oneHot), g, 1e-12);
            assertSameIterates(OnlineIpo.second(0.1), OnlineIpo.second(0.1).logLinear(oneHot), g, 1e-12);
            assertSameIterates(Inpo.exact(0.5), Inpo.exact(0.5).logLinear(oneHot), g, 1e-10);
            assertSameIterates(Inpo.sampled(0.5, 1000, 3), Inpo.sampled(0.5, 1000, 3).logLinear(oneHot), g, 1e-10);
        }
    }

    @Test
    void r4SgdStepOnTheWeightsIsTheMirrorStep() {
        // R4 in the parametric form: SGD on the online IPO loss in the weights of one-hot features is
        // the policy-space mirror step (OMD) and extragradient (EGPO) with eta beta = 4 lr / K
        LogLinearPolicy oneHot = LogLinearPolicy.oneHot(K);
        for (double[] setting : new double[][] {{0.1, 0.1}, {0.01, 0.02}}) {
            double eta = EgpoTest.eta(setting[1], setting[0]);
            for (PreferenceGame g : PreferenceFixtures.egpoInstances(2, K, setting[0])) {
                assertSameIterates(Egpo.policySpace(eta), Egpo.onlineIpo(setting[1]).logLinear(oneHot), g, 1e-12);
                assertSameIterates(new OnlineMirrorDescent(eta), OnlineIpo.first(setting[1]).logLinear(oneHot), g, 1e-12);
            }
        }
    }

    /** Gaussian features, scaled by 1/sqrt(d); with d = K, plus the identity (full rank, all policies). */
    private static LogLinearPolicy gaussianFeatures(int k, int d, long seed) {
        Random rng = new Random(seed);
        double[][] phi = new double[k][d];
        for (int y = 0; y < k; y++) {
            for (int i = 0; i < d; i++) {
                phi[y][i] = rng.nextGaussian() / Math.sqrt(d) + (d == k && i == y ? 1 : 0);
            }
        }
        return LogLinearPolicy.of(phi);
    }

    @Test
    void fullRankFeaturesReachTheRegularizedEquilibrium() {
        LogLinearPolicy phi = gaussianFeatures(K, K, 3);
        for (PreferenceGame g : PreferenceFixtures.egpoInstances(3, K, 0.1)) {
            double[] star = g.equilibrium().policy();
            for (PreferenceLearner learner : List.of(Egpo.onlineIpo(0.1).logLinear(phi),
                    OnlineIpo.first(0.1).logLinear(phi), OnlineIpo.second(0.1).logLinear(phi))) {
                PreferenceResult r = learner.solve(g, StoppingRule.DEFAULT.withTolerance(1e-13).withMaxIterations(40_000)
                        .withCheckInterval(100), null);
                // measured: 4300-6000 updates (EGPO, Online IPO 1), 9800-22200 (Online IPO 2)
                assertTrue(r.dualityGap() < 1e-12, learner.name() + ": gap " + r.dualityGap());
                assertArrayEquals(star, r.policy(), 1e-6);
            }
            // INPO's loss has the same minimising policy in any parametrisation that holds every policy
            PreferenceResult tabular = Inpo.exact(0.5).solve(g, EgpoTest.rule(50, 50), null);
            PreferenceResult dense = Inpo.exact(0.5).logLinear(phi).solve(g, EgpoTest.rule(50, 50), null);
            assertArrayEquals(tabular.policy(), dense.policy(), 1e-10);
        }
    }

    /** Phi^T grad L_IPO(Phi w; pi_w) at the policy's weights, as the run pulls it back. */
    private static double[] pulledBackGradient(LogLinearPolicy phi, PreferenceGame g, double[] weights) {
        double[] logPi = new double[K];
        double[] pi = new double[K];
        phi.logProbabilities(weights, logPi, pi);
        double[] logitGradient = new double[K];
        new OnlineIpoLoss(g).gradient(logPi, pi, logitGradient);
        double[] out = new double[weights.length];
        phi.descend(new double[weights.length], -1, logitGradient, out);
        return out;
    }

    @Test
    void fewerFeaturesThanResponsesStopWhereThePulledBackGradientVanishes() {
        int d = 4;
        LogLinearPolicy phi = gaussianFeatures(K, d, 5);
        for (PreferenceGame g : PreferenceFixtures.egpoInstances(3, K, 0.1)) {
            PreferenceLearner.Run egpo = Egpo.onlineIpo(0.1).logLinear(phi).iterate(g);
            PreferenceLearner.Run omd = OnlineIpo.first(0.1).logLinear(phi).iterate(g);
            for (int t = 0; t < 3000; t++) {
                egpo.step();
                omd.step();
            }
            double[] w = phi.weightsOf(egpo.policy());
            double[] grad = pulledBackGradient(phi, g, w);
            // measured: |Phi^T grad| <= 3e-15, gaps 0.214, 0.119, 0.071 (the best 4-parameter policy is not pi*_beta)
            assertArrayEquals(new double[d], grad, 1e-10);
            assertArrayEquals(egpo.policy(), omd.policy(), 1e-10);
            assertTrue(g.dualityGap(egpo.policy()) > 1e-6, "a 4-parameter policy cannot be pi*_beta");
        }
    }

    @Test
    void weightGradientIsTheFiniteDifferenceOfTheLoss() {
        LogLinearPolicy phi = gaussianFeatures(K, 4, 8);
        PreferenceGame g = PreferenceFixtures.egpoInstances(1, K, 0.1).get(0);
        double[] w = {0.3, -0.7, 1.1, 0.2};
        double[] nu = PreferenceFixtures.randomPolicy(K, new Random(1));
        double[] logPi = new double[K];
        double[] pi = new double[K];
        OnlineIpoLoss loss = new OnlineIpoLoss(g);
        phi.logProbabilities(w, logPi, pi);
        double[] logitGradient = new double[K];
        loss.gradient(logPi, nu, logitGradient);
        double[] gradient = new double[4];
        phi.descend(new double[4], -1, logitGradient, gradient);
        for (int i = 0; i < 4; i++) {
            double h = 1e-6;
            double[] up = w.clone();
            double[] down = w.clone();
            up[i] += h;
            down[i] -= h;
            phi.logProbabilities(up, logPi, pi);
            double fUp = loss.value(logPi, nu);
            phi.logProbabilities(down, logPi, pi);
            double fd = (fUp - loss.value(logPi, nu)) / (2 * h);
            assertEquals(fd, gradient[i], 1e-6 * Math.max(1, Math.abs(fd)));
        }
    }

    @Test
    void inpoLogLinearMinimiserBeatsPerturbations() {
        LogLinearPolicy phi = gaussianFeatures(K, 4, 9);
        PreferenceGame g = PreferenceFixtures.egpoInstances(1, K, 0.1).get(0);
        double[] pi = PreferenceFixtures.randomPolicy(K, new Random(4));
        InpoLoss loss = InpoLoss.expected(g, pi, 0.5);
        double[] w = loss.minimiser(phi);
        double best = loss.value(logits(phi, w));
        Random rng = new Random(2);
        for (int n = 0; n < 50; n++) {
            double[] v = w.clone();
            for (int i = 0; i < v.length; i++) {
                v[i] += 1e-3 * rng.nextGaussian();
            }
            assertTrue(loss.value(logits(phi, v)) > best, "perturbation " + n);
        }
    }

    private static double[] logits(LogLinearPolicy phi, double[] w) {
        double[] logPi = new double[phi.responses()];
        phi.logProbabilities(w, logPi, new double[phi.responses()]);
        return logPi;
    }

    @Test
    void onlineIpo2GradientIsTheFiniteDifferenceOfItsLoss() {
        PreferenceFixtures.assertLossGradient(K, 6, OnlineIpoLoss::pairWeightedGradient, OnlineIpoLoss::pairWeightedValue);
    }

    @Test
    void onlineIpo2ConvergesMoreSlowlyThanEgpoOnTheEgpoProtocol() {
        // the EGPO simulations' baseline at (beta, lr) = (0.1, 0.1): spec [computed] median 1.2e-3, 1.9e-4,
        // 9.3e-7 at t = 100, 250, 1000, worst 3.6e-3 at 250 (numpy instances); measured here 1.22e-3,
        // 1.39e-4, 1.09e-6, worst 7.9e-3 at 250 (EGPO: median 1.6e-10 at 250)
        List<Double> at100 = new ArrayList<>();
        List<Double> at250 = new ArrayList<>();
        List<Double> at1000 = new ArrayList<>();
        for (PreferenceGame g : PreferenceFixtures.egpoInstances(10, K, 0.1)) {
            PreferenceResult r = OnlineIpo.second(0.1).solve(g, EgpoTest.rule(1000, 50), null);
            at100.add(EgpoTest.at(r, 100));
            at250.add(EgpoTest.at(r, 250));
            at1000.add(EgpoTest.at(r, 1000));
            assertTrue(EgpoTest.at(r, 1000) < EgpoTest.at(r, 100) / 10, "instance " + at100.size());
        }
        assertTrue(PreferenceFixtures.max(at1000) < 1e-4, "worst at 1000: " + PreferenceFixtures.max(at1000));
        assertTrue(PreferenceFixtures.median(at250) > 1e-6, "median at 250: " + PreferenceFixtures.median(at250));
        assertTrue(PreferenceFixtures.median(at1000) < PreferenceFixtures.median(at250) / 10);
    }

    @Test
    void rejectsFeaturesThatDoNotFit() {
        PreferenceGame g = PreferenceFixtures.egpoInstances(1, K, 0.1).get(0);
        assertThrows(InvalidInputException.class, () -> Egpo.onlineIpo(0.1).logLinear(LogLinearPolicy.oneHot(K + 1)).iterate(g));
        assertThrows(InvalidInputException.class, () -> Egpo.policySpace(0.5).logLinear(LogLinearPolicy.oneHot(K)));
        assertThrows(InvalidInputException.class, () -> OnlineIpo.first(0.1).logLinear(null));
        assertThrows(InvalidInputException.class, () -> LogLinearPolicy.of(new double[][] {{1, 2}, {Double.NaN, 0}}));
        assertThrows(InvalidInputException.class, () -> LogLinearPolicy.of(new double[][] {{1, 2}, {3}}));
    }
}
