package org.saddlepoint.solvers.linalg;

/** ||K||_2 by power iteration on K^T K: the Euclidean Lipschitz constant of a bilinear coupling. */
public final class SpectralNorm {
    private SpectralNorm() {
    }

    /**
     * An estimate of the largest singular value of {@code k}, from below, accurate to about
     * {@code relativeTolerance} in the usual case of a gap between the top two singular values.
     * The start vector is all ones plus a fixed perturbation, so the result is deterministic.
     */
    public static double estimate(LinearOperator k, double relativeTolerance, int maxIterations) {
        int n = k.cols();
        double[] v = new double[n];
        for (int j = 0; j < n; j++) {
            v[j] = 1.0 + 0.01 * Math.sin(j + 1.0);
        }
        double[] kv = new double[k.rows()];
        double sigma = 0;
        scale(v, 1 / Vectors.norm2(v));
        for (int it = 0; it < maxIterations; it++) {
            k.multiply(v, kv);
            k.multiplyTranspose(kv, v);
            double norm = Vectors.norm2(v);
            if (norm == 0) {
                return 0;
            }
            double next = Math.sqrt(norm);
            scale(v, 1 / norm);
            if (Math.abs(next - sigma) <= relativeTolerance * next) {
                return next;
            }
            sigma = next;
        }
        return sigma;
    }

    private static void scale(double[] v, double s) {
        for (int i = 0; i < v.length; i++) {
            v[i] *= s;
        }
    }
}
