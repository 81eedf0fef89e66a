package org.saddlepoint.solvers.regret;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.saddlepoint.solvers.InvalidInputException;

/** Regret bounds from the papers, reference transcriptions, numerical robustness, bad input. */
class LearnersTest {
    private static final int ROUNDS = 2000;
    private static final double LO = -2;
    private static final double HI = 3;

    /** The three sequences of every bound test, for n actions; each round of each has spread &lt;= HI - LO. */
    static Stream<Arguments> sequences() {
        List<Arguments> out = new ArrayList<>();
        for (int n : new int[] {2, 5, 30}) {
            int size = n;
            out.add(Arguments.of(n, "random", (Supplier<OnlinePlay.Adversary>) () -> OnlinePlay.random(17L * size, size, LO, HI)));
            out.add(Arguments.of(n, "least likely wins", (Supplier<OnlinePlay.Adversary>) () -> OnlinePlay.rewardLeastLikely(size)));
            out.add(Arguments.of(n, "oscillating", (Supplier<OnlinePlay.Adversary>) () -> OnlinePlay.oscillating(size)));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "n={0}, {1}")
    @MethodSource("sequences")
    void regretMatchingMeetsBlackwellBound(int n, String label, Supplier<OnlinePlay.Adversary> adversary) {
        OnlinePlay run = OnlinePlay.play(new RegretMatching(n), adversary.get(), ROUNDS);
        assertTrue(run.regret <= Math.sqrt(run.sumSquaredRegret), label + ": " + run.regret);
        assertTrue(run.regret <= run.spread * Math.sqrt(n * (double) ROUNDS), label + ": " + run.regret);
    }

    @ParameterizedTest(name = "n={0}, {1}")
    @MethodSource("sequences")
    void regretMatchingPlusMeetsBlackwellBound(int n, String label, Supplier<OnlinePlay.Adversary> adversary) {
        OnlinePlay run = OnlinePlay.play(new RegretMatchingPlus(n), adversary.get(), ROUNDS);
        assertTrue(run.regret <= Math.sqrt(run.sumSquaredRegret), label + ": " + run.regret);
        assertTrue(run.regret <= run.spread * Math.sqrt(n * (double) ROUNDS), label + ": " + run.regret);
    }

    @ParameterizedTest(name = "n={0}, {1}")
    @MethodSource("sequences")
    void predictiveRegretMatchingPlusMeetsPredictiveBound(int n, String label, Supplier<OnlinePlay.Adversary> adversary) {
        OnlinePlay run = OnlinePlay.play(new PredictiveRegretMatchingPlus(n), adversary.get(), ROUNDS);
        assertTrue(run.regret <= Math.sqrt(run.sumSquaredPredictionError), label + ": " + run.regret);
        assertTrue(run.regret <= 2 * run.spread * Math.sqrt(n * (double) ROUNDS), label + ": " + run.regret);
    }

    @ParameterizedTest(name = "n={0}, {1}")
    @MethodSource("sequences")
    void fixedHedgeMeetsHoeffdingBound(int n, String label, Supplier<OnlinePlay.Adversary> adversary) {
        double range = HI - LO;
        for (double eta : new double[] {Math.sqrt(8 * Math.log(n) / ROUNDS) / range, 0.3}) {
            OnlinePlay run = OnlinePlay.play(Hedge.fixed(n, eta), adversary.get(), ROUNDS);
            double bound = Math.log(n) / eta + eta * ROUNDS * run.spread * run.spread / 8;
            assertTrue(run.regret <= bound, label + ", eta " + eta + ": " + run.regret + " > " + bound);
        }
    }

    @ParameterizedTest(name = "n={0}, {1}")
    @MethodSource("sequences")
    void adaptiveHedgeMeetsAnytimeBound(int n, String label, Supplier<OnlinePlay.Adversary> adversary) {
        OnlinePlay run = OnlinePlay.play(Hedge.adaptive(n), adversary.get(), ROUNDS);
        double bound = run.spread * (2 * Math.sqrt(ROUNDS / 2.0 * Math.log(n)) + Math.sqrt(Math.log(n) / 8));
        assertTrue(run.regret <= bound, label + ": " + run.regret + " > " + bound);
    }

    /** Each learner against a reference transcription of its paper's update, on random utilities. */
    @Test
    void learnersFollowTheirPapersUpdates() {
        int n = 6;
        assertFollows(Hedge.fixed(n, 0.1), new HedgeReference(n, 0.1), n);
        assertFollows(Hedge.adaptive(n), new HedgeReference(n, Double.NaN), n);
        assertFollows(new RegretMatching(n), new RegretMatchingFromHistory(n), n);
        assertFollows(new RegretMatchingPlus(n), new RegretMatchingPlusReference(n), n);
        assertFollows(new PredictiveRegretMatchingPlus(n), new PredictiveRegretMatchingPlusInLosses(n), n);
    }

    private static void assertFollows(RegretMinimizer learner, Reference reference, int n) {
        Random rng = new Random(5);
        for (int t = 1; t <= 200; t++) {
            assertArrayEquals(reference.strategy(), learner.strategy(), 1e-12, learner.name() + ", round " + t);
            double[] u = new double[n];
            for (int i = 0; i < n; i++) {
                u[i] = rng.nextDouble() * 2 - 0.5;
            }
            reference.observe(u);
            learner.observe(u);
        }
    }

    @Test
    void hedgeHandlesUtilitiesOfSizeOneMillion() {
        // 1e6 + k/1024 and all their partial sums are exact doubles, so the cumulative utilities
        // differ by exactly the small parts: the reference is a plain softmax of those.
        int n = 5;
        double eta = 0.05;
        Hedge hedge = Hedge.fixed(n, eta);
        double[] small = new double[n];
        Random rng = new Random(11);
        for (int t = 1; t <= 300; t++) {
            double[] u = new double[n];
            for (int i = 0; i < n; i++) {
                double part = rng.nextInt(1024) / 1024.0;
                small[i] += part;
                u[i] = 1e6 + part;
            }
            hedge.observe(u);
            assertArrayEquals(naiveSoftmax(small, eta), hedge.strategy(), 1e-13, "round " + t);
        }
    }

    @Test
    void everyLearnerStaysFiniteWithMillionSizedUtilities() {
        int n = 4;
        for (RegretMinimizer learner : List.of(Hedge.fixed(n, 1.0), Hedge.adaptive(n), new RegretMatching(n),
                new RegretMatchingPlus(n), new PredictiveRegretMatchingPlus(n))) {
            OnlinePlay run = OnlinePlay.play(learner, OnlinePlay.random(3, n, -1e6, 1e6), 500);
            assertTrue(Double.isFinite(run.regret), learner.name());
        }
        Hedge hedge = Hedge.fixed(2, 1.0);
        hedge.observe(new double[] {1e6, -1e6});
        assertArrayEquals(new double[] {1.0, 0.0}, hedge.strategy(), 0.0);
    }

    static Stream<IntFunction<RegretMinimizer>> learners() {
        return Stream.of(n -> Hedge.fixed(n, 0.5), Hedge::adaptive, RegretMatching::new, RegretMatchingPlus::new,
                PredictiveRegretMatchingPlus::new);
    }

    @ParameterizedTest
    @MethodSource("learners")
    void badUtilitiesAreRejectedAndLeaveTheLearnerUntouched(IntFunction<RegretMinimizer> factory) {
        RegretMinimizer learner = factory.apply(3);
        learner.observe(new double[] {1, 0, 0.5});
        double[] before = learner.strategy().clone();
        assertMessage(() -> learner.observe(new double[] {1, 2}), "utility has length 2, expected 3");
        assertMessage(() -> learner.observe(new double[] {1, Double.NaN, 0}), "utility[1] is not finite");
        assertMessage(() -> learner.observe(new double[] {0, 0, Double.NEGATIVE_INFINITY}), "utility[2] is not finite");
        assertArrayEquals(before, learner.strategy(), 0.0);
        assertMessage(() -> factory.apply(0), "number of actions must be > 0");
    }

    @Test
    void hedgeRejectsBadSteps() {
        for (double eta : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertMessage(() -> Hedge.fixed(3, eta), "step size eta must be finite and > 0");
        }
    }

    @Test
    void aSingleActionIsAlwaysPlayed() {
        for (RegretMinimizer learner : List.of(Hedge.fixed(1, 1), Hedge.adaptive(1), new RegretMatching(1),
                new RegretMatchingPlus(1), new PredictiveRegretMatchingPlus(1))) {
            OnlinePlay run = OnlinePlay.play(learner, OnlinePlay.cyclic(1), 10);
            assertEquals(0.0, run.regret, 0.0, learner.name());
        }
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable call, String expected) {
        InvalidInputException e = assertThrows(InvalidInputException.class, call);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    static double[] naiveSoftmax(double[] s, double eta) {
        double[] x = new double[s.length];
        double sum = 0;
        for (int i = 0; i < s.length; i++) {
            x[i] = Math.exp(eta * s[i]);
            sum += x[i];
        }
        for (int i = 0; i < s.length; i++) {
            x[i] /= sum;
        }
        return x;
    }

    /** A learner as its paper writes it, without the production code's shortcuts. */
    interface Reference {
        double[] strategy();

        void observe(double[] u);
    }

    /** Freund and Schapire: x proportional to exp(eta S); adaptive eta from the history's spread. */
    static final class HedgeReference implements Reference {
        private final double[] s;
        private final double eta;
        private double spread;
        private int t;

        HedgeReference(int n, double eta) {
            this.s = new double[n];
            this.eta = eta;
        }

        @Override
        public double[] strategy() {
            double step = Double.isNaN(eta) ? (t == 0 ? 0 : Math.sqrt(8 * Math.log(s.length) / (t + 1)) / spread) : eta;
            return naiveSoftmax(s, step);
        }

        @Override
        public void observe(double[] u) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < s.length; i++) {
                s[i] += u[i];
                lo = Math.min(lo, u[i]);
                hi = Math.max(hi, u[i]);
            }
            spread = Math.max(spread, hi - lo);
            t++;
        }
    }

