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
 * reproduction ({@link AmericanPutExperiment}: d = 30 hats, H = 20, K = 500 episodes, seeds 0..2, 1000 test episodes
 * per target p), writing the payoff against p of each learner to target/reproductions/american-put.{md,png}. No
 * reference numbers exist (spec 6.4); the check is the spec's: at p = 0.8 and 1.0 the robust learners' payoff is at
 * least the non-robust one's (within two standard errors over the seeds).
 */
class AmericanPutReproductionTest {
    private static final double[] P = AmericanPutExperiment.LEVELS;

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
        LearnerOptions options = LearnerOptions.DEFAULT.withBeta(1).withLambda(0.1);
        Map<String, double[][]> payoffs = new LinkedHashMap<>();
        payoffs.put("LSVI-UCB", run(OnlineLearner.LSVI_UCB, 0, options));
        payoffs.put("DR-LSVI-UCB, rho 0.05", run(OnlineLearner.DR_LSVI_UCB, 0.05, options));
        payoffs.put("DR-LSVI-UCB, rho 0.1", run(OnlineLearner.DR_LSVI_UCB, 0.1, options));
        payoffs.put("DR-RPO, rho 0.1, tau 0.01", run(OnlineLearner.DR_RPO, 0.1, options.withTau(0.01)));
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

    /** Mean over seeds 0..2 of the Monte Carlo payoff at each p (1000 test episodes), and its standard error over seeds. */
    private static double[][] run(OnlineLearner kind, double rho, LearnerOptions options) {
        int seeds = 3;
        double[][] runs = new double[seeds][];
        for (int seed = 0; seed < seeds; seed++) {
            ExperimentRun run = AmericanPutExperiment.run(kind, rho, options, 500, Double.POSITIVE_INFINITY, seed, 1000, null);
            assertEquals(500, run.training().episodes());
            runs[seed] = run.targetReturns();
        }
        double[][] out = new double[2][P.length];
        for (int k = 0; k < P.length; k++) {
            for (double[] r : runs) {
                out[0][k] += r[k] / seeds;
            }
            for (double[] r : runs) {
                out[1][k] += (r[k] - out[0][k]) * (r[k] - out[0][k]) / (seeds - 1) / seeds;
            }
            out[1][k] = Math.sqrt(out[1][k]);
        }
        return out;
    }
}
