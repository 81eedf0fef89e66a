package org.saddlepoint.solvers.smooth;

import java.util.Arrays;

import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunctionGradient;
import org.apache.commons.math3.optim.nonlinear.scalar.gradient.NonLinearConjugateGradientOptimizer;

import org.saddlepoint.solvers.Checks;
import org.saddlepoint.solvers.linalg.Vectors;

/**
 * Unconstrained minimisation of a smooth (convex) function by the Polak-Ribiere nonlinear
 * conjugate gradient method of Apache Commons Math (Nocedal and Wright, Numerical Optimization,
 * Section 5.2), with a cache so that the value and the gradient at one point are computed once.
 * The certificate of the returned point is the Euclidean norm of its gradient.
 */
public final class ConjugateGradient {
    private ConjugateGradient() {
    }

    /** The point found, its value, the norm of its gradient and the number of evaluations. */
    public record Minimum(double[] point, double value, double gradientNorm, int evaluations) {
    }

    /**
     * Minimises {@code f} from {@code start} until the gradient norm is at most
     * {@code gradientTolerance}, or {@code maxEvaluations} is
     * reached (then the best point so far is returned: a minimisation that stops early is still a
     * point with a valid value and gradient norm).
     */
    public static Minimum minimize(SmoothObjective f, double[] start, double gradientTolerance, int maxEvaluations) {
        Checks.finite("start", start);
        Checks.positive("gradient tolerance", gradientTolerance);
        Checks.positive("max evaluations", maxEvaluations);
        Cache cache = new Cache(f, start.length);
        NonLinearConjugateGradientOptimizer cg = new NonLinearConjugateGradientOptimizer(
                NonLinearConjugateGradientOptimizer.Formula.POLAK_RIBIERE,
                (iteration, previous, current) -> cache.gradientNorm(current.getPoint()) <= gradientTolerance,
                1e-12, 1e-14, 1e-3);
        double[] best;
        try {
            PointValuePair p = cg.optimize(new MaxEval(maxEvaluations), new ObjectiveFunction(cache::value),
                    new ObjectiveFunctionGradient(cache::gradient), GoalType.MINIMIZE, new InitialGuess(start));
            best = p.getPoint();
        } catch (TooManyEvaluationsException e) {
            best = cache.bestPoint;
        }
        double value = cache.value(best);
        return new Minimum(best.clone(), value, Vectors.norm2(cache.gradient(best)), cache.evaluations);
    }

    private static final class Cache {
        private final SmoothObjective f;
        private double[] x;
        private final double[] grad;
        private double fx;
        private double[] bestPoint;
        private double bestValue = Double.POSITIVE_INFINITY;
        private int evaluations;

        Cache(SmoothObjective f, int n) {
            this.f = f;
            this.grad = new double[n];
        }

        private void at(double[] point) {
            if (x != null && Arrays.equals(x, point)) {
                return;
            }
            x = point.clone();
            fx = f.evaluate(x, grad);
            evaluations++;
            if (fx < bestValue) {
                bestValue = fx;
                bestPoint = x;
            }
        }

        double value(double[] point) {
            at(point);
            return fx;
        }

        double gradientNorm(double[] point) {
            at(point);
            return Vectors.norm2(grad);
        }

        double[] gradient(double[] point) {
            at(point);
            return grad.clone();
        }
    }
}
