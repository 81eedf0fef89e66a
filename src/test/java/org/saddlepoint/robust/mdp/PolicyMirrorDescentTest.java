package org.saddlepoint.robust.mdp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** Spec 7.5: the mirror-descent step against its objective and its unrolled log-linear form. */
class PolicyMirrorDescentTest {
    private static double[] randomDistribution(Random random, int n) {
        double[] p = new double[n];
        double sum = 0;
        for (int a = 0; a < n; a++) {
            p[a] = 0.05 + random.nextDouble();
            sum += p[a];
        }
        for (int a = 0; a < n; a++) {
            p[a] /= sum;
        }
        return p;
    }

    private static double objective(double[] p, double[] q, double[] ref, double[] piK, double eta, double tau) {
        double f = 0;
        for (int a = 0; a < p.length; a++) {
            if (p[a] > 0) {
                f += p[a] * q[a] - tau * p[a] * Math.log(p[a] / ref[a]) - p[a] * Math.log(p[a] / piK[a]) / eta;
            }
        }
        return f;
    }

    /** Three actions: the closed form beats every point of a 1/1000 grid of the simplex and lies next to its best. */
    @Test
    void closedFormMaximizesTheObjective() {
        Random random = new Random(2);
        for (int trial = 0; trial < 5; trial++) {
            double[] q = {random.nextDouble(), random.nextDouble(), random.nextDouble()};
            double[] ref = randomDistribution(random, 3);
            double[] piK = randomDistribution(random, 3);
            double eta = 0.5 + 5 * random.nextDouble();
            double tau = 0.05 + random.nextDouble();
            double[] p = PolicyMirrorDescent.step(piK, ref, q, eta, tau);
            double best = Double.NEGATIVE_INFINITY;
            double[] arg = null;
            int grid = 1000;
            for (int i = 0; i <= grid; i++) {
                for (int j = 0; i + j <= grid; j++) {
                    double[] x = {i / (double) grid, j / (double) grid, (grid - i - j) / (double) grid};
                    double f = objective(x, q, ref, piK, eta, tau);
                    if (f > best) {
                        best = f;
                        arg = x;
                    }
                }
            }
            assertTrue(objective(p, q, ref, piK, eta, tau) >= best - 1e-12, "trial " + trial);
            assertArrayEquals(arg, p, 2e-3, "trial " + trial);
        }
    }

    /** 50 steps of the recursion = log pi_ref + eta gamma sum_j gamma^(k-j) Q^j + const, to 1e-10 in log probability. */
    @Test
    void unrolledFormMatchesTheRecursion() {
        Random random = new Random(4);
        int n = 6;
        double eta = 3;
        double tau = 0.2;
        double gamma = 1 / (1 + eta * tau);
        double[] ref = randomDistribution(random, n);
        double[] pi = ref.clone();
        double[] sum = new double[n];
        for (int k = 0; k < 50; k++) {
            double[] q = new double[n];
            for (int a = 0; a < n; a++) {
                q[a] = 3 * random.nextDouble();
                sum[a] = gamma * sum[a] + q[a];
            }
            pi = PolicyMirrorDescent.step(pi, ref, q, eta, tau);
        }
        double[] logits = new double[n];
        for (int a = 0; a < n; a++) {
            logits[a] = Math.log(ref[a]) + eta * gamma * sum[a];
        }
        double shift = Math.log(java.util.Arrays.stream(logits).map(Math::exp).sum());
        for (int a = 0; a < n; a++) {
            assertEquals(logits[a] - shift, Math.log(pi[a]), 1e-10);
        }
    }

    /** eta = infinity is pi_ref exp(Q / tau); its regularized value is tau log sum pi_ref exp(Q / tau). */
    @Test
    void infiniteStepIsTheSoftGreedyStep() {
        double[] ref = {0.2, 0.3, 0.5};
        double[] q = {1, 0.5, 0.9};
        double tau = 0.1;
        double[] p = PolicyMirrorDescent.step(ref, ref, q, Double.POSITIVE_INFINITY, tau);
        double z = 0;
        for (int a = 0; a < 3; a++) {
            z += ref[a] * Math.exp(q[a] / tau);
        }
        for (int a = 0; a < 3; a++) {
            assertEquals(ref[a] * Math.exp(q[a] / tau) / z, p[a], 1e-14);
        }
        assertEquals(tau * Math.log(z), PolicyMirrorDescent.softValue(ref, q, tau), 1e-14);
        assertEquals(tau * Math.log(z), PolicyMirrorDescent.regularizedValue(p, ref, q, tau), 1e-12);
        assertArrayEquals(new double[] {1, 0, 0}, PolicyMirrorDescent.softmax(ref, q, 0));
        assertArrayEquals(new double[] {0.5, 0, 0.5}, PolicyMirrorDescent.greedy(new double[] {2, 1, 2}));
    }

    /** Tiny tau (1e-4) and Q near 1e3 neither overflow nor lose the policy. */
    @Test
    void smallTauIsStable() {
        double[] ref = {0.5, 0.5};
        double[] p = PolicyMirrorDescent.softmax(ref, new double[] {1000, 1000.0001}, 1e-4);
        assertEquals(1 / (1 + Math.exp(-1)), p[1], 1e-9);
        assertEquals(1000.0001 + 1e-4 * Math.log(0.5 * (1 + Math.exp(-1))),
                PolicyMirrorDescent.softValue(ref, new double[] {1000, 1000.0001}, 1e-4), 1e-9);
    }
}
