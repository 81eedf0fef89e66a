package org.saddlepoint.solvers.finitesum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.saddlepoint.solvers.InvalidInputException;
import org.saddlepoint.solvers.finitesum.experiments.LeastSquares;
import org.saddlepoint.solvers.finitesum.experiments.PolicemanBurglar;
import org.saddlepoint.solvers.finitesum.experiments.QuadraticMinMax;
import org.saddlepoint.solvers.linalg.Vectors;

/**
 * The finite-sum operators of the three experiments: the component estimators averaged over all
 * components, exactly enumerated, reproduce F (spec 7.7), also importance-weighted; differences
 * match components; component evaluations allocate nothing; and the importance sampler draws
 * with the stated probabilities.
 */
class FiniteSumOperatorTest {
    static List<FiniteSumProblem> problems() {
        return List.of(LeastSquares.generate(60, 7, 3).problem(), PolicemanBurglar.generate(13, 5).problem(),
                QuadraticMinMax.generate(11).problem());
    }

    static double[] randomPoint(int d, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] u = new double[d];
        for (int j = 0; j < d; j++) {
            u[j] = r.nextGaussian();
        }
        return u;
    }

    @Test
    void estimatorsAveragedOverAllComponentsReproduceF() {
        for (FiniteSumProblem p : problems()) {
            FiniteSumOperator f = p.operator();
            int n = f.components();
            double[] u = randomPoint(f.dimension(), 1);
            double[] full = new double[f.dimension()];
            f.apply(u, full);
            double[] uniform = new double[f.dimension()];
            double[] weighted = new double[f.dimension()];
            Sampling importance = FiniteSumOptions.DEFAULT.withImportanceSampling(true).sampling(p);
            double[] component = new double[f.dimension()];
            for (int i = 0; i < n; i++) {
                f.addComponent(i, u, 1.0 / n, uniform);
                java.util.Arrays.fill(component, 0);
                f.addComponent(i, u, importance.weight(i), component);
                for (int j = 0; j < component.length; j++) {
                    weighted[j] += importance.probability(i, n) * component[j];
                }
            }
            double scale = Vectors.norm2(full);
            assertTrue(Vectors.distance(full, uniform) <= 1e-12 * scale, p + ": uniform average");
            assertTrue(Vectors.distance(full, weighted) <= 1e-12 * scale, p + ": importance-weighted average");
        }
    }

    @Test
    void differenceIsTheDifferenceOfComponents() {
        for (FiniteSumProblem p : problems()) {
            FiniteSumOperator f = p.operator();
            double[] u = randomPoint(f.dimension(), 2);
            double[] v = randomPoint(f.dimension(), 3);
            for (int i = 0; i < f.components(); i++) {
                double[] expected = new double[f.dimension()];
                f.addComponent(i, u, 0.7, expected);
                f.addComponent(i, v, -0.7, expected);
                double[] actual = new double[f.dimension()];
                f.addComponentDifference(i, u, v, 0.7, actual);
                assertTrue(Vectors.distance(expected, actual) <= 1e-12 * (1 + Vectors.norm2(expected)), p + " i=" + i);
            }
        }
    }

    @Test
    void componentEvaluationsDoNotAllocate() {
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (FiniteSumProblem p : problems()) {
            FiniteSumOperator f = p.operator();
            double[] u = randomPoint(f.dimension(), 4);
            double[] v = randomPoint(f.dimension(), 5);
            double[] out = new double[f.dimension()];
            evaluate(f, u, v, out, 20_000);
            long before = bean.getThreadAllocatedBytes(Thread.currentThread().getId());
            evaluate(f, u, v, out, 20_000);
            long allocated = bean.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
            assertTrue(allocated < 1024, p + ": 40,000 component evaluations and full F allocated " + allocated + " bytes");
        }
    }

    private static void evaluate(FiniteSumOperator f, double[] u, double[] v, double[] out, int times) {
        for (int t = 0; t < times; t++) {
            int i = t % f.components();
            f.addComponent(i, u, 1e-9, out);
            f.addComponentDifference(i, u, v, 1e-9, out);
            if (t % 1000 == 0) {
                f.apply(u, out);
            }
        }
    }

    @Test
    void importanceSamplerDrawsWithItsProbabilities() {
        double[] lipschitz = {1, 2, 3, 4};
        Sampling s = Sampling.importance(lipschitz);
        SplittableRandom random = new SplittableRandom(7);
        int draws = 200_000;
        int[] count = new int[4];
        for (int t = 0; t < draws; t++) {
            count[s.draw(random, 4)]++;
        }
        for (int i = 0; i < 4; i++) {
            double q = lipschitz[i] / 10;
            assertEquals(q, s.probability(i, 4), 1e-15);
            assertEquals(1 / (4 * q), s.weight(i), 1e-12);
            double sd = Math.sqrt(draws * q * (1 - q));
            assertEquals(draws * q, count[i], 5 * sd, "index " + i);
        }
        assertThrows(InvalidInputException.class, () -> Sampling.importance(new double[] {1, 0}));
        assertThrows(InvalidInputException.class, () -> Sampling.importance(new double[] {1, Double.NaN}));
    }
}
