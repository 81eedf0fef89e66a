package org.saddlepoint.solvers.online;

import org.saddlepoint.solvers.Checks;
import org.saddlepoint.solvers.InvalidInputException;
import org.saddlepoint.solvers.linalg.Vectors;

/**
 * Online gradient descent (Zinkevich, "Online Convex Programming and Generalized Infinitesimal
 * Gradient Ascent", ICML 2003) on the squared loss over the ball ||theta|| &lt;= D:
 * theta_{t+1} = Pi_D(theta_t - eta_t 2 (theta_t . x_t - y_t) x_t), eta_t = D / (G sqrt(t)).
 * When every gradient has norm at most G, the regret against any u in the ball is at most
 * 3 D G sqrt(T) (Hazan, "Introduction to Online Convex Optimization", Theorem 3.1, with diameter
 * 2D). O(d) time per round.
 */
public final class OnlineGradientDescent implements OnlineRegressor {
    private final double[] theta;
    private final double radius;
    private final double gradientBound;
    private long rounds;

    /** OGD on R^d over the ball of radius {@code radius}, gradients bounded by {@code gradientBound}. */
    public OnlineGradientDescent(int d, double radius, double gradientBound) {
        theta = new double[Checks.positive("dimension", d)];
        this.radius = Checks.positive("radius D", radius);
        this.gradientBound = Checks.positive("gradient bound G", gradientBound);
    }

    @Override
    public int dimension() {
        return theta.length;
    }

    @Override
    public double predict(double[] x) {
        Checks.length("feature vector", x, theta.length);
        Checks.finite("feature vector", x);
        return Vectors.dot(theta, x);
    }

    @Override
    public void update(double[] x, double y) {
        double residual = predict(x) - y;
        if (!Double.isFinite(y)) {
            throw new InvalidInputException("label is not finite: " + y);
        }
        rounds++;
        double step = radius / (gradientBound * Math.sqrt(rounds)) * 2 * residual;
        double norm2 = 0;
        for (int i = 0; i < theta.length; i++) {
            theta[i] -= step * x[i];
            norm2 += theta[i] * theta[i];
        }
        double norm = Math.sqrt(norm2);
        if (norm > radius) {
            double shrink = radius / norm;
            for (int i = 0; i < theta.length; i++) {
                theta[i] *= shrink;
            }
        }
    }

    @Override
    public String name() {
        return "online gradient descent (D = " + radius + ", G = " + gradientBound + ")";
    }
}
