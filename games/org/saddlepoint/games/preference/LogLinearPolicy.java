package org.saddlepoint.games.preference;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.saddlepoint.solvers.Checks;
import org.saddlepoint.solvers.InvalidInputException;

/**
 * A log-linear (parametric) softmax policy over K responses, pi_w(y) ∝ exp(w^T phi(y)), with
 * features phi(y) in R^d (spec section 0.1; the policy class of the EGPO, Nash-MD-PG and rDPO
 * analyses). One-hot features ({@link #oneHot(int)}) give the tabular policy. The learners'
 * losses are functions of the logits phi(y)^T w, so their gradients in w are the logit gradients
 * pulled back by the features, Phi^T g. Immutable.
 */
public final class LogLinearPolicy {
    private final double[][] features;
    private final int dimension;

    private LogLinearPolicy(double[][] features, int dimension) {
        this.features = features;
        this.dimension = dimension;
    }

    /**
     * @param features K rows phi(y) of d finite features (copied)
     */
    public static LogLinearPolicy of(double[][] features) {
        if (features == null || features.length == 0 || features[0] == null) {
            throw new InvalidInputException("a log-linear policy needs the features of at least one response");
        }
        int d = Checks.positive("feature dimension", features[0].length);
        double[][] copy = new double[features.length][];
        for (int y = 0; y < features.length; y++) {
            copy[y] = Checks.finite("features[" + y + "]", Checks.length("features[" + y + "]", features[y], d)).clone();
        }
        return new LogLinearPolicy(copy, d);
    }

    /** One-hot features over k responses: the tabular policy written as a log-linear one. */
    public static LogLinearPolicy oneHot(int k) {
        double[][] phi = new double[Checks.positive("responses", k)][k];
        for (int y = 0; y < k; y++) {
            phi[y][y] = 1;
        }
        return new LogLinearPolicy(phi, k);
    }

    /** K, the number of responses. */
    public int responses() {
        return features.length;
    }

    /** d, the number of parameters. */
    public int dimension() {
        return dimension;
    }

    /** pi_w. */
    public double[] policy(double[] weights) {
        double[] logits = new double[responses()];
        double[] pi = new double[responses()];
        logProbabilities(Checks.length("weights", weights, dimension), logits, pi);
        return pi;
    }

    /** Writes log pi_w (the logits Phi w, re-centred) to {@code outLogPi} and pi_w to {@code outPi}. */
    void logProbabilities(double[] weights, double[] outLogPi, double[] outPi) {
        for (int y = 0; y < features.length; y++) {
            double s = 0;
            for (int i = 0; i < dimension; i++) {
                s += features[y][i] * weights[i];
            }
            outLogPi[y] = s;
        }
        Softmax.normalise(outLogPi, outPi);
    }

    /** out = from - lr Phi^T g: a gradient step in the weights along the logit gradient g. */
    void descend(double[] from, double lr, double[] logitGradient, double[] out) {
        System.arraycopy(from, 0, out, 0, dimension);
        for (int y = 0; y < features.length; y++) {
            double g = lr * logitGradient[y];
            if (g != 0) {
                for (int i = 0; i < dimension; i++) {
                    out[i] -= g * features[y][i];
                }
            }
        }
    }

    /**
     * The least-squares weights of a policy: w minimising ||Phi w + c 1 - log pi||^2 over w and c
     * (exact, pi_w = pi, when log pi is in the span of the features and the constants).
     */
    double[] weightsOf(double[] policy) {
        int k = responses();
        DMatrixRMaj a = new DMatrixRMaj(k, dimension + 1);
        DMatrixRMaj b = new DMatrixRMaj(k, 1);
        for (int y = 0; y < k; y++) {
            for (int i = 0; i < dimension; i++) {
                a.set(y, i, features[y][i]);
            }
            a.set(y, dimension, 1);
            b.set(y, 0, Math.log(policy[y]));
        }
        DMatrixRMaj x = new DMatrixRMaj(dimension + 1, 1);
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.pseudoInverse(true);
        solver.setA(a);
        solver.solve(b, x);
        double[] w = new double[dimension];
        System.arraycopy(x.getData(), 0, w, 0, dimension);
        return w;
    }

    /** phi(y)_i. */
    double feature(int y, int i) {
        return features[y][i];
    }

    /** The feature difference phi(y) - phi(z), into {@code out}. */
    void difference(int y, int z, double[] out) {
        for (int i = 0; i < dimension; i++) {
            out[i] = features[y][i] - features[z][i];
        }
    }
}
