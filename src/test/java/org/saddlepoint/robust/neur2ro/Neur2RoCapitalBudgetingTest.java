package org.saddlepoint.robust.neur2ro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saddlepoint.robust.twostage.CapitalBudgeting;
import org.saddlepoint.robust.twostage.CapitalBudgetingGenerator;
import org.saddlepoint.robust.twostage.CcgOptions;
import org.saddlepoint.robust.twostage.CcgResult;
import org.saddlepoint.robust.twostage.ColumnAndConstraintGeneration;
import org.saddlepoint.robust.twostage.Neur2RoData;
import org.saddlepoint.solvers.InvalidInputException;
import org.saddlepoint.solvers.iteration.SolverStatus;
import org.saddlepoint.solvers.mip.MipBackend;
import org.saddlepoint.solvers.neural.SetEncoderTrainer;

class Neur2RoCapitalBudgetingTest {
    private static CapitalBudgetingValueModel small;

    @TempDir
    Path dir;

    /** A model trained at small scale: 30 instances of n in {5, 6} x 10 decisions x 20 scenarios, 40 epochs. */
    @BeforeAll
    static void train() {
        CapitalBudgetingTrainingData data = CapitalBudgetingTrainingData.generate(1, 30, new int[] {5, 6}, 10, 20);
        small = CapitalBudgetingValueModel.train(data, new SetEncoderTrainer.Options(40, 64, 1e-3, 0.2, 10, 12345));
    }

    /** Labels are the exact total objective -r(xi)^T (x + k y*), checked by enumerating every y; seeded. */
    @Test
    void trainingLabelsAreExactObjectives() {
        CapitalBudgetingTrainingData data = CapitalBudgetingTrainingData.generate(3, 3, new int[] {5, 6}, 3, 4);
        assertTrue(data.labelled().size() > 0 && data.labelled().size() <= 36);
        for (CapitalBudgetingTrainingData.Labelled l : data.labelled()) {
            CapitalBudgeting p = data.instances().get(l.instance());
            double nominal = 0;
            for (int i = 0; i < p.size(); i++) {
                nominal += l.x()[i] * p.nominalCost(i);
            }
            assertTrue(nominal <= p.budget(), "first stages within the nominal budget");
            assertEquals(enumeratedObjective(p, l.x(), l.xi()), l.value(), 1e-9);
        }
        CapitalBudgetingTrainingData again = CapitalBudgetingTrainingData.generate(3, 3, new int[] {5, 6}, 3, 4);
        assertEquals(data.labelled().size(), again.labelled().size());
        for (int k = 0; k < data.labelled().size(); k++) {
            assertEquals(data.labelled().get(k).value(), again.labelled().get(k).value(), 0.0, "seeded");
        }
    }

    /** min over every y &lt;= 1 - x with c(xi)^T (x + y) &lt;= B of -r(xi)^T (x + k y). */
    private static double enumeratedObjective(CapitalBudgeting p, double[] x, double[] xi) {
        int n = p.size();
        double best = Double.POSITIVE_INFINITY;
        for (int mask = 0; mask < 1 << n; mask++) {
            double load = 0;
            double value = 0;
            boolean allowed = true;
            for (int i = 0; i < n; i++) {
                boolean late = (mask >> i & 1) == 1;
                allowed &= !(late && x[i] > 0.5);
                double share = x[i] > 0.5 ? 1 : late ? p.lateFraction() : 0;
                load += (x[i] > 0.5 || late) ? p.cost(i, xi) : 0;
                value -= share * p.revenue(i, xi);
            }
            if (allowed && load <= p.budget()) {
                best = Math.min(best, value);
            }
        }
        return best;
    }

    /**
     * Spec 6.1 R2 style on generated n = 5, 6: Neur2RO's first stage is robustly feasible (1.5 cbar^T x &lt;= B),
     * its objective is its exact worst case (the disjunctive MILP) and no better than exact CCG's optimum
     * (which equals brute force, {@code CcgBruteForceTest}). Its relative gaps to the optimum are printed and,
     * on the mean, no worse than those of the nominal solution (optimal for xi = 0, evaluated exactly: the
     * first master of exact CCG), the first stage that ignores the uncertainty.
     */
    @Test
    void returnsFeasibleExactlyEvaluatedFirstStagesNoWorseThanNominal() {
        double neural = 0;
        double nominal = 0;
        List<Double> gaps = new ArrayList<>();
        for (long seed = 31; seed <= 34; seed++) {
            CapitalBudgeting p = CapitalBudgetingGenerator.generate(seed, 5 + (int) (seed % 2));
            Neur2RoResult r = Neur2RoCapitalBudgeting.solve(p, small, MipBackend.CBC, 60);
            boolean[] x = r.firstStage();
            double load = 0;
            for (int i = 0; i < p.size(); i++) {
                load += x[i] ? 1.5 * p.nominalCost(i) : 0;
            }
            assertTrue(load <= p.budget() + 1e-9, "robustly feasible");
            double exactWorst = p.worstCase(x, MipBackend.CBC, 60).value();
            assertEquals(exactWorst, r.objective(), 1e-9 * Math.abs(exactWorst));
            double opt = ColumnAndConstraintGeneration.solve(p, CcgOptions.DEFAULT).upperBound();
            double first = ColumnAndConstraintGeneration.solve(p, CcgOptions.DEFAULT.withMaxIterations(1)).upperBound();
            assertTrue(r.objective() >= opt - 1e-6 * Math.abs(opt));
            assertTrue(r.status() == SolverStatus.CONVERGED || r.status() == SolverStatus.MAX_ITERATIONS, r.status()::name);
            assertEquals(r.iterations(), r.scenarios().size(), "the nominal scenario, then one per further iteration");
            gaps.add(100 * (r.objective() - opt) / Math.abs(opt));
            neural += gaps.get(gaps.size() - 1);
            nominal += 100 * (first - opt) / Math.abs(opt);
        }
        System.out.printf("CB n = 5, 6: Neur2RO gaps to exact CCG %s %%, mean %.3f%%; nominal solution mean %.3f%%%n",
                gaps, neural / 4, nominal / 4);
        assertTrue(neural <= nominal, gaps::toString);
    }

