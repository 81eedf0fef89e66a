package org.saddlepoint.robust.mdp;

import java.util.Arrays;

import org.saddlepoint.solvers.InvalidInputException;

/** A Markov policy on a finite state space, pi[h][s][a]. Immutable. */
public final class TabularPolicy implements Policy<Integer> {
    private final double[][][] pi;

    /** @param pi pi[h][s] a probability vector over the actions for every step h and state s */
    public TabularPolicy(double[][][] pi) {
        if (pi == null || pi.length == 0 || pi[0].length == 0) {
            throw new InvalidInputException("a tabular policy needs at least one step and one state");
        }
        this.pi = new double[pi.length][pi[0].length][];
        int actions = pi[0][0].length;
        for (int h = 0; h < pi.length; h++) {
            if (pi[h].length != pi[0].length) {
                throw new InvalidInputException("policy step " + h + " has " + pi[h].length + " states, expected " + pi[0].length);
            }
            for (int s = 0; s < pi[h].length; s++) {
                this.pi[h][s] = FiniteLinearMdp.checkedDistribution("pi[" + h + "][" + s + "]", pi[h][s], actions);
            }
        }
    }

    /** The uniform policy. */
    public static TabularPolicy uniform(int horizon, int states, int actions) {
        double[][][] p = new double[horizon][states][actions];
        for (double[][] step : p) {
            for (double[] row : step) {
                Arrays.fill(row, 1.0 / actions);
            }
        }
        return new TabularPolicy(p);
    }

    /** {@code policy} queried at every step and state of {@code mdp}. */
    public static TabularPolicy of(Policy<Integer> policy, FiniteLinearMdp mdp) {
        double[][][] p = new double[mdp.horizon()][mdp.stateCount()][];
        for (int h = 0; h < p.length; h++) {
            for (int s = 0; s < p[h].length; s++) {
                p[h][s] = policy.probabilities(h, s);
            }
        }
        return new TabularPolicy(p);
    }

    public int horizon() {
        return pi.length;
    }

    public int stateCount() {
        return pi[0].length;
    }

    public int actionCount() {
        return pi[0][0].length;
    }

    @Override
    public double[] probabilities(int h, Integer state) {
        return pi[h][state].clone();
    }

    /** Throws unless this policy has the shape of {@code mdp}. */
    void requireShape(FiniteLinearMdp mdp) {
        if (horizon() != mdp.horizon() || stateCount() != mdp.stateCount() || actionCount() != mdp.actionCount()) {
            throw new InvalidInputException("policy is " + horizon() + " x " + stateCount() + " x " + actionCount()
                    + " (steps x states x actions), the MDP " + mdp.horizon() + " x " + mdp.stateCount() + " x "
                    + mdp.actionCount());
        }
    }
}
