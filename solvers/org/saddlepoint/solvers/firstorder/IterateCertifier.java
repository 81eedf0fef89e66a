package org.saddlepoint.solvers.firstorder;

import org.saddlepoint.solvers.operators.Certificate;

/**
 * Certifies the better of a method's last and averaged iterates. Averaging carries the
 * O(1/k) ergodic guarantees of extragradient, optimistic and no-regret methods; the last
 * iterate is often much better on polyhedral problems. Checking both costs one more
 * certificate evaluation per checkpoint.
 */
public final class IterateCertifier {
    private final Certificate certificate;
    private boolean averageBetter;

    public IterateCertifier(Certificate certificate) {
        this.certificate = certificate;
    }

    public double certify(double[] last, double[] average) {
        double a = certificate.evaluate(average);
        double l = certificate.evaluate(last);
        averageBetter = a < l || Double.isNaN(l);
        return averageBetter ? a : l;
    }

    public double[] point(double[] last, double[] average) {
        return averageBetter ? average : last;
    }
}
