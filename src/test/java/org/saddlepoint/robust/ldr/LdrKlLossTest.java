package org.saddlepoint.robust.ldr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.api.Test;
import org.saddlepoint.solvers.InvalidInputException;

class LdrKlLossTest {
    private static double[] randomScores(Random r, int k, double scale) {
        double[] f = new double[k];
        for (int i = 0; i < k; i++) {
            f[i] = scale * r.nextGaussian();
        }
        return f;
    }

    /** sum_k p_k a_k - lambda sum_k p_k log(K p_k): the adversary's objective. */
    private static double inner(double[] p, double[] a, double lambda) {
        double v = 0;
        for (int k = 0; k < p.length; k++) {
            v += p[k] * a[k] - (p[k] > 0 ? lambda * p[k] * Math.log(p.length * p[k]) : 0);
        }
        return v;
    }

    /**
     * Independent reference: damped Newton's method on the adversary's concave objective in the
     * reduced coordinates p_1..p_{K-1} (p_K = 1 - sum), with an EJML linear solve for each step and
     * backtracking that keeps p in the open simplex and increases the objective. Strict concavity
     * makes its stationary point the maximum; it knows nothing of the closed form.
     */
    private static double numericalWorstCase(double[] a, double lambda) {
        int k = a.length;
        double[] p = new double[k];
        java.util.Arrays.fill(p, 1.0 / k);
        for (int it = 0; it < 200; it++) {
            SimpleMatrix grad = new SimpleMatrix(k - 1, 1);
            SimpleMatrix hess = new SimpleMatrix(k - 1, k - 1);
            double lastDerivative = a[k - 1] - lambda * (Math.log(k * p[k - 1]) + 1);
            for (int i = 0; i < k - 1; i++) {
                grad.set(i, a[i] - lambda * (Math.log(k * p[i]) + 1) - lastDerivative);
                for (int j = 0; j < k - 1; j++) {
                    hess.set(i, j, -lambda / p[k - 1] - (i == j ? lambda / p[i] : 0));
                }
            }
            if (grad.normF() < 1e-14) {
                break;
            }
            SimpleMatrix step = hess.solve(grad).negative();
            double before = inner(p, a, lambda);
            for (double t = 1; t > 1e-20; t /= 2) {
                double[] q = p.clone();
                double last = 1;
                for (int i = 0; i < k - 1; i++) {
                    q[i] += t * step.get(i);
                    last -= q[i];
                }
                q[k - 1] = last;
                if (java.util.Arrays.stream(q).allMatch(v -> v > 0) && inner(q, a, lambda) >= before) {
                    p = q;
                    break;
                }
            }
        }
        return inner(p, a, lambda);
    }

    @Test
    void closedFormEqualsNumericallySolvedWorstCaseOverTheSimplex() {
        Random r = new Random(1);
        for (int trial = 0; trial < 20; trial++) {
            int k = 2 + r.nextInt(6);
            double lambda = new double[] {0.3, 1, 3}[trial % 3];
            double c = trial % 2 == 0 ? 0 : 0.5;
            double[] f = randomScores(r, k, 1.0);
            int y = r.nextInt(k);
            LdrKlLoss loss = new LdrKlLoss(lambda, c);
            double closed = loss.evaluate(f, y, null);
            double[] a = MulticlassLoss.shiftedScores(f, y, c);
            double numeric = numericalWorstCase(a, lambda);
            assertEquals(numeric, closed, 1e-8 * Math.max(1, Math.abs(closed)), "trial " + trial);
            assertEquals(closed, inner(loss.worstCaseWeights(f, y), a, lambda), 1e-12 * Math.max(1, Math.abs(closed)));
            for (int s = 0; s < 100; s++) { // weak duality: no simplex point beats the closed form
                double[] p = new double[k];
                double sum = 0;
                for (int i = 0; i < k; i++) {
                    p[i] = -Math.log(r.nextDouble());
                    sum += p[i];
                }
                for (int i = 0; i < k; i++) {
                    p[i] /= sum;
                }
                assertTrue(inner(p, a, lambda) <= closed + 1e-12);
            }
        }
    }

    @Test
    void lambdaOneNoMarginIsCrossEntropyMinusLogK() {
        Random r = new Random(2);
        for (int trial = 0; trial < 200; trial++) {
            int k = 2 + r.nextInt(30);
            double[] f = randomScores(r, k, 3.0);
            int y = r.nextInt(k);
            double sum = 0;
            for (double v : f) {
                sum += Math.exp(v);
            }
            double handWrittenCe = Math.log(sum) - f[y];
            assertEquals(handWrittenCe - Math.log(k), new LdrKlLoss(1, 0).evaluate(f, y, null), 1e-12);
            assertEquals(handWrittenCe, new CrossEntropyLoss().evaluate(f, y, null), 1e-12);
        }
    }

