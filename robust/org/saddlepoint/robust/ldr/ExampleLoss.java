package org.saddlepoint.robust.ldr;

/**
 * The loss of example i of a training set: like {@link MulticlassLoss}, but it may depend on the
 * example (ALDR-KL's per-example lambda_i).
 */
@FunctionalInterface
public interface ExampleLoss {
    double evaluate(int example, double[] scores, int label, double[] gradient);

    /** The same loss for every example. */
    static ExampleLoss of(MulticlassLoss loss) {
        return (i, scores, label, gradient) -> loss.evaluate(scores, label, gradient);
    }
}
