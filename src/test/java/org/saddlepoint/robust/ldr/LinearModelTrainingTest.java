package org.saddlepoint.robust.ldr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.saddlepoint.solvers.InvalidInputException;

class LinearModelTrainingTest {
    /** K Gaussian blobs in d dimensions with centres of norm {@code separation}. */
    static MulticlassData blobs(int n, int k, int d, double separation, long seed) {
        Random r = new Random(seed);
        double[][] centres = new double[k][d];
        for (double[] c : centres) {
            for (int j = 0; j < d; j++) {
                c[j] = separation * r.nextGaussian() / Math.sqrt(d);
            }
        }
        double[][] x = new double[n][d];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = r.nextInt(k);
            for (int j = 0; j < d; j++) {
                x[i][j] = centres[y[i]][j] + r.nextGaussian();
            }
        }
        return new MulticlassData(x, y, k);
    }

    @Test
    void objectiveGradientMatchesFiniteDifferences() {
        MulticlassData data = blobs(40, 3, 4, 2, 1);
        Random r = new Random(2);
        double[] theta = new double[3 * 5];
        for (int i = 0; i < theta.length; i++) {
            theta[i] = r.nextGaussian();
        }
        ExampleLoss loss = ExampleLoss.of(new LdrKlLoss(0.7, 0.1));
        double[] g = new double[theta.length];
        LinearModelTraining.objective(data, loss, 0.05, theta, g);
        for (int i = 0; i < theta.length; i++) {
            double[] up = theta.clone();
            double[] down = theta.clone();
            up[i] += 1e-6;
            down[i] -= 1e-6;
            double fd = (LinearModelTraining.objective(data, loss, 0.05, up, null)
                    - LinearModelTraining.objective(data, loss, 0.05, down, null)) / 2e-6;
            assertEquals(fd, g[i], 1e-7);
        }
    }

    @Test
    void ldrKlWithLambdaOneAndNoMarginHasTheMinimiserOfCrossEntropy() {
        MulticlassData data = blobs(300, 4, 5, 3, 3);
        TrainedModel ce = LinearModelTraining.train(data, new CrossEntropyLoss(), 5e-3);
        TrainedModel ldr = LinearModelTraining.train(data, new LdrKlLoss(1, 0), 5e-3);
        assertTrue(ce.gradientNorm() < 1e-6 && ldr.gradientNorm() < 1e-6, ce + " " + ldr);
        assertEquals(ce.objective() - Math.log(4), ldr.objective(), 1e-10);
        // strongly convex in W (and convex in b): the same minimiser to solver tolerance
        assertArrayEquals(ce.model().parameters(), ldr.model().parameters(), 1e-4);
        assertEquals(ce.model().accuracy(data), ldr.model().accuracy(data), 0.0);
        assertTrue(ce.model().accuracy(data) > 0.7);
    }

    @Test
    void crammerSingerBySmoothingIsWithinItsCertifiedBoundOfTheHingeOptimum() {
        MulticlassData data = blobs(200, 3, 4, 3, 4);
        double wd = 1e-2;
        TrainedModel cs = LinearModelTraining.train(data, new CrammerSingerLoss(1), wd);
        assertEquals(1e-3 * Math.log(3), cs.smoothingBound(), 1e-15);
        // no other point has a hinge objective lower by more than the bound: try the CE minimiser
        // and random perturbations of the returned model
        ExampleLoss hinge = ExampleLoss.of(new CrammerSingerLoss(1));
        double[] theta = cs.model().parameters();
        Random r = new Random(5);
        double[] ceTheta = LinearModelTraining.train(data, new CrossEntropyLoss(), wd).model().parameters();
        assertTrue(LinearModelTraining.objective(data, hinge, wd, ceTheta, null)
                >= cs.objective() - cs.smoothingBound() - 1e-9);
        for (int trial = 0; trial < 200; trial++) {
            double[] t = theta.clone();
            for (int i = 0; i < t.length; i++) {
                t[i] += 1e-2 * r.nextGaussian();
            }
            assertTrue(LinearModelTraining.objective(data, hinge, wd, t, null)
                    >= cs.objective() - cs.smoothingBound() - 1e-9);
        }
    }

    @Test
    void aldrKlKeepsEveryLambdaInItsIntervalThroughTraining() {
        MulticlassData data = blobs(150, 4, 3, 2, 6);
        for (AldrKlLoss.Variant v : AldrKlLoss.Variant.values()) {
            AldrKlLoss loss = new AldrKlLoss(1, 2, 0.1, v);
            AldrKlTraining.Result result = AldrKlTraining.train(data, loss, 5e-3, 4);
            for (int round = 0; round < 4; round++) {
                assertTrue(result.roundMinLambda()[round] >= 0.5 && result.roundMaxLambda()[round] <= 1.0,
                        v + " round " + round);
            }
            // confident examples get a smaller lambda than lambda_0 once the model has learned
            assertTrue(result.roundMinLambda()[3] < 0.99, v.toString());
            assertTrue(result.trained().model().accuracy(data) > 0.6);
        }
    }

    @Test
    void uniformNoiseFlipsAtRateQTimesKMinusOneOverK() {
        int n = 200_000;
        int[] y = new int[n];
        int[] noisy = LabelNoise.uniform(y, 5, 0.6, new Random(7));
        long flipped = Arrays.stream(noisy).filter(v -> v != 0).count();
        assertEquals(0.6 * 4 / 5, flipped / (double) n, 0.005);
        assertArrayEquals(y, LabelNoise.uniform(y, 5, 0, new Random(7)));
    }

    @Test
    void classDependentNoiseMapsThroughThePairing() {
        int[] pairing = LabelNoise.letterPairing();
        for (int c = 0; c < 26; c++) {
            assertEquals(c, pairing[pairing[c]], "the Letter pairing is an involution");
        }
        assertEquals(3, pairing[1]);
        assertEquals(23, pairing[10]);
        int n = 100_000;
        int[] y = new int[n];
        Arrays.fill(y, 2);
        int[] noisy = LabelNoise.classDependent(y, LabelNoise.nextClassPairing(4), 0.3, new Random(8));
        assertTrue(Arrays.stream(noisy).allMatch(v -> v == 2 || v == 3));
        assertEquals(0.3, Arrays.stream(noisy).filter(v -> v == 3).count() / (double) n, 0.005);
        assertThrows(InvalidInputException.class, () -> LabelNoise.uniform(y, 4, 1.5, new Random(1)));
    }

    @Test
    void crossValidationFoldsPartitionTheDataAndTheBestMeanIsChosen() {
        MulticlassData data = blobs(103, 3, 3, 3, 9);
        int[] order = LambdaCrossValidation.permutation(103, new Random(1));
        int[] seen = new int[103];
        for (int f = 0; f < 5; f++) {
            MulticlassData[] split = LambdaCrossValidation.split(data, order, f, 5);
            assertEquals(103, split[0].size() + split[1].size());
            for (int j = (int) (f * 103L / 5); j < (int) ((f + 1) * 103L / 5); j++) {
                seen[order[j]]++;
            }
        }
        assertTrue(Arrays.stream(seen).allMatch(c -> c == 1));
        double[] grid = {0.1, 1, 1000};
        LambdaCrossValidation.Choice choice = LambdaCrossValidation.select(data, grid, 5,
                lambda -> d -> LinearModelTraining.train(d, new LdrKlLoss(lambda, 0.1), 5e-2).model(), 3);
        double best = Arrays.stream(choice.meanAccuracy()).max().orElseThrow();
        int at = Arrays.asList(0.1, 1.0, 1000.0).indexOf(choice.lambda());
        assertEquals(best, choice.meanAccuracy()[at], 0.0);
        assertThrows(InvalidInputException.class, () -> LambdaCrossValidation.select(data, grid, 1,
                lambda -> d -> null, 3));
    }

    @Test
    void badDataAreTypedErrors() {
        assertThrows(InvalidInputException.class, () -> new MulticlassData(new double[][] {{1, 2}, {1}},
                new int[] {0, 1}, 2));
        assertThrows(InvalidInputException.class, () -> new MulticlassData(new double[][] {{1, Double.NaN}},
                new int[] {0}, 2));
        assertThrows(InvalidInputException.class, () -> new MulticlassData(new double[][] {{1}}, new int[] {2}, 2));
        assertThrows(InvalidInputException.class, () -> new MulticlassData(new double[0][], new int[0], 2));
    }
}