    /** Hart and Mas-Colell: the cumulative regret recomputed from the whole history each round. */
    static final class RegretMatchingFromHistory implements Reference {
        private final int n;
        private final List<double[]> utilities = new ArrayList<>();
        private final List<double[]> played = new ArrayList<>();

        RegretMatchingFromHistory(int n) {
            this.n = n;
        }

        @Override
        public double[] strategy() {
            double[] positive = new double[n];
            double total = 0;
            for (int i = 0; i < n; i++) {
                double r = 0;
                for (int s = 0; s < utilities.size(); s++) {
                    r += utilities.get(s)[i] - dot(utilities.get(s), played.get(s));
                }
                positive[i] = Math.max(r, 0);
                total += positive[i];
            }
            return normalizedOrUniform(positive, total);
        }

        @Override
        public void observe(double[] u) {
            played.add(strategy());
            utilities.add(u.clone());
        }
    }

    /** Tammelin: Q = max(Q + regret, 0). */
    static final class RegretMatchingPlusReference implements Reference {
        private final double[] q;

        RegretMatchingPlusReference(int n) {
            q = new double[n];
        }

        @Override
        public double[] strategy() {
            double total = 0;
            for (double v : q) {
                total += v;
            }
            return normalizedOrUniform(q.clone(), total);
        }

