package org.saddlepoint.robust.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.Function;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.saddlepoint.cli.Formats;
import org.saddlepoint.cli.JsonOutput;
import org.saddlepoint.cli.Saddlepoint;
import org.saddlepoint.robust.ldr.AldrKlLoss;
import org.saddlepoint.robust.ldr.AldrKlTraining;
import org.saddlepoint.robust.ldr.CrammerSingerLoss;
import org.saddlepoint.robust.ldr.CrossEntropyLoss;
import org.saddlepoint.robust.ldr.LabelNoise;
import org.saddlepoint.robust.ldr.LambdaCrossValidation;
import org.saddlepoint.robust.ldr.LdrKlLoss;
import org.saddlepoint.robust.ldr.LinearModelTraining;
import org.saddlepoint.robust.ldr.LinearMulticlassModel;
import org.saddlepoint.robust.ldr.MulticlassData;
import org.saddlepoint.robust.ldr.TrainedModel;
import org.saddlepoint.solvers.Checks;
import org.saddlepoint.solvers.InvalidInputException;
import org.saddlepoint.solvers.io.CsvRows;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code saddlepoint ldr DATA.csv --label COL --loss L}: trains a linear multiclass model with an
 * LDR loss (Zhu, Ying and Yang, ICML 2023) or a classical one, optionally on noisy labels, and
 * reports clean held-out accuracy.
 */
@Command(name = "ldr", mixinStandardHelpOptions = true, versionProvider = Saddlepoint.Version.class,
        sortOptions = false,
        description = {
            "Trains a linear classifier f(x) = W x + b with a label-distributionally robust loss (LDR-KL, "
                + "ALDR-KL) or cross-entropy / Crammer-Singer, on a random training part of DATA.csv (labels "
                + "optionally corrupted), and reports top-1 and top-5 accuracy on the clean held-out part."
        },
        footer = {"", "Exit codes: 0 success, 2 bad input or arguments."})
