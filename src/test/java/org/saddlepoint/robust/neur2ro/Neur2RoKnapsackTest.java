package org.saddlepoint.robust.neur2ro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saddlepoint.robust.twostage.CcgBruteForceTest;
import org.saddlepoint.robust.twostage.CcgOptions;
import org.saddlepoint.robust.twostage.CcgResult;
import org.saddlepoint.robust.twostage.ColumnAndConstraintGeneration;
import org.saddlepoint.robust.twostage.Neur2RoData;
import org.saddlepoint.robust.twostage.RobustKnapsack;
import org.saddlepoint.robust.twostage.RobustKnapsackGenerator;
import org.saddlepoint.robust.twostage.RobustKnapsackGenerator.Correlation;
import org.saddlepoint.solvers.InvalidInputException;
import org.saddlepoint.solvers.iteration.Checkpoint;
import org.saddlepoint.solvers.iteration.SolverStatus;
import org.saddlepoint.solvers.mip.MipBackend;
import org.saddlepoint.solvers.mip.MipSolve;
import org.saddlepoint.solvers.neural.ReluMipEmbedding;
import org.saddlepoint.solvers.neural.SetEncoderNetwork;
import org.saddlepoint.solvers.neural.SetEncoderTrainer;

class Neur2RoKnapsackTest {
    private static KnapsackValueModel small;

    @TempDir
    Path dir;

    /** A model trained at tiny scale: 8 instances of n in {6, 8} x 5 decisions x 10 scenarios, 20 epochs. */
    @BeforeAll
    static void train() {
        KnapsackTrainingData data = KnapsackTrainingData.generate(7, 8, new int[] {6, 8}, 5, 10);
        small = KnapsackValueModel.train(data, new SetEncoderTrainer.Options(20, 64, 1e-3, 0.2, 5, 12345));
    }

    @Test
    void trainingLabelsAreExactRecourseValues() {
        KnapsackTrainingData data = KnapsackTrainingData.generate(3, 2, new int[] {6}, 2, 3);
        assertEquals(12, data.labelled().size());
        for (KnapsackTrainingData.Labelled l : data.labelled()) {
            RobustKnapsack p = data.instances().get(l.instance());
            boolean[] x = new boolean[p.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = l.x()[i] > 0.5;
            }
            // Q(x, xi) as the LP over every recourse with xi fixed: its minimum row
            assertEquals(exactRecourse(p, x, l.xi()), l.value(), 1e-9 * Math.max(1, Math.abs(l.value())));
        }
        KnapsackTrainingData again = KnapsackTrainingData.generate(3, 2, new int[] {6}, 2, 3);
        for (int k = 0; k < data.labelled().size(); k++) {
            assertEquals(data.labelled().get(k).value(), again.labelled().get(k).value(), 0.0, "seeded");
        }
    }

    /** min over every feasible (y, r) of sum_i (phat_i xi_i - f_i) y_i - phat_i xi_i r_i, by enumeration. */
    private static double exactRecourse(RobustKnapsack p, boolean[] x, double[] xi) {
        int n = p.size();
        double best = 0;
        for (int code = 0; code < Math.pow(3, n); code++) {
            int rest = code;
            double weight = 0;
            double value = 0;
            boolean allowed = true;
            for (int i = 0; i < n; i++, rest /= 3) {
                int state = rest % 3;
                allowed &= state == 0 || x[i];
                weight += state >= 1 ? p.weight(i) + (state == 2 ? p.repairWeight(i) : 0) : 0;
                value += state == 1 ? p.degradation(i) * xi[i] - p.outsourcingCost(i) : state == 2 ? -p.outsourcingCost(i) : 0;
            }
            if (allowed && weight <= p.capacity()) {
                best = Math.min(best, value);
            }
        }
        return best;
    }

