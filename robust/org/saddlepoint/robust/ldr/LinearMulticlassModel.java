package org.saddlepoint.robust.ldr;

import org.saddlepoint.solvers.Checks;
import org.saddlepoint.solvers.InvalidInputException;

/**
 * The linear multiclass scorer f(x) = W x + b, W in R^{K x d}; stored as the row-major K x (d+1)
 * matrix [W b]. Immutable.
 */
public final class LinearMulticlassModel {
    private final int classes;
    private final int dimension;
    private final double[] parameters;

    /** @param parameters row-major K x (d+1): row k holds w_k then b_k */
    public LinearMulticlassModel(int classes, int dimension, double[] parameters) {
        Checks.positive("classes", classes);
        Checks.positive("dimension", dimension);
        Checks.length("parameters", parameters, classes * (dimension + 1));
        this.classes = classes;
        this.dimension = dimension;
        this.parameters = Checks.finite("parameters", parameters.clone());
    }

    public int classes() {
        return classes;
    }

    public int dimension() {
        return dimension;
    }

    public double[] parameters() {
        return parameters.clone();
    }

    /** The scores W x + b. */
    public double[] scores(double[] x) {
        if (x.length != dimension) {
            throw new InvalidInputException("feature vector has length " + x.length + ", expected " + dimension);
        }
        return scores(parameters, classes, x);
    }

    static double[] scores(double[] theta, int classes, double[] x) {
        int stride = x.length + 1;
        double[] f = new double[classes];
        for (int k = 0; k < classes; k++) {
            double s = theta[k * stride + x.length];
            for (int j = 0; j < x.length; j++) {
                s += theta[k * stride + j] * x[j];
            }
            f[k] = s;
        }
        return f;
    }

    /** The predicted class, argmax_k f_k(x) (the first on ties). */
    public int predict(double[] x) {
        double[] f = scores(x);
        int best = 0;
        for (int k = 1; k < classes; k++) {
            if (f[k] > f[best]) {
                best = k;
            }
        }
        return best;
    }

    /** The fraction of examples whose label is among the {@code k} highest scores. */
    public double topKAccuracy(MulticlassData data, int k) {
        int hits = 0;
        for (int i = 0; i < data.size(); i++) {
            double[] f = scores(data.row(i));
            double own = f[data.label(i)];
            int above = 0;
            for (int c = 0; c < classes; c++) {
                if (f[c] > own || (f[c] == own && c < data.label(i))) {
                    above++;
                }
            }
            hits += above < k ? 1 : 0;
        }
        return hits / (double) data.size();
    }

    public double accuracy(MulticlassData data) {
        return topKAccuracy(data, 1);
    }
}
