package org.saddlepoint.robust.ldr;

import org.saddlepoint.solvers.Checks;
import org.saddlepoint.solvers.InvalidInputException;

/**
 * A labelled multiclass data set: n feature vectors of dimension d and labels in {0..K-1}.
 * Immutable (the arrays are copied in and out).
 */
public final class MulticlassData {
    private final double[][] features;
    private final int[] labels;
    private final int classes;

    public MulticlassData(double[][] features, int[] labels, int classes) {
        if (features == null || labels == null || features.length == 0) {
            throw new InvalidInputException("a data set needs at least one example");
        }
        if (features.length != labels.length) {
            throw new InvalidInputException(features.length + " feature rows but " + labels.length + " labels");
        }
        if (classes < 2) {
            throw new InvalidInputException("a multiclass data set needs at least 2 classes, got " + classes);
        }
        int d = features[0].length;
        this.features = new double[features.length][];
        for (int i = 0; i < features.length; i++) {
            Checks.length("features of example " + (i + 1), features[i], d);
            this.features[i] = Checks.finite("features of example " + (i + 1), features[i].clone());
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new InvalidInputException("label of example " + (i + 1) + " is " + labels[i]
                        + ", outside 0.." + (classes - 1));
            }
        }
        this.labels = labels.clone();
        this.classes = classes;
    }

    public int size() {
        return labels.length;
    }

    public int dimension() {
        return features[0].length;
    }

    public int classes() {
        return classes;
    }

    public double[] features(int i) {
        return features[i].clone();
    }

    public int label(int i) {
        return labels[i];
    }

    public int[] labels() {
        return labels.clone();
    }

    /** The same features with other labels (e.g. noisy ones). */
    public MulticlassData withLabels(int[] newLabels) {
        return new MulticlassData(features, newLabels, classes);
    }

    /** The examples at {@code indices}, in that order. */
    public MulticlassData subset(int[] indices) {
        double[][] x = new double[indices.length][];
        int[] y = new int[indices.length];
        for (int j = 0; j < indices.length; j++) {
            x[j] = features[indices[j]];
            y[j] = labels[indices[j]];
        }
        return new MulticlassData(x, y, classes);
    }

    double[] row(int i) {
        return features[i];
    }
}