    /**
     * Neur2RO's first stage is evaluated exactly (equal to the full worst-case LP) and cannot beat the
     * exact CCG optimum; the loop stops on its own rule.
     */
    @Test
    void returnsAnExactlyEvaluatedFirstStageNoBetterThanTheOptimum() {
        for (long seed = 21; seed <= 22; seed++) {
            RobustKnapsack p = RobustKnapsackGenerator.generate(seed, 8, Correlation.UN, 40, 0.2, 0.5);
            List<Checkpoint> progress = new ArrayList<>();
            Neur2RoResult r = Neur2RoKnapsack.solve(p, small, MipBackend.CBC, 60, progress::add);
            CcgResult exact = ColumnAndConstraintGeneration.solve(p, CcgOptions.DEFAULT);
            boolean[] x = r.firstStage();
            double evaluated = p.firstStageCost(x) + CcgBruteForceTest.fullWorstCaseLp(p, x);
            assertEquals(evaluated, r.objective(), 1e-6 * Math.abs(evaluated));
            assertTrue(r.objective() >= exact.upperBound() - 1e-6 * Math.abs(exact.upperBound()));
            assertTrue(r.status() == SolverStatus.CONVERGED || r.status() == SolverStatus.MAX_ITERATIONS, r.status()::name);
            assertTrue(r.iterations() >= 1 && r.iterations() <= Neur2RoKnapsack.MAX_ITERATIONS);
            assertEquals(r.iterations(), r.scenarios().size(), "the nominal scenario, then one per further iteration");
            assertEquals(r.iterations(), progress.size(), "one progress checkpoint per iteration");
            for (int k = 0; k < progress.size(); k++) {
                assertEquals(k + 1, progress.get(k).iteration());
            }
            assertEquals(r.scenarios().size(), progress.get(progress.size() - 1).certificate(), 0.0);
        }
    }

    /**
     * The adversary (incremental formulation per item, budget-aware big-M) against an independent reference:
     * the plain big-M embedding of every produced item's xi-embedding over its box, the sum, P_xi and V,
     * solved to gap 1e-9. The adversary's scenario lies in U, and its prediction is the reference maximum
     * within the adversary's MIP gap (1e-3) and never above it.
     */
    @Test
    void adversaryAttainsThePlainBigMMaximum() {
        for (long seed = 31; seed <= 33; seed++) {
            RobustKnapsack p = RobustKnapsackGenerator.generate(seed, 8, Correlation.values()[(int) seed % 4], 40,
                    0.2 + 0.1 * (seed - 31), 0.5);
            boolean[] x = {true, true, false, true, true, false, true, true};
            for (MipBackend backend : List.of(MipBackend.CBC, MipBackend.HIGHS)) {
                double[] xi = Neur2RoKnapsack.worstScenario(p, small, backend, x);
                double sum = 0;
                for (int i = 0; i < xi.length; i++) {
                    assertTrue(xi[i] >= 0 && xi[i] <= 1 && (x[i] || xi[i] == 0));
                    sum += xi[i];
                }
                assertTrue(sum <= p.budget() + 1e-9);
                double found = small.predict(p, SetEncoderMip.asDouble(x), xi);
                double reference = plainBigMMaximum(p, x);
                assertTrue(found <= reference + 1e-6 && found >= reference - 1e-3 * Math.abs(reference) - 1e-6,
                        backend + ": adversary " + found + ", reference " + reference);
            }
        }
    }

