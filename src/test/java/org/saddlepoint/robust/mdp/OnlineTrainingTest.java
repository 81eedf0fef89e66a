package org.saddlepoint.robust.mdp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.saddlepoint.solvers.InvalidInputException;
import org.saddlepoint.solvers.iteration.Checkpoint;
import org.saddlepoint.solvers.iteration.SolverStatus;

/** The online protocol: seeds, bounds, interrupts, progress; the simulator against the exact evaluation; bad input. */
class OnlineTrainingTest {
    private static final FiniteLinearMdp NOMINAL = SimulatedLinearMdp.nominal(0.3, 0.1);
    private static final LearnerOptions RPO = LearnerOptions.DEFAULT.withTau(0.001).withEta(10);

    private static TrainingResult train(long seed, int episodes, double timeLimit, List<Checkpoint> sink) {
        DrRpo<Integer> learner = new DrRpo<>(NOMINAL, SimulatedLinearMdp.uncertaintySet(0.7), RPO);
        return OnlineTraining.run(NOMINAL, learner, episodes, timeLimit, seed,
                new RobustRegret(NOMINAL, SimulatedLinearMdp.uncertaintySet(0.7), 0.001), sink == null ? null : sink::add);
    }

    @Test
    void sameSeedSameRun() {
        TrainingResult a = train(3, 60, Double.POSITIVE_INFINITY, null);
        TrainingResult b = train(3, 60, Double.POSITIVE_INFINITY, null);
        TrainingResult c = train(4, 60, Double.POSITIVE_INFINITY, null);
        assertArrayEquals(a.returns(), b.returns());
        assertArrayEquals(a.cumulativeRegret(), b.cumulativeRegret());
        assertTrue(!java.util.Arrays.equals(a.returns(), c.returns()) || a.regret() != c.regret());
        assertEquals(SolverStatus.MAX_ITERATIONS, a.status());
        assertEquals(60, a.episodes());
    }

    @Test
    void oneCheckpointPerEpisodeWithTheCumulativeRegret() {
        List<Checkpoint> sink = new ArrayList<>();
        TrainingResult r = train(1, 20, Double.POSITIVE_INFINITY, sink);
        assertEquals(20, sink.size());
        double previous = 0;
        for (int k = 0; k < 20; k++) {
            assertEquals(k + 1, sink.get(k).iteration());
            assertEquals(r.cumulativeRegret()[k], sink.get(k).certificate());
            assertTrue(sink.get(k).certificate() >= previous - 1e-12, "per-episode regret is >= 0");
            previous = sink.get(k).certificate();
        }
        assertTrue(r.regret() > 0, "pi^1 = pi_ref is not optimal");
    }

    @Test
    void timeLimitAndInterruptStopTheRun() {
        TrainingResult limited = train(0, 1_000_000, 0.2, null);
        assertEquals(SolverStatus.TIME_LIMIT, limited.status());
        assertTrue(limited.episodes() < 1_000_000);
        Thread.currentThread().interrupt();
        try {
            TrainingResult interrupted = train(0, 100, Double.POSITIVE_INFINITY, null);
            assertEquals(SolverStatus.INTERRUPTED, interrupted.status());
            assertEquals(0, interrupted.episodes());
        } finally {
            Thread.interrupted();
        }
    }

    /** Monte Carlo returns of a fixed policy in a target environment agree with the exact expected return. */
    @Test
    void simulatorAgreesWithExactEvaluation() {
        TabularPolicy policy = RobustDynamicProgramming.of(NOMINAL, SimulatedLinearMdp.uncertaintySet(0.7), 0.01)
                .optimal().policy();
        FiniteLinearMdp target = SimulatedLinearMdp.target(NOMINAL, 0.6);
        double exact = RobustDynamicProgramming.expectedReturn(target, policy);
        MonteCarloReturn mc = MonteCarloReturn.of(target, policy, 40_000, 9);
        assertTrue(mc.standardError() > 0);
        assertEquals(exact, mc.mean(), 4 * mc.standardError());
    }

    @Test
    void badInputIsRejected() {
        assertThrows(InvalidInputException.class, () -> train(0, 0, 1, null));
        assertThrows(InvalidInputException.class, () -> train(0, 10, -1, null));
        assertThrows(InvalidInputException.class, () -> SimulatedLinearMdp.nominal(0.05, 0.1));
        assertThrows(InvalidInputException.class, () -> SimulatedLinearMdp.target(NOMINAL, 1.5));
        assertThrows(InvalidInputException.class, () -> SimulatedLinearMdp.uncertaintySet(1.2));
        assertThrows(InvalidInputException.class, () -> LearnerOptions.DEFAULT.withLambda(0));
        assertThrows(InvalidInputException.class, () -> LearnerOptions.DEFAULT.withTau(Double.NaN));
        assertThrows(InvalidInputException.class, () -> LearnerOptions.DEFAULT.withEta(-1));
        assertThrows(InvalidInputException.class, () -> new DrLsviUcb<>(NOMINAL,
                UncertaintySet.uniform(Divergence.KULLBACK_LEIBLER, 3, 4, 0.1), LearnerOptions.DEFAULT));
        assertThrows(InvalidInputException.class, () -> new DrLsviUcb<>(NOMINAL,
                UncertaintySet.none(2, 4), LearnerOptions.DEFAULT));
        double[][][] offSimplex = {{{0.5, 0.6}}};
        assertThrows(InvalidInputException.class, () -> new FiniteLinearMdp(offSimplex, new double[][] {{0, 1}},
                new double[][][] {{{1}, {1}}}, new double[] {1}, -1));
        assertThrows(InvalidInputException.class, () -> new FiniteLinearMdp(new double[][][] {{{0.5, 0.5}}},
                new double[][] {{0, 1}}, new double[][][] {{{1}, {0.5}}}, new double[] {1}, -1));
    }
}
