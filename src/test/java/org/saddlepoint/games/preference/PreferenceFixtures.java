package org.saddlepoint.games.preference;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Seeded instances of the EGPO simulation protocol and small helpers shared by the tests. */
final class PreferenceFixtures {
    /** The seed of the EGPO repository's grid search (simulations/grid_search.py). */
    static final long EGPO_SEED = 2018011309L;

    private PreferenceFixtures() {
    }

    /**
     * {@code count} instances of the EGPO protocol: "random" P over K responses, mu = softmax of
     * K standard normals (the repository's reference logits N(0, 1)), regularization beta.
     */
    static List<PreferenceGame> egpoInstances(int count, int k, double beta) {
        Random rng = new Random(EGPO_SEED);
        List<PreferenceGame> games = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            PreferenceMatrix p = PreferenceMatrix.random(k, rng.nextLong());
            games.add(PreferenceGame.of(p, softmaxOfNormals(k, rng), beta));
        }
        return games;
    }

    static double[] softmaxOfNormals(int k, Random rng) {
        double[] theta = new double[k];
        for (int y = 0; y < k; y++) {
            theta[y] = rng.nextGaussian();
        }
        double[] pi = new double[k];
        Softmax.normalise(theta, pi);
        return pi;
    }

    /** A random point of the simplex with full support. */
    static double[] randomPolicy(int k, Random rng) {
        double[] p = new double[k];
        double s = 0;
        for (int y = 0; y < k; y++) {
            p[y] = -Math.log(1 - rng.nextDouble()) + 1e-3;
            s += p[y];
        }
        for (int y = 0; y < k; y++) {
            p[y] /= s;
        }
        return p;
    }

    static double l1(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += Math.abs(a[i] - b[i]);
        }
        return s;
    }

    static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    }

    /** A gradient of an {@link OnlineIpoLoss} at (theta, nu), written into {@code out}. */
    interface LossGradient {
        void at(OnlineIpoLoss loss, double[] theta, double[] nu, double[] out);
    }

    /** A value of an {@link OnlineIpoLoss} at (theta, nu). */
    interface LossValue {
        double at(OnlineIpoLoss loss, double[] theta, double[] nu);
    }

    /**
     * On the first seeded K-response EGPO instance (beta = 0.1), at a Gaussian theta and a random nu drawn from
     * {@code seed}, asserts each coordinate of {@code gradient} equals the central difference (h = 1e-6) of
     * {@code value}.
     */
    static void assertLossGradient(int k, long seed, LossGradient gradient, LossValue value) {
        OnlineIpoLoss loss = new OnlineIpoLoss(egpoInstances(1, k, 0.1).get(0));
        Random rng = new Random(seed);
        double[] theta = new double[k];
        for (int y = 0; y < k; y++) {
            theta[y] = rng.nextGaussian();
        }
        double[] nu = randomPolicy(k, rng);
        double[] g = new double[k];
        gradient.at(loss, theta, nu, g);
        for (int y = 0; y < k; y++) {
            double h = 1e-6;
            double[] up = theta.clone();
            double[] down = theta.clone();
            up[y] += h;
            down[y] -= h;
            double fd = (value.at(loss, up, nu) - value.at(loss, down, nu)) / (2 * h);
            assertEquals(fd, g[y], 1e-6 * Math.max(1, Math.abs(fd)), "coordinate " + y);
        }
    }

    static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : 0.5 * (v[v.length / 2 - 1] + v[v.length / 2]);
    }
}