    private static double plainBigMMaximum(RobustKnapsack p, boolean[] x) {
        SetEncoderNetwork net = small.network();
        int n = p.size();
        MPSolver mip = MipBackend.CBC.newSolver();
        MPConstraint budget = mip.makeConstraint(Double.NEGATIVE_INFINITY, p.budget());
        double[] rows = small.features().rows(p, new double[n]);
        int w = net.xiEmbed().outputSize();
        MPVariable[] sum = new MPVariable[w];
        MPConstraint[] sums = new MPConstraint[w];
        double[] lo = new double[w];
        double[] hi = new double[w];
        for (int u = 0; u < w; u++) {
            sum[u] = mip.makeNumVar(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, "e" + u);
            sums[u] = mip.makeConstraint(0, 0);
            sums[u].setCoefficient(sum[u], 1);
        }
        for (int i = 0; i < n; i++) {
            double[] row = Arrays.copyOfRange(rows, i * KnapsackFeatures.WIDTH, (i + 1) * KnapsackFeatures.WIDTH);
            double[] rowHi = row.clone();
            rowHi[0] = x[i] ? 1 : 0;
            MPVariable[] in = new MPVariable[row.length];
            for (int j = 0; j < row.length; j++) {
                in[j] = mip.makeNumVar(row[j], rowHi[j], "f" + i + "_" + j);
            }
            budget.setCoefficient(in[0], 1);
            ReluMipEmbedding.Embedded e = ReluMipEmbedding.embed(mip, net.xiEmbed(), in, row, rowHi, "q" + i);
            for (int u = 0; u < w; u++) {
                sums[u].setCoefficient(e.outputs()[u], -1);
                lo[u] += e.bounds().outputLower(u);
                hi[u] += e.bounds().outputUpper(u);
            }
        }
        ReluMipEmbedding.Embedded post = ReluMipEmbedding.embed(mip, net.xiPost(), sum, lo, hi, "pq");
        double[] hx = net.xRepresentation(small.features().rows(p, SetEncoderMip.asDouble(x)), n);
        MPVariable[] joined = new MPVariable[hx.length + post.outputs().length];
        double[] jLo = new double[joined.length];
        double[] jHi = new double[joined.length];
        for (int u = 0; u < hx.length; u++) {
            joined[u] = mip.makeNumVar(hx[u], hx[u], "hx" + u);
            jLo[u] = hx[u];
            jHi[u] = hx[u];
        }
        for (int u = 0; u < post.outputs().length; u++) {
            joined[hx.length + u] = post.outputs()[u];
            jLo[hx.length + u] = post.bounds().outputLower(u);
            jHi[hx.length + u] = post.bounds().outputUpper(u);
        }
        ReluMipEmbedding.Embedded v = ReluMipEmbedding.embed(mip, net.value(), joined, jLo, jHi, "v");
        mip.objective().setCoefficient(v.outputs()[0], 1);
        mip.objective().setMaximization();
        assertTrue(MipSolve.optimal(mip, 120, "reference adversary"));
        double value = mip.objective().value();
        mip.delete();
        return value;
    }

    @Test
    void modelRoundTripsThroughVersionedJson() throws IOException {
        Path file = dir.resolve("model.json");
        small.save(file);
        KnapsackValueModel back = KnapsackValueModel.load(file);
        RobustKnapsack p = RobustKnapsackGenerator.generate(5, 7, Correlation.SC, 80, 0.1, 1);
        double[] x = {1, 0, 1, 1, 0, 1, 0};
        double[] xi = {0.5, 0, 0.2, 0, 0, 0.1, 0};
        assertEquals(small.predict(p, x, xi), back.predict(p, x, xi), 0.0);
        Files.writeString(file, Files.readString(file).replace(KnapsackValueModel.FORMAT, "other"));
        assertThrows(InvalidInputException.class, () -> KnapsackValueModel.load(file));
    }

    private static KnapsackValueModel smallScale;

    /** Spec 6.2's model, trained once: 40 instances (n in {10, 15, 20}, all four correlations) x 10 x 20, 100 epochs. */
    private static synchronized KnapsackValueModel smallScale() {
        if (smallScale == null) {
            smallScale = KnapsackValueModel.train(KnapsackTrainingData.generate(7, 40, new int[] {10, 15, 20}, 10, 20),
                    SetEncoderTrainer.Options.DEFAULT);
        }
        return smallScale;
    }

