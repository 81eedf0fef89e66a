package org.saddlepoint.solvers.finitesum;

import org.saddlepoint.solvers.operators.MonotoneOperator;

/**
 * A monotone operator with finite-sum structure, F(u) = (1/n) sum_{i=1..n} F_i(u) (Cai,
 * Alacaoglu and Diakonikolas, "Variance Reduced Halpern Iteration for Finite-Sum Monotone
 * Inclusions", ICLR 2024, eq. 1; spec monotone-operators 1.1). The components are evaluated
 * into caller buffers and never allocate: the variance-reduced methods call them millions of
 * times. {@link #apply} is the full F, one pass over the data. Implementations are immutable.
 */
public interface FiniteSumOperator extends MonotoneOperator {
    /** The number n of components. */
    int components();

    /** out += scale * F_i(u), without allocating. */
    void addComponent(int i, double[] u, double scale, double[] out);

    /**
     * out += scale * (F_i(u) - F_i(v)), without allocating: the difference of the recursive and
     * SVRG-type estimators. The default makes two component evaluations; implementations with a
     * linear F_i override it with one.
     */
    default void addComponentDifference(int i, double[] u, double[] v, double scale, double[] out) {
        addComponent(i, u, scale, out);
        addComponent(i, v, -scale, out);
    }

    /** A Lipschitz constant L_i of F_i, the weight of component i under importance sampling. */
    double componentLipschitz(int i);

    /** out = F(u) = (1/n) sum_i F_i(u); implementations override it with a faster single pass. */
    @Override
    default void apply(double[] u, double[] out) {
        java.util.Arrays.fill(out, 0.0);
        double scale = 1.0 / components();
        for (int i = 0; i < components(); i++) {
            addComponent(i, u, scale, out);
        }
    }
}
