package org.saddlepoint.robust.mdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

/**
 * The American put (spec 5.3): the model's pieces by default, and behind the {@code reproduction} tag the smoke
 * reproduction (d = 30 hats, H = 20, K = 500 episodes, 3 seeds, 1000 test episodes per target p), writing the payoff
 * against p of each learner to target/reproductions/american-put.{md,png}. No reference numbers exist (spec 6.4); the
 * check is the spec's: at p = 0.8 and 1.0 the robust learners' payoff is at least the non-robust one's (within two
 * standard errors of the Monte Carlo evaluation).
 */
class AmericanPutReproductionTest {
    private static final double[] P = {0.2, 0.4, 0.5, 0.6, 0.8, 1.0};

    @Test
    void hatFeaturesAreAPartitionOfUnity() {
        AmericanPut put = new AmericanPut(30, 20, 0.5);
        SplittableRandom random = new SplittableRandom(1);
        for (int k = 0; k < 1000; k++) {
            double s = 40 + 150 * random.nextDouble();
            double[] phi = put.features(s, AmericanPut.HOLD);
            double sum = 0;
            for (double x : phi) {
                assertTrue(x >= 0);
                sum += x;
            }
            assertEquals(1, sum, 1e-12);
            assertEquals(0, phi[30]);
            double anchor = 60 + 7 * 100.0 / 29;
            assertEquals(1, put.features(anchor, AmericanPut.HOLD)[7], 1e-12);
        }
        assertEquals(1, put.features(99.0, AmericanPut.EXERCISE)[30]);
        assertEquals(5, put.reward(0, 95.0, AmericanPut.EXERCISE), 1e-12);
        assertEquals(0, put.reward(0, 95.0, AmericanPut.HOLD));
        assertEquals(AmericanPut.EXERCISED, put.nextState(0, 95.0, AmericanPut.EXERCISE, random));
    }

    /** Exercising at once pays E[max(0, 100 - s_1)] = 1.25 for s_1 ~ U[95, 105]. */
    @Test
    void immediateExerciseHasItsClosedFormValue() {
        MonteCarloReturn mc = MonteCarloReturn.of(new AmericanPut(30, 20, 0.5), (h, s) -> new double[] {0, 1}, 40_000, 3);
        assertEquals(1.25, mc.mean(), 4 * mc.standardError());
    }

    @Test
    @Tag("reproduction")
    void smokeReproduction() throws IOException {
        AmericanPut nominal = new AmericanPut(30, 20, 0.5);
        LearnerOptions options = LearnerOptions.DEFAULT.withBeta(1).withLambda(0.1);
        Map<String, double[][]> payoffs = new LinkedHashMap<>();
        payoffs.put("LSVI-UCB", run(nominal, OnlineLearner.LSVI_UCB, 0, options));
        payoffs.put("DR-LSVI-UCB, rho 0.05", run(nominal, OnlineLearner.DR_LSVI_UCB, 0.05, options));
        payoffs.put("DR-LSVI-UCB, rho 0.1", run(nominal, OnlineLearner.DR_LSVI_UCB, 0.1, options));
        payoffs.put("DR-RPO, rho 0.1, tau 0.01", run(nominal, OnlineLearner.DR_RPO, 0.1, options.withTau(0.01)));
        StringBuilder table = new StringBuilder("| learner |");
        for (double p : P) {
            table.append(" p=").append(p).append(" |");
        }
        table.append("\n|---|").append("---|".repeat(P.length)).append('\n');
        XYChart chart = new XYChartBuilder().width(900).height(600).title("American put: payoff vs p (K = 500, 3 seeds)")
                .xAxisTitle("probability p of a price rise").yAxisTitle("average payoff").build();
        for (Map.Entry<String, double[][]> e : payoffs.entrySet()) {
            table.append("| ").append(e.getKey()).append(" |");
            for (int k = 0; k < P.length; k++) {
                table.append(String.format(Locale.ROOT, " %.3f +- %.3f |", e.getValue()[0][k], e.getValue()[1][k]));
            }
            table.append('\n');
            chart.addSeries(e.getKey(), P, e.getValue()[0]);
        }
        Path dir = Path.of("target", "reproductions");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("american-put.md"), table.toString());
        BitmapEncoder.saveBitmap(chart, dir.resolve("american-put").toString(), BitmapEncoder.BitmapFormat.PNG);
        System.out.println(table);
        double[][] plain = payoffs.get("LSVI-UCB");
        for (Map.Entry<String, double[][]> e : payoffs.entrySet()) {
            for (int k = 4; k < P.length; k++) {
                double tolerance = 2 * Math.hypot(plain[1][k], e.getValue()[1][k]);
                assertTrue(e.getValue()[0][k] >= plain[0][k] - tolerance, e.getKey() + " at p = " + P[k] + ":\n" + table);
            }
        }
    }

    /** Mean over seeds 0..2 of the Monte Carlo payoff at each p, and its standard error. */
    private static double[][] run(AmericanPut nominal, OnlineLearner kind, double rho, LearnerOptions options) {
        int seeds = 3;
        double[][] out = new double[2][P.length];
        UncertaintySet set = UncertaintySet.uniform(Divergence.TOTAL_VARIATION, 20, nominal.dimension(), rho);
        for (long seed = 0; seed < seeds; seed++) {
            EpisodicLearner<Double> learner = kind.create(nominal, set, options);
            TrainingResult training = OnlineTraining.run(nominal, learner, 500, Double.POSITIVE_INFINITY, seed, null, null);
            assertEquals(500, training.episodes());
            for (int k = 0; k < P.length; k++) {
                MonteCarloReturn mc = MonteCarloReturn.of(nominal.withUpProbability(P[k]), learner, 1000, 100 + seed);
                out[0][k] += mc.mean() / seeds;
                out[1][k] += mc.standardError() * mc.standardError() / (seeds * seeds);
            }
        }
        for (int k = 0; k < P.length; k++) {
            out[1][k] = Math.sqrt(out[1][k]);
        }
        return out;
    }
}