    @Test
    void smallLambdaIsWithinLambdaLogKOfCrammerSinger() {
        Random r = new Random(3);
        for (int trial = 0; trial < 200; trial++) {
            int k = 2 + r.nextInt(30);
            double[] f = randomScores(r, k, 2.0);
            int y = r.nextInt(k);
            double cs = new CrammerSingerLoss(0.1).evaluate(f, y, null);
            for (double lambda : new double[] {1e-1, 1e-3, 1e-6}) {
                double ldr = new LdrKlLoss(lambda, 0.1).evaluate(f, y, null);
                assertTrue(ldr <= cs + 1e-12 && cs - ldr <= lambda * Math.log(k) + 1e-12,
                        "lambda " + lambda + ": cs " + cs + " ldr " + ldr);
            }
        }
    }

    @Test
    void largeLambdaApproachesMeanShiftedScore() {
        double[] f = {0.3, -1.2, 2.0, 0.7};
        double[] a = MulticlassLoss.shiftedScores(f, 1, 0.1);
        double mean = (a[0] + a[1] + a[2] + a[3]) / 4;
        double var = 0;
        for (double v : a) {
            var += (v - mean) * (v - mean) / 4;
        }
        double lambda = 1e4;
        // psi = mean + Var/(2 lambda) + O(lambda^-2)
        assertEquals(mean + var / (2 * lambda), new LdrKlLoss(lambda, 0.1).evaluate(f, 1, null), 1e-7);
    }

    @Test
    void gradientsMatchCentralFiniteDifferences() {
        Random r = new Random(4);
        MulticlassLoss[] losses = {new LdrKlLoss(0.5, 0.1), new LdrKlLoss(2, 0), new CrossEntropyLoss(),
            new CrammerSingerLoss(1)};
        for (MulticlassLoss loss : losses) {
            for (int trial = 0; trial < 20; trial++) {
                int k = 3 + r.nextInt(5);
                double[] f = randomScores(r, k, 1.0);
                int y = r.nextInt(k);
                double[] g = new double[k];
                loss.evaluate(f, y, g);
                for (int i = 0; i < k; i++) {
                    double h = 1e-6;
                    double[] up = f.clone();
                    double[] down = f.clone();
                    up[i] += h;
                    down[i] -= h;
                    double fd = (loss.evaluate(up, y, null) - loss.evaluate(down, y, null)) / (2 * h);
                    assertEquals(fd, g[i], 1e-6, loss + " trial " + trial + " k " + i);
                }
            }
        }
    }

    @Test
    void aldrLambdasStayInTheirInterval() {
        Random r = new Random(5);
        for (AldrKlLoss.Variant v : AldrKlLoss.Variant.values()) {
            AldrKlLoss loss = new AldrKlLoss(10, 2, 0.1, v);
            for (int trial = 0; trial < 500; trial++) {
                int k = 2 + r.nextInt(20);
                double[] f = randomScores(r, k, Math.pow(10, r.nextInt(5) - 1));
                double lambda = loss.nextLambda(f, r.nextInt(k), 10);
                assertTrue(lambda >= loss.lowestLambda() && lambda <= 10, v + ": " + lambda);
            }
        }
        // a one-hot p has KL = log K: the lowest lambda exactly
        assertEquals(5.0, new AldrKlLoss(10, 2, 0, AldrKlLoss.Variant.CODE_FAITHFUL)
                .bestLambda(new double[] {1, 0, 0}), 1e-12);
    }

    @Test
    void exactAlternatingLambdaIsAFixedPointAndMaximisesOverLambda() {
        AldrKlLoss loss = new AldrKlLoss(1, 2, 0.1, AldrKlLoss.Variant.EXACT_ALTERNATING);
        double[] f = {2.0, -0.5, 0.3, 1.1, -2};
        double lambda = loss.nextLambda(f, 0, 1);
        double[] p = new LdrKlLoss(lambda, 0.1).worstCaseWeights(f, 0);
        assertEquals(lambda, loss.bestLambda(p), 1e-12);
        // the objective at the fixed point is at least its value on a grid of lambdas near it
        double best = loss.evaluate(f, 0, lambda, null);
        for (double t = lambda - 0.05; t <= lambda + 0.05; t += 0.001) {
            assertTrue(loss.evaluate(f, 0, t, null) <= best + 1e-12);
        }
    }

    @Test
    void badParametersAreTypedErrors() {
        assertThrows(InvalidInputException.class, () -> new LdrKlLoss(0, 0.1));
        assertThrows(InvalidInputException.class, () -> new LdrKlLoss(1, -1));
        assertThrows(InvalidInputException.class, () -> new LdrKlLoss(Double.NaN, 0));
        assertThrows(InvalidInputException.class, () -> new AldrKlLoss(1, 1, 0, AldrKlLoss.Variant.CODE_FAITHFUL));
        assertThrows(InvalidInputException.class, () -> new CrammerSingerLoss(Double.NaN));
    }
}
