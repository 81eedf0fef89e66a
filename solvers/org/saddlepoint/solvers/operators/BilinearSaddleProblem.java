package org.saddlepoint.solvers.operators;

import org.saddlepoint.solvers.InvalidInputException;
import org.saddlepoint.solvers.linalg.LinearOperator;

/**
 * The bilinear saddle problem max_{x in X} min_{y in Y} x^T K y, with K a linear operator
 * (rows = dim X, cols = dim Y). The stacked point is u = (x, y), the monotone operator is
 * F(x, y) = (-K y, K^T x), and the certificate is the duality gap
 * Gap(x, y) = max_{x' in X} x'^T K y - min_{y' in Y} x^T K y' >= 0, zero exactly at saddle
 * points; on simplices it is max_i (K y)_i - min_j (K^T x)_j. Immutable.
 */
public final class BilinearSaddleProblem {
    private final LinearOperator coupling;
    private final Domain maxDomain;
    private final Domain minDomain;
    private final Domain product;

    public BilinearSaddleProblem(LinearOperator coupling, Domain maxDomain, Domain minDomain) {
        if (coupling.rows() != maxDomain.dimension() || coupling.cols() != minDomain.dimension()) {
            throw new InvalidInputException("coupling is " + coupling.rows() + " x " + coupling.cols()
                    + " but the domains have dimensions " + maxDomain.dimension() + " and " + minDomain.dimension());
        }
        this.coupling = coupling;
        this.maxDomain = maxDomain;
        this.minDomain = minDomain;
        this.product = maxDomain.times(minDomain);
    }

    /** max over the simplex in R^m, min over the simplex in R^n: a zero-sum matrix game. */
    public static BilinearSaddleProblem onSimplices(LinearOperator coupling) {
        return new BilinearSaddleProblem(coupling, Domain.simplex(coupling.rows()), Domain.simplex(coupling.cols()));
    }

    public LinearOperator coupling() {
        return coupling;
    }

    public Domain maxDomain() {
        return maxDomain;
    }

    public Domain minDomain() {
        return minDomain;
    }

    /** X x Y. */
    public Domain domain() {
        return product;
    }

    public int rows() {
        return coupling.rows();
    }

    public int cols() {
        return coupling.cols();
    }

    /** The stacked point (x, y). */
    public double[] stack(double[] x, double[] y) {
        double[] u = new double[x.length + y.length];
        System.arraycopy(x, 0, u, 0, x.length);
        System.arraycopy(y, 0, u, x.length, y.length);
        return u;
    }

    /** x from u = (x, y). */
    public double[] maxPart(double[] u) {
        return java.util.Arrays.copyOfRange(u, 0, rows());
    }

    /** y from u = (x, y). */
    public double[] minPart(double[] u) {
        return java.util.Arrays.copyOfRange(u, rows(), rows() + cols());
    }

    /** x^T K y. */
    public double value(double[] x, double[] y) {
        double[] ky = new double[rows()];
        coupling.multiply(y, ky);
        return org.saddlepoint.solvers.linalg.Vectors.dot(x, ky);
    }

    /** The duality gap at (x, y). */
    public double gap(double[] x, double[] y) {
        double[] ky = new double[rows()];
        double[] ktx = new double[cols()];
        coupling.multiplyBoth(y, x, ky, ktx);
        return gapFromProducts(ky, ktx);
    }

    /** The duality gap from the products K y and K^T x already at hand; clipped at 0 against rounding. */
    public double gapFromProducts(double[] ky, double[] ktx) {
        double best = maxDomain.support(ky);
        double worst = -minDomain.support(negate(ktx));
        return Math.max(0.0, best - worst);
    }

    /** The duality gap at the stacked point u = (x, y). */
    public double gap(double[] u) {
        return gap(maxPart(u), minPart(u));
    }

    /** F(x, y) = (-K y, K^T x), one pass over K. */
    public MonotoneOperator operator() {
        return new MonotoneOperator() {
            @Override
            public int dimension() {
                return product.dimension();
            }

            @Override
            public void apply(double[] u, double[] out) {
                int m = rows();
                int n = cols();
                double[] x = new double[m];
                double[] y = new double[n];
                System.arraycopy(u, 0, x, 0, m);
                System.arraycopy(u, m, y, 0, n);
                double[] ky = new double[m];
                double[] ktx = new double[n];
                coupling.multiplyBoth(y, x, ky, ktx);
                for (int i = 0; i < m; i++) {
                    out[i] = -ky[i];
                }
                System.arraycopy(ktx, 0, out, m, n);
            }
        };
    }

    /** The gap as a {@link Certificate}. */
    public Certificate gapCertificate() {
        return new Certificate() {
            @Override
            public String name() {
                return "duality gap";
            }

            @Override
            public double evaluate(double[] u) {
                return gap(u);
            }
        };
    }

    /** The problem as a variational inequality over X x Y, certified by the duality gap. */
    public VariationalInequality asVariationalInequality() {
        return new VariationalInequality(operator(), product, gapCertificate());
    }

    private static double[] negate(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = -v[i];
        }
        return out;
    }
}
