package org.saddlepoint.robust.ldr;

import org.saddlepoint.solvers.linalg.LogSumExp;

/** The softmax cross-entropy loss log sum_k exp(f_k) - f_y, gradient softmax(f) - e_y. */
public final class CrossEntropyLoss implements MulticlassLoss {
    @Override
    public double evaluate(double[] scores, int label, double[] gradient) {
        double lse = LogSumExp.softmax(scores, 1, gradient);
        if (gradient != null) {
            gradient[label] -= 1;
        }
        return lse - scores[label];
    }

    @Override
    public boolean smooth() {
        return true;
    }

    @Override
    public String toString() {
        return "ce";
    }
}
