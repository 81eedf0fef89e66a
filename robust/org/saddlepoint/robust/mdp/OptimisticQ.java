package org.saddlepoint.robust.mdp;

/**
 * One optimistic robust Q-function of the ridge critic (spec 2.2), frozen:
 * Q_h(s, a) = clip(r_h(s, a) + phi(s, a).nu_h + Gamma_h(s, a), 0, H - h + 1) with Gamma the {@link BonusForm} bonus at
 * Lambda_h^-1 (its diagonal, or all of it for the elliptical form); in a linear MDP r_h + phi.nu_h = phi.(theta_h + nu_h).
 * Immutable.
 */
final class OptimisticQ {
    private final double[] w;
    private final double[] inverse;
    private final BonusForm form;
    private final double beta;
    private final double cap;

    /**
     * @param w       nu_h, the robust next-state value per coordinate
     * @param inverse Lambda_h^-1: its diagonal (d entries), or row-major d x d for {@link BonusForm#ELLIPTICAL}; kept
     * @param cap     the largest value from step h on (H - h + 1 for rewards in [0, 1])
     */
    OptimisticQ(double[] w, double[] inverse, BonusForm form, double beta, double cap) {
        this.w = w;
        this.inverse = form == BonusForm.D_RECTANGULAR ? sqrt(inverse) : inverse;
        this.form = form;
        this.beta = beta;
        this.cap = cap;
    }

    double value(double[] phi, double reward) {
        double q = reward;
        for (int i = 0; i < w.length; i++) {
            q += phi[i] * w[i];
        }
        q += beta == 0 ? 0 : beta * bonus(phi);
        return Math.min(Math.max(q, 0), cap);
    }

    /** Q(s, .) from the features phi(s, b) and rewards r(s, b) of every action b. */
    double[] values(double[][] phiOfActions, double[] rewards) {
        double[] q = new double[phiOfActions.length];
        for (int b = 0; b < q.length; b++) {
            q[b] = value(phiOfActions[b], rewards[b]);
        }
        return q;
    }

    private static double[] sqrt(double[] diagonal) {
        double[] r = new double[diagonal.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = Math.sqrt(diagonal[i]);
        }
        return r;
    }

    private double bonus(double[] phi) {
        int d = phi.length;
        double s = 0;
        switch (form) {
            case D_RECTANGULAR -> {
                for (int i = 0; i < d; i++) {
                    s += phi[i] * inverse[i];
                }
                return s;
            }
            case DIAGONAL -> {
                for (int i = 0; i < d; i++) {
                    s += phi[i] * phi[i] * inverse[i];
                }
            }
            case ELLIPTICAL -> {
                for (int i = 0; i < d; i++) {
                    double row = 0;
                    for (int j = 0; j < d; j++) {
                        row += inverse[i * d + j] * phi[j];
                    }
                    s += phi[i] * row;
                }
            }
        }
        return Math.sqrt(Math.max(s, 0));
    }
}
