package org.saddlepoint.solvers.operators;

import org.saddlepoint.solvers.linalg.LinearOperator;

/** Counts multiply, multiplyTranspose and multiplyBoth calls: {@link #counts()} in that order. */
public class CountingOperator implements LinearOperator {
    private final LinearOperator inner;
    private final int[] counts = new int[3];

    public CountingOperator(LinearOperator inner) {
        this.inner = inner;
    }

    public int[] counts() {
        return counts.clone();
    }

    @Override
    public int rows() {
        return inner.rows();
    }

    @Override
    public int cols() {
        return inner.cols();
    }

    @Override
    public void multiply(double[] x, double[] out) {
        counts[0]++;
        inner.multiply(x, out);
    }

    @Override
    public void multiplyTranspose(double[] y, double[] out) {
        counts[1]++;
        inner.multiplyTranspose(y, out);
    }

    @Override
    public void multiplyBoth(double[] x, double[] y, double[] kx, double[] kty) {
        counts[2]++;
        inner.multiplyBoth(x, y, kx, kty);
    }

    @Override
    public double maxAbsEntry() {
        return inner.maxAbsEntry();
    }
}