public final class LdrCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DATA.csv",
            description = "A header line, then one example per line: numeric features and a label column.")
    private Path dataFile;

    @Option(names = "--label", required = true, paramLabel = "COL", description = "Name of the label column.")
    private String labelColumn;

    @Option(names = "--loss", required = true, paramLabel = "LOSS", description = "ldr-kl, aldr-kl, ce or cs.")
    private String loss;

    @Option(names = "--lambda", defaultValue = "1", paramLabel = "L",
            description = "lambda of ldr-kl, lambda_0 of aldr-kl. Default: ${DEFAULT-VALUE}.")
    private double lambda;

    @Option(names = "--lambda-grid", split = ",", paramLabel = "L1,L2,...",
            description = "Choose lambda from these by k-fold cross-validation on the (noisy) training labels.")
    private double[] lambdaGrid;

    @Option(names = "--folds", defaultValue = "5", paramLabel = "K", description = "Folds of --lambda-grid. Default: ${DEFAULT-VALUE}.")
    private int folds;

    @Option(names = "--margin", defaultValue = "0.1", paramLabel = "C",
            description = "Margin c (ldr-kl, aldr-kl, cs). Default: ${DEFAULT-VALUE}.")
    private double margin;

    @Option(names = "--alpha", defaultValue = "2", paramLabel = "A", description = "alpha > 1 of aldr-kl. Default: ${DEFAULT-VALUE}.")
    private double alpha;

    @Option(names = "--rounds", defaultValue = "5", paramLabel = "R", description = "lambda updates of aldr-kl. Default: ${DEFAULT-VALUE}.")
    private int rounds;

    @Option(names = "--weight-decay", defaultValue = "5e-3", paramLabel = "W", description = "L2 weight decay. Default: ${DEFAULT-VALUE}.")
    private double weightDecay;

    @Option(names = "--noise", paramLabel = "uniform:Q|class:Q",
            description = "Corrupt the training labels: uniform (replaced by a uniform class with probability Q) "
                    + "or class (y -> y+1 mod K with probability Q).")
    private String noise;

    @Option(names = "--test-fraction", defaultValue = "0.3", paramLabel = "F", description = "Held-out fraction. Default: ${DEFAULT-VALUE}.")
    private double testFraction;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "N", description = "Seed of the split and the noise. Default: ${DEFAULT-VALUE}.")
    private long seed;

    @Option(names = "--json", description = "Print one JSON object instead of the report.")
    private boolean json;

    @Override
    public Integer call() {
        Checks.nonNegative("--weight-decay", weightDecay);
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new InvalidInputException("--test-fraction must be in (0, 1), got " + testFraction);
        }
        MulticlassData data = read(CsvRows.read(dataFile));
        Random random = new Random(seed);
        int[] order = LambdaCrossValidation.permutation(data.size(), random);
        int testSize = (int) Math.round(testFraction * data.size());
        if (testSize < 1 || testSize >= data.size()) {
            throw new InvalidInputException("--test-fraction " + testFraction + " leaves no training or test example");
        }
        MulticlassData test = data.subset(Arrays.copyOfRange(order, 0, testSize));
        MulticlassData train = data.subset(Arrays.copyOfRange(order, testSize, data.size()));
        train = train.withLabels(corrupt(train, random));
        LambdaCrossValidation.Choice choice = lambdaGrid == null ? null
                : LambdaCrossValidation.select(train, lambdaGrid, folds, l -> d -> trainer(l).apply(d).model(), seed);
        double chosen = choice == null ? lambda : choice.lambda();
        TrainedModel trained = trainer(chosen).apply(train);
        print(trained, choice, chosen, train, test);
        return Saddlepoint.EXIT_OK;
    }

    private Function<MulticlassData, TrainedModel> trainer(double l) {
        return switch (loss.toLowerCase(Locale.ROOT)) {
            case "ldr-kl" -> d -> LinearModelTraining.train(d, new LdrKlLoss(l, margin), weightDecay);
            case "aldr-kl" -> d -> AldrKlTraining.train(d, new AldrKlLoss(l, alpha, margin,
                    AldrKlLoss.Variant.CODE_FAITHFUL), weightDecay, rounds).trained();
            case "ce" -> d -> LinearModelTraining.train(d, new CrossEntropyLoss(), weightDecay);
            case "cs" -> d -> LinearModelTraining.train(d, new CrammerSingerLoss(margin), weightDecay);
            default -> throw new InvalidInputException("--loss must be ldr-kl, aldr-kl, ce or cs, got '" + loss + "'");
        };
    }

    private int[] corrupt(MulticlassData train, Random random) {
        if (noise == null) {
            return train.labels();
        }
        String[] parts = noise.split(":", 2);
        double q;
        try {
            q = parts.length == 2 ? Double.parseDouble(parts[1]) : Double.NaN;
        } catch (NumberFormatException e) {
            q = Double.NaN;
        }
        return switch (parts[0]) {
            case "uniform" -> LabelNoise.uniform(train.labels(), train.classes(), q, random);
            case "class" -> LabelNoise.classDependent(train.labels(), LabelNoise.nextClassPairing(train.classes()), q,
                    random);
            default -> throw new InvalidInputException("--noise must be uniform:Q or class:Q, got '" + noise + "'");
        };
    }

    private void print(TrainedModel t, LambdaCrossValidation.Choice choice, double chosen, MulticlassData train,
                       MulticlassData test) {
        LinearMulticlassModel m = t.model();
        double top1 = m.accuracy(test);
        double top5 = m.topKAccuracy(test, 5);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectNode node = JsonOutput.newObject();
            node.put("loss", loss.toLowerCase(Locale.ROOT));
            node.put("model", t.method());
            JsonOutput.putNumber(node, "lambda", chosen);
            if (choice != null) {
                JsonOutput.putArray(node, "lambda_grid", choice.grid());
                JsonOutput.putArray(node, "cv_accuracy", choice.meanAccuracy());
            }
            node.put("train_size", train.size());
            node.put("test_size", test.size());
            node.put("classes", train.classes());
            JsonOutput.putNumber(node, "objective", t.objective());
            JsonOutput.putNumber(node, "gradient_norm", t.gradientNorm());
            JsonOutput.putNumber(node, "smoothing_bound", t.smoothingBound());
            JsonOutput.putNumber(node, "train_accuracy", m.accuracy(train));
            JsonOutput.putNumber(node, "test_top1", top1);
            JsonOutput.putNumber(node, "test_top5", top5);
            JsonOutput.print(out, node);
            return;
        }
        out.println("data:        " + dataFile + " (" + train.size() + " train, " + test.size() + " test, "
                + train.classes() + " classes" + (noise == null ? "" : ", noise " + noise) + ")");
        out.println("loss:        " + t.method());
        if (choice != null) {
            out.println("lambda:      " + Formats.number(chosen) + " by " + folds + "-fold CV, accuracies "
                    + Arrays.toString(Arrays.stream(choice.meanAccuracy()).mapToObj(Formats::number).toArray()));
        }
        out.println("objective:   " + Formats.number(t.objective()) + " (gradient norm "
                + Formats.number(t.gradientNorm()) + ")");
        out.println("train acc:   " + Formats.number(m.accuracy(train)) + " (on the training labels)");
        out.println("test top-1:  " + Formats.number(top1));
        out.println("test top-5:  " + Formats.number(top5));
        out.flush();
    }

    private MulticlassData read(CsvRows csv) {
        String[] header = csv.row(0);
        int label = Arrays.asList(header).indexOf(labelColumn);
        if (label < 0) {
            throw new InvalidInputException(csv.source() + ": no column '" + labelColumn + "' in the header "
                    + String.join(",", header));
        }
        if (csv.size() < 3 || header.length < 2) {
            throw new InvalidInputException(csv.source() + ": needs a header, a feature column and at least two examples");
        }
        TreeMap<String, Integer> classes = new TreeMap<>();
        for (int i = 1; i < csv.size(); i++) {
            if (csv.row(i).length != header.length) {
                throw new InvalidInputException(csv.source() + ": line " + csv.line(i) + " has " + csv.row(i).length
                        + " cells, the header has " + header.length);
            }
            classes.put(csv.row(i)[label], 0);
        }
        int k = 0;
        for (String c : classes.keySet()) {
            classes.put(c, k++);
        }
        double[][] x = new double[csv.size() - 1][header.length - 1];
        int[] y = new int[csv.size() - 1];
        for (int i = 1; i < csv.size(); i++) {
            for (int j = 0, f = 0; j < header.length; j++) {
                if (j != label) {
                    x[i - 1][f++] = csv.number(i, j);
                }
            }
            y[i - 1] = classes.get(csv.row(i)[label]);
        }
        return new MulticlassData(x, y, Math.max(2, classes.size()));
    }
}