    /**
     * Spec 6.2 and A2 on the 18 uncorrelated n = 20 instances: median gap to branch and price (paper: 1.42% UN
     * median, 1.55% all 72) at most 3%, mean iterations at most 3.
     */
    @Tag("reproduction")
    @Test
    void smallScaleReproduction() {
        KnapsackValueModel model = smallScale();
        Map<String, Double> bp = Neur2RoData.branchAndPriceProfits();
        List<Double> gaps = new ArrayList<>();
        double iterations = 0;
        for (String name : bp.keySet()) {
            if (!name.startsWith("RKP_UN")) {
                continue;
            }
            RobustKnapsack p = Neur2RoData.knapsack(name);
            Neur2RoResult r = Neur2RoKnapsack.solve(p, model, MipBackend.HIGHS, 60);
            double gap = 100 * (bp.get(name) + r.objective()) / bp.get(name);
            System.out.printf("%s: Neur2RO profit %.2f, BP %.2f, gap %.2f%%, %d iterations, %.1f s%n", name,
                    -r.objective(), bp.get(name), gap, r.iterations(), r.seconds());
            gaps.add(gap);
            iterations += r.iterations();
        }
        gaps.sort(null);
        double median = (gaps.get(8) + gaps.get(9)) / 2;
        System.out.printf("UN n = 20: median gap %.2f%% (paper 1.417%%), mean iterations %.2f%n", median, iterations / 18);
        assertTrue(median <= 3, "median gap " + median);
        assertTrue(iterations / 18 <= 3);
    }

    /**
     * A3 (spec 6.3) on correlated n = 20 instances, 2 SC + 2 ASC: the spec's prototype instance
     * (h40, dev 0.1, d 0.5) and the opposite corner of capacity, budget and spread (h80, dev 0.2, d 1), of
     * each type. Per instance, in this JVM back to back: Neur2RO's solve time (main and adversarial MIPs,
     * HiGHS, 60 s limit, training excluded) at most 1/5 of exact CCG's (HiGHS, capped at 900 s; where the cap
     * stops it, its time is a lower bound and the ratio an upper one). Mean iterations in the paper's count
     * (scenarios the adversary added: the paper's 1.0 is two main problems; our {@code iterations()} counts
     * main problems) at most 3. Every gap to the branch-and-price optimum is printed, none negative, their
     * median at most 3% (A2's bound).
     */
    @Tag("reproduction")
    @Test
    void speedOnCorrelatedInstances() {
        KnapsackValueModel model = smallScale();
        Map<String, Double> bp = Neur2RoData.branchAndPriceProfits();
        List<String> slow = new ArrayList<>();
        List<Double> gaps = new ArrayList<>();
        double added = 0;
        for (String name : CORRELATED) {
            RobustKnapsack p = Neur2RoData.knapsack(name);
            Neur2RoResult neural = Neur2RoKnapsack.solve(p, model, MipBackend.HIGHS, 60);
            CcgResult exact = ColumnAndConstraintGeneration.solve(p, CcgOptions.DEFAULT.withTimeLimit(900));
            double gap = 100 * (bp.get(name) + neural.objective()) / bp.get(name);
            int scenariosAdded = neural.scenarios().size() - 1;
            System.out.printf("%s: Neur2RO %.1f s, %d main problems, %d scenarios added, gap %.2f%%; exact CCG %.1f s"
                    + " (%s), %d iterations; ratio %.3f%n", name, neural.seconds(), neural.iterations(), scenariosAdded,
                    gap, exact.seconds(), exact.status(), exact.iterations(), neural.seconds() / exact.seconds());
            if (neural.seconds() > exact.seconds() / 5) {
                slow.add(name);
            }
            assertTrue(gap >= -1e-6, "an exactly evaluated first stage cannot beat the optimum: " + gap);
            gaps.add(gap);
            added += scenariosAdded;
        }
        gaps.sort(null);
        double median = (gaps.get(1) + gaps.get(2)) / 2;
        System.out.printf("correlated: mean scenarios added %.2f (paper 1.00), median gap %.2f%%%n", added / 4, median);
        assertEquals(List.of(), slow, "Neur2RO slower than 1/5 of exact CCG");
        assertTrue(added / 4 <= 3, "mean scenarios added " + added / 4);
        assertTrue(median <= 3, "median gap " + median);
    }

    private static final List<String> CORRELATED = List.of("RKP_SC_n20_R1000_H100_h40_dev0.1_d0.5",
            "RKP_SC_n20_R1000_H100_h80_dev0.2_d1", "RKP_ASC_n20_R1000_H100_h40_dev0.1_d0.5",
            "RKP_ASC_n20_R1000_H100_h80_dev0.2_d1");
}
