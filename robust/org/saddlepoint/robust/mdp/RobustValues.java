package org.saddlepoint.robust.mdp;

/**
 * Values of a robust (regularized) Bellman recursion on a finite MDP: V_h(s), Q_h(s, a) and the policy they
 * belong to (the optimal one, or the evaluated one). Steps 0-based; arrays are copied out.
 */
public final class RobustValues {
    private final double[][] value;
    private final double[][][] q;
    private final TabularPolicy policy;
    private final double[] initial;

    RobustValues(double[][] value, double[][][] q, TabularPolicy policy, double[] initial) {
        this.value = value;
        this.q = q;
        this.policy = policy;
        this.initial = initial;
    }

    /** V_h(s). */
    public double value(int h, int s) {
        return value[h][s];
    }

    /** Q_h(s, .): a copy. */
    public double[] q(int h, int s) {
        return q[h][s].clone();
    }

    /** The expected V_1 under the initial distribution. */
    public double initialValue() {
        double v = 0;
        for (int s = 0; s < initial.length; s++) {
            v += initial[s] * value[0][s];
        }
        return v;
    }

    /** The optimal policy (from {@link RobustDynamicProgramming#optimal}) or the evaluated one. */
    public TabularPolicy policy() {
        return policy;
    }
}
