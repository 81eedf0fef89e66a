package org.saddlepoint.robust.ldr;

import java.util.Random;
import java.util.function.DoubleFunction;
import java.util.function.Function;

import org.saddlepoint.solvers.InvalidInputException;

/**
 * Chooses lambda from a grid by k-fold cross-validation on the (noisy) training labels, as Zhu,
 * Ying and Yang (ICML 2023) do: validation accuracy is measured against the noisy labels of the
 * held-out fold. Ties go to the earlier grid value.
 */
public final class LambdaCrossValidation {
    private LambdaCrossValidation() {
    }

    /** The chosen lambda and the mean validation accuracy of every grid value. */
    public record Choice(double lambda, double[] grid, double[] meanAccuracy) {
    }

    /**
     * @param trainer for each lambda, a function from a training set to the trained model
     */
    public static Choice select(MulticlassData data, double[] grid, int folds,
                                DoubleFunction<Function<MulticlassData, LinearMulticlassModel>> trainer, long seed) {
        if (grid.length == 0) {
            throw new InvalidInputException("the lambda grid is empty");
        }
        if (folds < 2 || folds > data.size()) {
            throw new InvalidInputException("folds must be in 2.." + data.size() + ", got " + folds);
        }
        int[] order = permutation(data.size(), new Random(seed));
        double[] mean = new double[grid.length];
        int best = 0;
        for (int g = 0; g < grid.length; g++) {
            Function<MulticlassData, LinearMulticlassModel> fit = trainer.apply(grid[g]);
            for (int f = 0; f < folds; f++) {
                MulticlassData[] split = split(data, order, f, folds);
                mean[g] += fit.apply(split[0]).accuracy(split[1]) / folds;
            }
            if (mean[g] > mean[best]) {
                best = g;
            }
        }
        return new Choice(grid[best], grid.clone(), mean);
    }

    /** A uniformly random permutation of 0..n-1 (Fisher-Yates). */
    public static int[] permutation(int n, Random random) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    /** {training, validation} for fold f of {@code folds} over the permutation {@code order}. */
    static MulticlassData[] split(MulticlassData data, int[] order, int f, int folds) {
        int n = order.length;
        int from = (int) ((long) f * n / folds);
        int to = (int) ((long) (f + 1) * n / folds);
        int[] validation = java.util.Arrays.copyOfRange(order, from, to);
        int[] training = new int[n - validation.length];
        System.arraycopy(order, 0, training, 0, from);
        System.arraycopy(order, to, training, from, n - to);
        return new MulticlassData[] {data.subset(training), data.subset(validation)};
    }
}