        @Override
        public void observe(double[] u) {
            double v = dot(u, strategy());
            for (int i = 0; i < q.length; i++) {
                q[i] = Math.max(q[i] + u[i] - v, 0);
            }
        }
    }

    /**
     * Farina, Kroer and Sandholm's PRM+ in their loss notation: with loss l = -u and
     * g(x, l) = &lt;l, x&gt; 1 - l, theta = [R + g(x_prev, l_prev)]^+ and R = [R + g(x, l)]^+.
     */
    static final class PredictiveRegretMatchingPlusInLosses implements Reference {
        private final double[] r;
        private double[] previousLoss;
        private double[] previousStrategy;

        PredictiveRegretMatchingPlusInLosses(int n) {
            r = new double[n];
            previousLoss = new double[n];
            previousStrategy = uniform(n);
        }

        @Override
        public double[] strategy() {
            double[] g = instantaneous(previousStrategy, previousLoss);
            double[] theta = new double[r.length];
            double total = 0;
            for (int i = 0; i < r.length; i++) {
                theta[i] = Math.max(r[i] + g[i], 0);
                total += theta[i];
            }
            return normalizedOrUniform(theta, total);
        }

        @Override
        public void observe(double[] u) {
            double[] x = strategy();
            double[] loss = new double[u.length];
            for (int i = 0; i < u.length; i++) {
                loss[i] = -u[i];
            }
            double[] g = instantaneous(x, loss);
            for (int i = 0; i < r.length; i++) {
                r[i] = Math.max(r[i] + g[i], 0);
            }
            previousLoss = loss;
            previousStrategy = x;
        }

        private static double[] instantaneous(double[] x, double[] loss) {
            double v = dot(loss, x);
            double[] g = new double[loss.length];
            for (int i = 0; i < loss.length; i++) {
                g[i] = v - loss[i];
            }
            return g;
        }
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    static double[] uniform(int n) {
        double[] x = new double[n];
        java.util.Arrays.fill(x, 1.0 / n);
        return x;
    }

    static double[] normalizedOrUniform(double[] w, double total) {
        if (total <= 0) {
            return uniform(w.length);
        }
        for (int i = 0; i < w.length; i++) {
            w[i] /= total;
        }
        return w;
    }
}
