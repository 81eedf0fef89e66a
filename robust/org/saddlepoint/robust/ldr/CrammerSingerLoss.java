package org.saddlepoint.robust.ldr;

import org.saddlepoint.solvers.Checks;

/**
 * The Crammer-Singer multiclass hinge max_k (c 1[k != y] + f_k - f_y) (Crammer and Singer, JMLR
 * 2001), the lambda -&gt; 0 limit of {@link LdrKlLoss}. Its subgradient is e_k* - e_y at a
 * maximising k* (the first one).
 */
public final class CrammerSingerLoss implements MulticlassLoss {
    private final double margin;

    public CrammerSingerLoss(double margin) {
        this.margin = Checks.nonNegative("margin", margin);
    }

    public double margin() {
        return margin;
    }

    @Override
    public double evaluate(double[] scores, int label, double[] gradient) {
        double[] a = MulticlassLoss.shiftedScores(scores, label, margin);
        int best = label;
        for (int k = 0; k < a.length; k++) {
            if (a[k] > a[best]) {
                best = k;
            }
        }
        if (gradient != null) {
            java.util.Arrays.fill(gradient, 0);
            gradient[best] += 1;
            gradient[label] -= 1;
        }
        return a[best];
    }

    @Override
    public boolean smooth() {
        return false;
    }

    @Override
    public String toString() {
        return "cs(c=" + margin + ")";
    }
}
