package org.saddlepoint.robust.groupwise;

/**
 * One shuffle of a groupwise experiment: per group g, the cumulative squared loss on the rounds
 * of g of the group-agnostic baseline, of the groupwise algorithm charged its expected loss (the
 * paper's "Anh") and of its mixture prediction, arrays indexed like {@link GroupedData#groupNames};
 * and the groupwise algorithm's total expected loss over all rounds.
 */
public record GroupwiseRun(long seed, double[] baselineLoss, double[] expectedLoss, double[] mixtureLoss,
        double totalExpectedLoss) {
}
