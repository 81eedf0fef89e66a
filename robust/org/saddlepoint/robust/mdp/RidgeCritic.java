package org.saddlepoint.robust.mdp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The ridge-regression critic of one step h (spec 2.2; Liu and Xu 2024, Algorithm 1): the stored samples
 * (phi^tau_h, s^tau_{h+1}) with the features phi(s^tau_{h+1}, b) of every action b at the next state (spec
 * pitfall 8), and Lambda_h^-1 = (lambda I + sum_tau phi^tau phi^tau^T)^-1, kept by rank-one Sherman-Morrison
 * updates (EJML). {@link #fit} turns next-state values v^tau into the robust optimistic Q-function: per
 * coordinate the exact alpha maximization of {@link TotalVariationDual} on the weights c^tau = Lambda^-1 phi^tau.
 *
 * @param <S> the state type
 */
final class RidgeCritic<S> {
    private final int d;
    private final DMatrixRMaj inverse;
    private final DMatrixRMaj u;
    private double[] phi = new double[0];
    private final List<double[][]> nextFeatures = new ArrayList<>();
    private final List<double[]> nextRewards = new ArrayList<>();
    private final List<S> nextStates = new ArrayList<>();
    private final List<Boolean> nextFail = new ArrayList<>();
    private int n;

    RidgeCritic(int d, double lambda) {
        this.d = d;
        this.inverse = CommonOps_DDRM.identity(d);
        CommonOps_DDRM.scale(1 / lambda, inverse);
        this.u = new DMatrixRMaj(d, 1);
    }

    /** Stores one sample and updates Lambda^-1 -= (Lambda^-1 phi)(Lambda^-1 phi)^T / (1 + phi^T Lambda^-1 phi). */
    void add(double[] features, double[][] nextFeaturesOfActions, double[] nextRewardsOfActions, S nextState,
             boolean fail) {
        if (phi.length < (n + 1) * d) {
            phi = Arrays.copyOf(phi, Math.max(2 * phi.length, (n + 1) * d));
        }
        System.arraycopy(features, 0, phi, n * d, d);
        nextFeatures.add(nextFeaturesOfActions);
        nextRewards.add(nextRewardsOfActions);
        nextStates.add(nextState);
        nextFail.add(fail);
        n++;
        DMatrixRMaj x = DMatrixRMaj.wrap(d, 1, features.clone());
        CommonOps_DDRM.mult(inverse, x, u);
        double denominator = 1 + CommonOps_DDRM.dot(x, u);
        CommonOps_DDRM.multAddTransB(-1 / denominator, u, u, inverse);
    }

    int size() {
        return n;
    }

    double[][] nextFeatures(int t) {
        return nextFeatures.get(t);
    }

    double[] nextRewards(int t) {
        return nextRewards.get(t);
    }

    S nextState(int t) {
        return nextStates.get(t);
    }

    boolean nextIsFail(int t) {
        return nextFail.get(t);
    }

    /** Lambda^-1: a copy. */
    DMatrixRMaj inverse() {
        return inverse.copy();
    }

    /**
     * The robust optimistic Q-function for next-state values {@code v} (one per stored sample), with
     * nu_i = max_alpha { [Lambda^-1 sum_tau phi^tau min(v^tau, alpha)]_i - rho_i (alpha - V_min) },
     * V_min = min(0, min_tau v^tau) (the fail state has value 0; regularized values may lie below it).
     */
    OptimisticQ fit(double[] v, double[] rho, BonusForm form, double beta, double cap) {
        double vMin = 0;
        for (int t = 0; t < n; t++) {
            vMin = Math.min(vMin, v[t]);
        }
        double[] nu = new double[d];
        if (n > 0) {
            DMatrixRMaj c = new DMatrixRMaj(n, d);
            CommonOps_DDRM.mult(DMatrixRMaj.wrap(n, d, phi), inverse, c); // row t: (Lambda^-1 phi^t)^T
            nu = TotalVariationDual.maximize(c.data, v, n, rho, vMin);
        }
        return new OptimisticQ(nu, bonusMatrix(form), form, beta, cap);
    }

    private double[] bonusMatrix(BonusForm form) {
        if (form == BonusForm.ELLIPTICAL) {
            return inverse.data.clone();
        }
        double[] diagonal = new double[d];
        for (int i = 0; i < d; i++) {
            diagonal[i] = inverse.get(i, i);
        }
        return diagonal;
    }
}
