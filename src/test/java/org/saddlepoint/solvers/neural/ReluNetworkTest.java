package org.saddlepoint.solvers.neural;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saddlepoint.solvers.InvalidInputException;
import org.saddlepoint.solvers.kernels.KernelBackend;
import org.saddlepoint.solvers.kernels.Kernels;

class ReluNetworkTest {
    @TempDir
    Path dir;

    /** The textbook loop, independent of the kernels. */
    static double[] naive(ReluNetwork net, double[] x) {
        double[] h = x;
        for (int l = 0; l < net.layers(); l++) {
            double[] w = net.weights(l);
            double[] b = net.bias(l);
            double[] next = new double[b.length];
            for (int u = 0; u < next.length; u++) {
                double a = b[u];
                for (int j = 0; j < h.length; j++) {
                    a += w[u * h.length + j] * h[j];
                }
                next[u] = l == net.layers() - 1 ? a : Math.max(a, 0);
            }
            h = next;
        }
        return h;
    }

    @Test
    void forwardEqualsTheTextbookLoopOnABatch() {
        SplittableRandom rng = new SplittableRandom(1);
        ReluNetwork net = ReluNetwork.initialise(new int[] {5, 9, 7, 3}, true, rng);
        double[] batch = new double[4 * 5];
        for (int k = 0; k < batch.length; k++) {
            batch[k] = rng.nextDouble(-2, 2);
        }
        try (Kernels k = Kernels.open(KernelBackend.JAVA)) {
            double[] out = net.forward(k, batch, 4);
            for (int s = 0; s < 4; s++) {
                double[] x = java.util.Arrays.copyOfRange(batch, 5 * s, 5 * s + 5);
                assertArrayEquals(naive(net, x), java.util.Arrays.copyOfRange(out, 3 * s, 3 * s + 3), 1e-12);
            }
        }
    }

    /** Backpropagation against central finite differences of the squared output sum. */
    @Test
    void gradientsMatchFiniteDifferences() {
        SplittableRandom rng = new SplittableRandom(2);
        ReluNetwork net = ReluNetwork.initialise(new int[] {4, 6, 2}, true, rng);
        double[] x = {0.3, -0.7, 1.1, 0.4, -0.2, 0.9, 0.5, -1.3};
        TrainableNetwork t = new TrainableNetwork(net);
        try (Kernels k = Kernels.open(KernelBackend.JAVA)) {
            TrainableNetwork.Trace trace = t.forward(k, x, 2);
            double[] out = trace.output();
            double[] dOut = new double[out.length];
            for (int i = 0; i < out.length; i++) {
                dOut[i] = 2 * out[i];
            }
            double[] dx = t.backward(trace, dOut);
            double h = 1e-6;
            for (int i = 0; i < x.length; i++) {
                double[] plus = x.clone();
                double[] minus = x.clone();
                plus[i] += h;
                minus[i] -= h;
                double numeric = (squares(net.forward(k, plus, 2)) - squares(net.forward(k, minus, 2))) / (2 * h);
                assertEquals(numeric, dx[i], 1e-5);
            }
        }
    }

    private static double squares(double[] v) {
        double s = 0;
        for (double d : v) {
            s += d * d;
        }
        return s;
    }

    @Test
    void setEncoderLearnsASmoothTargetFromASeed() {
        SplittableRandom rng = new SplittableRandom(3);
        List<SetSample> samples = new ArrayList<>();
        for (int s = 0; s < 400; s++) {
            int n = 3 + rng.nextInt(4);
            double[] xr = new double[n * 2];
            double[] qr = new double[n * 2];
            double target = 0;
            for (int i = 0; i < n; i++) {
                xr[2 * i] = rng.nextInt(2);
                xr[2 * i + 1] = rng.nextDouble();
                qr[2 * i] = rng.nextDouble();
                qr[2 * i + 1] = xr[2 * i + 1];
                target += xr[2 * i] * xr[2 * i + 1] * (1 - qr[2 * i]) / 3;
            }
            samples.add(new SetSample(xr, qr, n, target));
        }
        SetEncoderNetwork start = SetEncoderNetwork.initialise(2, 2, new int[] {16, 8}, new int[] {16, 4}, 8, 7);
        double before = SetEncoderTrainer.meanAbsoluteError(start, samples);
        SetEncoderTrainer.Options options = new SetEncoderTrainer.Options(60, 32, 3e-3, 0.2, 10, 5);
        SetEncoderTrainer.Result a = SetEncoderTrainer.train(start, samples, options);
        SetEncoderTrainer.Result b = SetEncoderTrainer.train(start, samples, options);
        assertTrue(a.validationMae() < before / 4, "validation MAE " + a.validationMae() + ", untrained " + before);
        assertEquals(a.validationMae(), b.validationMae(), 0.0, "same seed, same run");
        double[] losses = a.trainingLosses();
        assertTrue(losses[losses.length - 1] < losses[0] / 10);
    }

    @Test
    void savesAndLoadsVersionedJson() throws IOException {
        SetEncoderNetwork net = SetEncoderNetwork.initialise(7, 7, new int[] {32, 16}, new int[] {64, 8}, 8, 1);
        Path file = dir.resolve("model.json");
        net.save(file);
        SetEncoderNetwork back = SetEncoderNetwork.load(file);
        double[] rows = new double[3 * 7];
        for (int k = 0; k < rows.length; k++) {
            rows[k] = k * 0.1;
        }
        assertEquals(net.predict(rows, rows, 3), back.predict(rows, rows, 3), 0.0);
        Files.writeString(file, Files.readString(file).replace("\"version\":1", "\"version\":9"));
        assertThrows(InvalidInputException.class, () -> SetEncoderNetwork.load(file));
        Files.writeString(file, "{");
        assertThrows(InvalidInputException.class, () -> SetEncoderNetwork.load(file));
    }
}
