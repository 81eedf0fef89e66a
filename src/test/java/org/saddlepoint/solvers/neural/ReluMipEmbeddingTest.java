package org.saddlepoint.solvers.neural;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;

import org.junit.jupiter.api.Test;
import org.saddlepoint.solvers.kernels.KernelBackend;
import org.saddlepoint.solvers.kernels.Kernels;
import org.saddlepoint.solvers.mip.MipBackend;
import org.saddlepoint.solvers.mip.MipSolve;

class ReluMipEmbeddingTest {
    private static final double[] LO = {-1, 0, -2, 0.5};
    private static final double[] HI = {1, 1, 2, 1.5};

    private static double[] randomInput(SplittableRandom rng) {
        double[] x = new double[LO.length];
        for (int j = 0; j < x.length; j++) {
            x[j] = rng.nextDouble(LO[j], HI[j]);
        }
        return x;
    }

    @Test
    void embeddingEqualsTheForwardPassOnRandomInputs() {
        SplittableRandom rng = new SplittableRandom(4);
        for (int trial = 0; trial < 10; trial++) {
            ReluNetwork net = ReluNetwork.initialise(new int[] {4, 12, 8, 2}, true, rng);
            double[] x = randomInput(rng);
            MPSolver mip = MipBackend.CBC.newSolver();
            MPVariable[] in = new MPVariable[4];
            for (int j = 0; j < 4; j++) {
                in[j] = mip.makeNumVar(x[j], x[j], "x" + j);
            }
            ReluMipEmbedding.Embedded e = ReluMipEmbedding.embed(mip, net, in, LO, HI, "n");
            mip.objective().setCoefficient(e.outputs()[0], 1);
            assertTrue(MipSolve.optimal(mip, 30, "test"));
            double[] expected = net.forward(x);
            for (int k = 0; k < 2; k++) {
                assertEquals(expected[k], e.outputs()[k].solutionValue(), 1e-6);
            }
            mip.delete();
        }
    }

    /** No input of the box takes a pre-activation outside its interval bounds (the big-M constants). */
    @Test
    void bigMBoundsAreValid() {
        SplittableRandom rng = new SplittableRandom(5);
        ReluNetwork net = ReluNetwork.initialise(new int[] {4, 16, 16, 1}, true, rng);
        IntervalBounds bounds = IntervalBounds.of(net, LO, HI);
        TrainableNetwork t = new TrainableNetwork(net);
        try (Kernels k = Kernels.open(KernelBackend.JAVA)) {
            for (int s = 0; s < 2000; s++) {
                double[] x = randomInput(rng);
                if (s < 16) {
                    for (int j = 0; j < 4; j++) {
                        x[j] = (s >> j & 1) == 1 ? HI[j] : LO[j];
                    }
                }
                TrainableNetwork.Trace trace = t.forward(k, x, 1);
                for (int l = 0; l < net.layers(); l++) {
                    for (int u = 0; u < net.size(l + 1); u++) {
                        double a = trace.pre()[l][u];
                        assertTrue(a >= bounds.lower(l, u) - 1e-12 && a <= bounds.upper(l, u) + 1e-12);
                    }
                }
            }
        }
    }

    /**
     * Tightening the first layer to the bounds of a sub-box gives exactly the sub-box's interval bounds in
     * every layer (they are inside the box's, and the later layers are propagated again).
     */
    @Test
    void tighteningTheFirstLayerRepropagates() {
        SplittableRandom rng = new SplittableRandom(7);
        ReluNetwork net = ReluNetwork.initialise(new int[] {4, 10, 6, 2}, true, rng);
        double[] subLo = {-0.5, 0.2, -1, 0.5};
        double[] subHi = {0.5, 0.6, 0, 1};
        IntervalBounds sub = IntervalBounds.of(net, subLo, subHi);
        double[] lower = new double[10];
        double[] upper = new double[10];
        for (int u = 0; u < 10; u++) {
            lower[u] = sub.lower(0, u);
            upper[u] = sub.upper(0, u);
        }
        IntervalBounds tightened = IntervalBounds.of(net, LO, HI).tightenFirstLayer(net, lower, upper);
        for (int l = 0; l < net.layers(); l++) {
            for (int u = 0; u < net.size(l + 1); u++) {
                assertEquals(sub.lower(l, u), tightened.lower(l, u), 0.0);
                assertEquals(sub.upper(l, u), tightened.upper(l, u), 0.0);
            }
        }
    }

    /** Maximising the output over the box by MIP: at least every sampled output, and attained by its argmax. */
    @Test
    void maximisationOverTheBoxDominatesSampling() {
        SplittableRandom rng = new SplittableRandom(6);
        ReluNetwork net = ReluNetwork.initialise(new int[] {4, 10, 1}, true, rng);
        MPSolver mip = MipBackend.CBC.newSolver();
        MPVariable[] in = new MPVariable[4];
        for (int j = 0; j < 4; j++) {
            in[j] = mip.makeNumVar(LO[j], HI[j], "x" + j);
        }
        ReluMipEmbedding.Embedded e = ReluMipEmbedding.embed(mip, net, in, LO, HI, "n");
        mip.objective().setCoefficient(e.outputs()[0], 1);
        mip.objective().setMaximization();
        assertTrue(MipSolve.optimal(mip, 30, "test"));
        double max = mip.objective().value();
        double[] argmax = new double[4];
        for (int j = 0; j < 4; j++) {
            argmax[j] = in[j].solutionValue();
        }
        assertEquals(max, net.forward(argmax)[0], 1e-6);
        for (int s = 0; s < 5000; s++) {
            assertTrue(net.forward(randomInput(rng))[0] <= max + 1e-9);
        }
        assertTrue(e.binaries() <= 10);
        mip.delete();
    }
}
