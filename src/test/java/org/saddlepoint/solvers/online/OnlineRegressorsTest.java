package org.saddlepoint.solvers.online;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.function.IntFunction;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.saddlepoint.solvers.InvalidInputException;

/** The oracles against direct linear solves (EJML) and their regret bounds on adversarial sequences. */
class OnlineRegressorsTest {
    /** A = lambda I + sum of x x^T over the first {@code count} rows (plus {@code extra} if not null). */
    private static DMatrixRMaj gram(double[][] x, int count, double lambda, double[] extra) {
        int d = x[0].length;
        DMatrixRMaj a = CommonOps_DDRM.identity(d);
        CommonOps_DDRM.scale(lambda, a);
        for (int s = 0; s <= count; s++) {
            double[] row = s < count ? x[s] : extra;
            if (row == null) {
                continue;
            }
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    a.add(i, j, row[i] * row[j]);
                }
            }
        }
        return a;
    }

    private static double[] moment(double[][] x, double[] y, int count) {
        double[] b = new double[x[0].length];
        for (int s = 0; s < count; s++) {
            for (int i = 0; i < b.length; i++) {
                b[i] += y[s] * x[s][i];
            }
        }
        return b;
    }

    private static double[] solve(DMatrixRMaj a, double[] b) {
        DMatrixRMaj out = new DMatrixRMaj(b.length, 1);
        assertTrue(CommonOps_DDRM.solve(a, new DMatrixRMaj(b.length, 1, true, b), out));
        return out.data;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double[][] gaussianRows(Random rng, int n, int d) {
        double[][] x = new double[n][d];
        for (double[] row : x) {
            for (int i = 0; i < d; i++) {
                row[i] = rng.nextGaussian();
            }
        }
        return x;
    }

    @Test
    void ridgeAndVawMatchDirectSolvesAtEveryRound() {
        Random rng = new Random(3);
        int d = 30;
        int n = 500;
        double lambda = 0.7;
        double[][] x = gaussianRows(rng, n, d);
        double[] y = rng.doubles(n, -5, 5).toArray();
        OnlineRidge ridge = new OnlineRidge(d, lambda);
        VovkAzouryWarmuth vaw = new VovkAzouryWarmuth(d, lambda);
        for (int t = 0; t < n; t++) {
            double[] b = moment(x, y, t);
            double ridgeDirect = dot(solve(gram(x, t, lambda, null), b), x[t]);
            double vawDirect = dot(solve(gram(x, t, lambda, x[t]), b), x[t]);
            assertEquals(ridgeDirect, ridge.predict(x[t]), 1e-8 * Math.max(1, Math.abs(ridgeDirect)), "ridge t=" + t);
            assertEquals(vawDirect, vaw.predict(x[t]), 1e-8 * Math.max(1, Math.abs(vawDirect)), "VAW t=" + t);
            ridge.update(x[t], y[t]);
            vaw.update(x[t], y[t]);
        }
    }

    /** An adversary: unit-norm features, label -sign(prediction) * Y against the learner. */
    private static double[][] playAgainst(OnlineRegressor learner, long seed, int n, double[] labels,
            double[] predictions) {
        Random rng = new Random(seed);
        int d = learner.dimension();
        double[][] x = gaussianRows(rng, n, d);
        for (int t = 0; t < n; t++) {
            double norm = Math.sqrt(dot(x[t], x[t]));
            for (int i = 0; i < d; i++) {
                x[t][i] /= norm;
            }
            predictions[t] = learner.predict(x[t]);
            labels[t] = predictions[t] > 0 ? -1 : 1;
            learner.update(x[t], labels[t]);
        }
        return x;
    }

    private static double squaredLoss(double[] predictions, double[] labels) {
        double s = 0;
        for (int t = 0; t < labels.length; t++) {
            s += (predictions[t] - labels[t]) * (predictions[t] - labels[t]);
        }
        return s;
    }

    /** min_u sum (u.x - y)^2 + lambda ||u||^2, from a direct solve. */
    private static double regularisedBest(double[][] x, double[] y, double lambda) {
        double[] u = solve(gram(x, x.length, lambda, null), moment(x, y, x.length));
        double s = lambda * dot(u, u);
        for (int t = 0; t < y.length; t++) {
            s += (dot(u, x[t]) - y[t]) * (dot(u, x[t]) - y[t]);
        }
        return s;
    }

    @Test
    void vawMeetsItsLogarithmicRegretBound() {
        int n = 3000;
        for (int d : new int[] {2, 10}) {
            double lambda = 1;
            double[] y = new double[n];
            double[] yhat = new double[n];
            double[][] x = playAgainst(new VovkAzouryWarmuth(d, lambda), 11 + d, n, y, yhat);
            double regret = squaredLoss(yhat, y) - regularisedBest(x, y, lambda);
            double bound = d * Math.log(1 + n / (lambda * d));
            assertTrue(regret <= bound, "d=" + d + ": regret " + regret + " > " + bound);
            assertTrue(regret > 0.1 * bound, "the adversary should make VAW pay: " + regret);
        }
    }

    @Test
    void ridgeMeetsBeTheLeaderBound() {
        int n = 2000;
        int d = 5;
        double lambda = 1;
        double[] y = new double[n];
        double[] yhat = new double[n];
        double[][] x = playAgainst(new OnlineRidge(d, lambda), 5, n, y, yhat);
        double bound = 0;
        for (int t = 0; t < n; t++) {
            double[] inverseX = solve(gram(x, t + 1, lambda, null), x[t]);
            bound += 2 * (yhat[t] - y[t]) * (yhat[t] - y[t]) * dot(x[t], inverseX);
        }
        double regret = squaredLoss(yhat, y) - regularisedBest(x, y, lambda);
        assertTrue(regret <= bound, "regret " + regret + " > " + bound);
        assertTrue(bound <= 2 * 9 * d * Math.log(1 + n / (lambda * d)), "log-determinant form of the bound: " + bound);
    }

    @Test
    void ogdMeetsZinkevichBound() {
        int n = 4000;
        int d = 4;
        double radius = 1;
        double gradientBound = 4; // |theta.x - y| <= 2 and ||x|| = 1
        double[] y = new double[n];
        double[] yhat = new double[n];
        double[][] x = playAgainst(new OnlineGradientDescent(d, radius, gradientBound), 9, n, y, yhat);
        double learnerLoss = squaredLoss(yhat, y);
        Random rng = new Random(1);
        double bound = 3 * radius * gradientBound * Math.sqrt(n);
        IntFunction<double[]> comparator = k -> {
            double[] u = gaussianRows(rng, 1, d)[0];
            double scale = rng.nextDouble() * radius / Math.sqrt(dot(u, u));
            for (int i = 0; i < d; i++) {
                u[i] *= scale;
            }
            return k == 0 ? new double[d] : u;
        };
        for (int k = 0; k < 200; k++) {
            double[] u = comparator.apply(k);
            double comparatorLoss = 0;
            for (int t = 0; t < n; t++) {
                comparatorLoss += (dot(u, x[t]) - y[t]) * (dot(u, x[t]) - y[t]);
            }
            assertTrue(learnerLoss - comparatorLoss <= bound, "regret " + (learnerLoss - comparatorLoss) + " > " + bound);
        }
    }

    @Test
    void hindsightLeastSquaresMatchesNormalEquationsAndHandlesRankDeficiency() {
        Random rng = new Random(21);
        int n = 200;
        int d = 6;
        double[][] x = gaussianRows(rng, n, d);
        double[] y = rng.doubles(n).toArray();
        double[] normal = solve(gram(x, n, 0.0, null), moment(x, y, n));
        double sse = 0;
        for (int t = 0; t < n; t++) {
            sse += (dot(normal, x[t]) - y[t]) * (dot(normal, x[t]) - y[t]);
        }
        HindsightLeastSquares fit = HindsightLeastSquares.fit(x, y);
        assertEquals(sse, fit.sse(), 1e-9 * sse);
        // Duplicate the first column: the span, hence SSE*, is unchanged; theta is the minimum-norm one.
        double[][] doubled = new double[n][];
        for (int t = 0; t < n; t++) {
            doubled[t] = new double[d + 1];
            System.arraycopy(x[t], 0, doubled[t], 0, d);
            doubled[t][d] = x[t][0];
        }
        HindsightLeastSquares wide = HindsightLeastSquares.fit(doubled, y);
        assertEquals(sse, wide.sse(), 1e-9 * sse);
        assertEquals(wide.coefficients()[0], wide.coefficients()[d], 1e-10);
        assertEquals(normal[0], 2 * wide.coefficients()[0], 1e-8);
        // Spec 8.1: ridge with lambda -> 0 approaches SSE*.
        double[] ridge = solve(gram(doubled, n, 1e-9, null), moment(doubled, y, n));
        double ridgeSse = 0;
        for (int t = 0; t < n; t++) {
            ridgeSse += (dot(ridge, doubled[t]) - y[t]) * (dot(ridge, doubled[t]) - y[t]);
        }
        assertEquals(ridgeSse, wide.sse(), 1e-6 * sse);
    }

    @Test
    void rejectsBadInput() {
        assertThrows(InvalidInputException.class, () -> new OnlineRidge(0, 1));
        assertThrows(InvalidInputException.class, () -> new VovkAzouryWarmuth(2, 0));
        assertThrows(InvalidInputException.class, () -> new OnlineGradientDescent(2, -1, 1));
        OnlineRidge ridge = new OnlineRidge(2, 1);
        assertThrows(InvalidInputException.class, () -> ridge.predict(new double[3]));
        assertThrows(InvalidInputException.class, () -> ridge.update(new double[] {1, Double.NaN}, 0));
        assertThrows(InvalidInputException.class, () -> ridge.update(new double[] {1, 0}, Double.POSITIVE_INFINITY));
        assertThrows(InvalidInputException.class, () -> HindsightLeastSquares.fit(new double[0][], new double[0]));
    }
}
