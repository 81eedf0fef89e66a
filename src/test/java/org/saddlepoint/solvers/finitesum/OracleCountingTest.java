package org.saddlepoint.solvers.finitesum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.saddlepoint.solvers.finitesum.experiments.LeastSquares;
import org.saddlepoint.solvers.finitesum.experiments.MethodName;
import org.saddlepoint.solvers.finitesum.experiments.PolicemanBurglar;
import org.saddlepoint.solvers.finitesum.experiments.Preset;
import org.saddlepoint.solvers.operators.Domain;

/**
 * The oracle counter against the evaluations actually made (spec 1.2, 8): an operator that counts
 * its own component evaluations (a full F is n of them) is wrapped around the problem; every
 * method's reported calls must equal that count, certificates (evaluated through the unwrapped
 * operator path of the problem) must cost nothing, EG must cost exactly 2n per iteration, and
 * Algorithm 1 must charge n for its two forced refreshes and 2b per minibatch.
 */
class OracleCountingTest {
    /** Counts component evaluations; F itself counts n. */
    static final class Counting implements FiniteSumOperator {
        final FiniteSumOperator inner;
        long evaluations;

        Counting(FiniteSumOperator inner) {
            this.inner = inner;
        }

        @Override
        public int dimension() {
            return inner.dimension();
        }

        @Override
        public int components() {
            return inner.components();
        }

        @Override
        public void addComponent(int i, double[] u, double scale, double[] out) {
            evaluations++;
            inner.addComponent(i, u, scale, out);
        }

        @Override
        public void addComponentDifference(int i, double[] u, double[] v, double scale, double[] out) {
            evaluations += 2;
            inner.addComponentDifference(i, u, v, scale, out);
        }

        @Override
        public double componentLipschitz(int i) {
            return inner.componentLipschitz(i);
        }

        @Override
        public void apply(double[] u, double[] out) {
            evaluations += components();
            inner.apply(u, out);
        }
    }

    static FiniteSumProblem wrap(FiniteSumProblem p, Counting counting) {
        return new FiniteSumProblem(p.name(), counting, p.domain(), p.start(), p.lipschitzOnAverage(), p.lipschitz());
    }

    @Test
    void everyMethodChargesExactlyTheEvaluationsItMakes() {
        PolicemanBurglar instance = PolicemanBurglar.generate(30, 1);
        for (MethodName m : MethodName.values()) {
            Counting counting = new Counting(instance.problem().operator());
            FiniteSumProblem problem = wrap(instance.problem(), counting);
            FiniteSumMethod method = instance.method(m, Preset.PAPER);
            FiniteSumOracle oracle = new FiniteSumOracle(problem, Sampling.uniform(30), 3);
            FiniteSumIteration run = method.start(oracle, problem.start());
            for (int k = 0; k < 500; k++) {
                run.step();
            }
            assertEquals(counting.evaluations, oracle.calls(), m.cliName());
            assertTrue(oracle.calls() > 0);
        }
    }

    @Test
    void certificatesAreFreeAndExtragradientCostsTwoEpochsPerIteration() {
        LeastSquares instance = LeastSquares.generate(100, 4, 2);
        FiniteSumProblem p = instance.problem();
        FiniteSumMethod eg = DeterministicExtragradient.theory(p);
        FiniteSumResult often = FiniteSumSolver.solve(p, eg, FiniteSumOptions.DEFAULT.withMaxEpochs(40).withCheckEpochs(0.01));
        FiniteSumResult rarely = FiniteSumSolver.solve(p, eg, FiniteSumOptions.DEFAULT.withMaxEpochs(40).withCheckEpochs(10));
        assertEquals(20, often.iterations());
        assertEquals(40.0, often.epochs());
        assertEquals(often.oracleCalls(), rarely.oracleCalls());
        assertEquals(often.certificate(), rarely.certificate(), 0.0);
        assertEquals(21, often.history().size(), "a checkpoint per iteration (2 epochs each) and the start");
    }

    @Test
    void algorithm1RefreshesTwiceThenPaysTwoBPerMinibatch() {
        int n = 400;
        LeastSquares instance = LeastSquares.generate(n, 3, 5);
        FiniteSumProblem p = instance.problem();
        FiniteSumOracle oracle = new FiniteSumOracle(p, Sampling.uniform(n), 11);
        FiniteSumIteration run = VarianceReducedHalpern.theory(p).start(oracle, p.start());
        run.step();
        assertEquals(n, oracle.calls());
        run.step();
        assertEquals(2L * n, oracle.calls());
        int b = VarianceReducedHalpern.batchSize(n);
        assertEquals(20, b);
        int refreshes = 0;
        int minibatches = 0;
        for (int k = 2; k < 2000; k++) {
            long before = oracle.calls();
            run.step();
            long spent = oracle.calls() - before;
            assertTrue(spent == n || spent == 2L * b, "iteration " + k + " cost " + spent);
            if (spent == n) {
                refreshes++;
            } else {
                minibatches++;
            }
        }
        double expected = 0;
        for (int k = 2; k < 2000; k++) {
            expected += VarianceReducedHalpern.refreshProbability(k, n);
        }
        double sd = Math.sqrt(expected);
        assertEquals(expected, refreshes, 5 * sd, "refreshes against sum of p_k");
        assertEquals(1998, refreshes + minibatches);
        assertEquals(4.0 / (Math.sqrt(n) + 5), VarianceReducedHalpern.refreshProbability(5000, n), 1e-15);
        assertEquals(4.0 / 6, VarianceReducedHalpern.refreshProbability(2, n), 1e-15);
        assertEquals(1.0, VarianceReducedHalpern.refreshProbability(1, n));
    }

    @Test
    void minibatchesAreDrawnWithoutReplacement() {
        FiniteSumProblem p = new FiniteSumProblem("tiny", PolicemanBurglar.generate(10, 0).problem().operator(),
                Domain.free(20), new double[20], 1, 1);
        FiniteSumOracle oracle = new FiniteSumOracle(p, Sampling.uniform(10), 1);
        int[] batch = new int[10];
        for (int t = 0; t < 100; t++) {
            oracle.minibatch(batch);
            assertEquals(45, java.util.Arrays.stream(batch).sum(), "a full batch is a permutation");
            assertEquals(10, java.util.Arrays.stream(batch).distinct().count());
        }
    }
}
