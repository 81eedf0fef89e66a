package org.saddlepoint.robust.ldr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Spec 1.7: the noisy-label experiment of Zhu, Ying and Yang (ICML 2023) with a LINEAR model on the
 * Letter test file of the authors' repository (2,000 examples, 26 classes, 16 features scaled to
 * [-1, 1]; the training file is not public): random 1,400 / 600 splits, noise on the training labels
 * only, clean test labels, mean loss + (5e-3/2) ||W||^2 by L-BFGS, lambda of LDR-KL and lambda_0 of
 * ALDR-KL chosen by 5-fold cross-validation on the noisy training labels. A linear model is not
 * the paper's network (a 2-layer MLP), so only relative statements are compared; the spec's own
 * reference measurement (CE 57.1 % clean, 39.5 % at uniform 0.6; LDR-KL lambda = 10: 32.5 % and
 * 18.9 %) is the sanity band.
 */
@Tag("reproduction")
class LdrNoisyLabelReproductionTest {
    private static final double WEIGHT_DECAY = 5e-3;
    private static final int SEEDS = Integer.getInteger("ldr.seeds", 5);

    static MulticlassData letter() throws IOException {
        List<double[]> x = new ArrayList<>();
        List<Integer> y = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                LdrNoisyLabelReproductionTest.class.getResourceAsStream("letter-test.csv"), StandardCharsets.UTF_8))) {
            r.readLine();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] cells = line.split(",");
                double[] f = new double[16];
                for (int j = 0; j < 16; j++) {
                    f[j] = Integer.parseInt(cells[j]) / 7.5 - 1;
                }
                x.add(f);
                y.add(Integer.parseInt(cells[16]));
            }
        }
        return new MulticlassData(x.toArray(new double[0][]), y.stream().mapToInt(Integer::intValue).toArray(), 26);
    }

    private static Function<MulticlassData, LinearMulticlassModel> ldr(double lambda) {
        return d -> LinearModelTraining.train(d, new LdrKlLoss(lambda, 0.1), WEIGHT_DECAY).model();
    }

    private static Function<MulticlassData, LinearMulticlassModel> aldr(double lambda0) {
        return d -> AldrKlTraining.train(d, new AldrKlLoss(lambda0, 2, 0.1, AldrKlLoss.Variant.CODE_FAITHFUL),
                WEIGHT_DECAY, 3).trained().model();
    }

    private static Map<String, Function<MulticlassData, LinearMulticlassModel>> losses(long seed) {
        Map<String, Function<MulticlassData, LinearMulticlassModel>> m = new LinkedHashMap<>();
        m.put("CE", d -> LinearModelTraining.train(d, new CrossEntropyLoss(), WEIGHT_DECAY).model());
        m.put("CS (c=1)", d -> LinearModelTraining.train(d, new CrammerSingerLoss(1), WEIGHT_DECAY).model());
        m.put("LDR-KL l=1", ldr(1));
        m.put("LDR-KL l=10", ldr(10));
        m.put("LDR-KL CV", d -> ldr(LambdaCrossValidation.select(d, new double[] {0.1, 1, 10}, 5,
                LdrNoisyLabelReproductionTest::ldr, seed).lambda()).apply(d));
        m.put("ALDR-KL CV", d -> aldr(LambdaCrossValidation.select(d, new double[] {1, 10}, 5,
                LdrNoisyLabelReproductionTest::aldr, seed).lambda()).apply(d));
        return m;
    }

    @Test
    void noisyLabelAccuraciesOfALinearModelOnLetter() throws IOException {
        MulticlassData all = letter();
        String[] settings = {"uniform 0.0", "uniform 0.3", "uniform 0.6", "class 0.1", "class 0.3"};
        Map<String, double[][]> acc = new LinkedHashMap<>();
        for (int s = 0; s < settings.length; s++) {
            for (int seed = 0; seed < SEEDS; seed++) {
                Random random = new Random(1000L * s + seed);
                int[] order = LambdaCrossValidation.permutation(all.size(), random);
                MulticlassData test = all.subset(Arrays.copyOfRange(order, 0, 600));
                MulticlassData train = all.subset(Arrays.copyOfRange(order, 600, 2000));
                double q = Double.parseDouble(settings[s].split(" ")[1]);
                int[] noisy = settings[s].startsWith("uniform") ? LabelNoise.uniform(train.labels(), 26, q, random)
                        : LabelNoise.classDependent(train.labels(), LabelNoise.letterPairing(), q, random);
                MulticlassData noisyTrain = train.withLabels(noisy);
                for (Map.Entry<String, Function<MulticlassData, LinearMulticlassModel>> e : losses(seed).entrySet()) {
                    double a = e.getValue().apply(noisyTrain).accuracy(test);
                    acc.computeIfAbsent(e.getKey(), k -> new double[settings.length][SEEDS])[s][seed] = a;
                }
            }
        }
        StringBuilder table = new StringBuilder("| loss | " + String.join(" | ", settings) + " |\n|---|");
        table.append("---|".repeat(settings.length)).append('\n');
        for (Map.Entry<String, double[][]> e : acc.entrySet()) {
            table.append("| ").append(e.getKey()).append(" |");
            for (double[] perSeed : e.getValue()) {
                table.append(String.format(Locale.ROOT, " %.1f ± %.1f |", 100 * mean(perSeed), 100 * std(perSeed)));
            }
            table.append('\n');
        }
        System.out.println("Letter, linear model, clean test top-1 accuracy (%), " + SEEDS + " seeds\n" + table);
        // the spec's reference measurement of the same protocol, +-3 points
        assertEquals(57.1, 100 * mean(acc.get("CE")[0]), 3);
        assertEquals(32.5, 100 * mean(acc.get("LDR-KL l=10")[0]), 3);
        // LDR-KL with lambda = 1, c = 0.1 stays within 1 point of CE (spec 1.7)
        assertEquals(mean(acc.get("CE")[0]), mean(acc.get("LDR-KL l=1")[0]), 0.01);
    }

    private static double mean(double[] v) {
        return Arrays.stream(v).average().orElseThrow();
    }

    private static double std(double[] v) {
        double m = mean(v);
        return Math.sqrt(Arrays.stream(v).map(x -> (x - m) * (x - m)).sum() / Math.max(1, v.length - 1));
    }
}