    /** The adversarial MIP's embedding (multipliers affine in xi, scaled) reproduces the forward pass. */
    @Test
    void embeddingAgreesWithTheForwardPass() {
        CapitalBudgeting p = CapitalBudgetingGenerator.generate(40, 6);
        SplittableRandom rng = new SplittableRandom(4);
        for (int trial = 0; trial < 4; trial++) {
            boolean[] x = new boolean[6];
            x[trial] = true;
            double[] xi = new double[4];
            for (int j = 0; j < 4; j++) {
                xi[j] = rng.nextDouble(-1, 1);
            }
            double forward = small.predict(p, SetEncoderMip.asDouble(x), xi);
            double embedded = new Neur2RoCapitalBudgeting(p, small, MipBackend.CBC).embeddedPrediction(x, xi);
            assertEquals(forward, embedded, 1e-6);
        }
    }

    @Test
    void modelRoundTripsThroughVersionedJson() throws IOException {
        Path file = dir.resolve("model.json");
        small.save(file);
        CapitalBudgetingValueModel back = CapitalBudgetingValueModel.load(file);
        CapitalBudgeting p = CapitalBudgetingGenerator.generate(5, 7);
        double[] x = {1, 0, 1, 1, 0, 1, 0};
        double[] xi = {0.5, -1, 0.2, 0};
        assertEquals(small.predict(p, x, xi), back.predict(p, x, xi), 0.0);
        assertEquals(small.predictObjective(p, x, xi), back.predictObjective(p, x, xi), 0.0);
        assertEquals(CapitalBudgetingValueModel.FORMAT, ModelFile.format(file));
        Files.writeString(file, Files.readString(file).replace(CapitalBudgetingValueModel.FORMAT, "other"));
        assertThrows(InvalidInputException.class, () -> CapitalBudgetingValueModel.load(file));
    }

    /**
     * Spec 6.3 "Optional CB" at small scale on the 50 shipped n = 10 instances (budget truncated to int(B) as the
     * paper's reader does, spec pitfall 8): trained on 40 generated instances (n in {10, 15, 20}) x 10 decisions
     * x 20 scenarios, 100 epochs; ML-CCG with a 60 s limit. Reported, per instance, against exact CCG's optimum
     * (instances where CCG does not prove it within 300 s are listed and left out):
     * RE = 100 (obj - opt) / |opt| with obj the exact worst case (disjunctive MILP) of our Neur2RO's x, of the
     * paper's Neur2RO x (column neur2ro_x of the repository's results) and of the nominal solution (optimal at
     * xi = 0); and the paper's kind of quantity: objectives on a sampled pool (both runs' scenarios and 10,000
     * uniform ones, a lower bound), RE against the better of our x and CCG's. The paper's 1.105% median is that
     * sampled RE against k-adaptability's best, with k-adaptability's scenarios in the pool: not the same
     * reference. Asserted: every x robustly feasible, the sampled pool never above the exact
     * worst case (spec pitfall 12), mean iterations at most 3. The quality target (median RE about 1.1%) is
     * printed, not asserted: this small-scale model misses it (see README).
     */
    @Tag("reproduction")
    @Test
    void smallScaleReproductionOnShippedInstances() {
        CapitalBudgetingValueModel model = CapitalBudgetingValueModel.train(
                CapitalBudgetingTrainingData.generate(7, 40, new int[] {10, 15, 20}, 10, 20),
                SetEncoderTrainer.Options.DEFAULT);
        Map<String, String> paperX = new HashMap<>();
        for (String[] row : Neur2RoData.neur2roCapitalBudgetingResults()) {
            paperX.put(row[0], row[8]);
        }
        List<Double> ours = new ArrayList<>();
        List<Double> theirs = new ArrayList<>();
        List<Double> sampled = new ArrayList<>();
        List<Double> nominal = new ArrayList<>();
        List<String> unproven = new ArrayList<>();
        double iterations = 0;
        double neuralSeconds = 0;
        double exactSeconds = 0;
        for (int seed = 1; seed <= 50; seed++) {
            String name = "CB_n10_xi4_s" + seed;
            CapitalBudgeting p = Neur2RoData.capitalBudgeting(name).withTruncatedBudget();
            Neur2RoResult r = Neur2RoCapitalBudgeting.solve(p, model, MipBackend.CBC, 60);
            assertTrue(p.feasible(r.firstStage()), name);
            CcgResult exact = ColumnAndConstraintGeneration.solve(p, CcgOptions.DEFAULT.withTimeLimit(300));
            if (exact.status() != SolverStatus.CONVERGED) {
                unproven.add(name);
                System.out.printf("%s: Neur2RO %.4f; exact CCG %s after %.0f s, optimum in [%.4f, %.4f]: left out%n", name,
                        r.objective(), exact.status(), exact.seconds(), exact.lowerBound(), exact.upperBound());
                continue;
            }
            double opt = exact.upperBound();
            boolean[] published = bits(paperX.get(name));
            double theirExact = p.worstCase(published, MipBackend.CBC, 600).value();
            double first = ColumnAndConstraintGeneration.solve(p, CcgOptions.DEFAULT.withMaxIterations(1)).upperBound();
            nominal.add(100 * (first - opt) / Math.abs(opt));
            ours.add(100 * (r.objective() - opt) / Math.abs(opt));
            theirs.add(100 * (theirExact - opt) / Math.abs(opt));
            List<double[]> pool = samplePool(r.scenarios(), exact.scenarios());
            double mine = pooledWorstCase(p, r.firstStage(), pool);
            assertTrue(mine <= r.objective() + 1e-9 * Math.abs(r.objective()), "sampling is a lower bound");
            double best = Math.min(mine, pooledWorstCase(p, exact.firstStage(), pool));
            sampled.add(100 * (mine - best) / Math.abs(best));
            iterations += r.iterations();
            neuralSeconds += r.seconds();
            exactSeconds += exact.seconds();
            System.out.printf("%s: Neur2RO %.4f (paper's x %.4f), CCG %.4f; RE %.3f%% (paper's x %.3f%%, nominal %.3f%%),"
                    + " sampled RE %.3f%%; %d iterations, %.1f s (CCG %d, %.1f s)%n", name, r.objective(), theirExact, opt,
                    ours.get(ours.size() - 1), theirs.get(theirs.size() - 1), nominal.get(nominal.size() - 1),
                    sampled.get(sampled.size() - 1),
                    r.iterations(), r.seconds(), exact.iterations(), exact.seconds());
        }
        int solved = ours.size();
        System.out.printf("CB n = 10: %d instances with a proven optimum (exact CCG within 300 s; left out: %s)%n", solved,
                unproven);
        System.out.printf("CB n = 10, exact RE vs CCG: ours median %.3f%% mean %.3f%% Q1 %.3f Q3 %.3f; paper's x median %.3f%%"
                + " mean %.3f%%; nominal x median %.3f%% mean %.3f%%; sampled RE median %.3f%% mean %.3f%% (paper 1.105 / 2.558 vs k-adapt); mean iterations"
                + " %.2f (paper 2.08), mean time %.1f s (paper 58.8 s), exact CCG %.1f s%n", quantile(ours, 0.5),
                mean(ours), quantile(ours, 0.25), quantile(ours, 0.75), quantile(theirs, 0.5), mean(theirs),
                quantile(nominal, 0.5), mean(nominal), quantile(sampled, 0.5), mean(sampled), iterations / solved, neuralSeconds / solved, exactSeconds / solved);
        assertTrue(iterations / solved <= 3);
    }

    private static boolean[] bits(String ones) {
        boolean[] x = new boolean[ones.length()];
        for (int i = 0; i < x.length; i++) {
            x[i] = ones.charAt(i) == '1';
        }
        return x;
    }

    /** The given scenarios and 10,000 uniform ones on [-1, 1]^4 (seed 10000, as the paper's SSA pool). */
    private static List<double[]> samplePool(List<double[]> a, List<double[]> b) {
        List<double[]> pool = new ArrayList<>(a);
        pool.addAll(b);
        SplittableRandom rng = new SplittableRandom(10000);
        for (int k = 0; k < 10000; k++) {
            pool.add(new double[] {rng.nextDouble(-1, 1), rng.nextDouble(-1, 1), rng.nextDouble(-1, 1), rng.nextDouble(-1, 1)});
        }
        return pool;
    }

    private static double pooledWorstCase(CapitalBudgeting p, boolean[] x, List<double[]> pool) {
        return pool.stream().mapToDouble(xi -> p.recourse(x, xi)).max().orElseThrow();
    }

    private static double quantile(List<Double> values, double q) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        double at = q * (sorted.size() - 1);
        int lo = (int) Math.floor(at);
        int hi = (int) Math.ceil(at);
        return sorted.get(lo) + (at - lo) * (sorted.get(hi) - sorted.get(lo));
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }
}
