package org.saddlepoint.solvers.iteration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntToDoubleFunction;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * IterationMonitor driven by a fake method whose certificate after k iterations is a known
 * function of k: stops, statuses and the exact set of certificate evaluations.
 */
class IterationMonitorTest {

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    /** Result of a fake run. */
    record Run(SolverStatus status, int iterations, List<Integer> evaluatedAt, List<Checkpoint> heard,
               IterationMonitor monitor) {
    }

    static Run run(StoppingRule rule, double initial, IntToDoubleFunction certificate, Runnable perIteration) {
        List<Checkpoint> heard = new ArrayList<>();
        List<Integer> evaluatedAt = new ArrayList<>();
        IterationMonitor monitor = new IterationMonitor(rule, heard::add);
        SolverStatus status = monitor.start(initial);
        int k = 0;
        while (status == null) {
            perIteration.run();
            k++;
            int kk = k;
            status = monitor.advance(k, () -> {
                evaluatedAt.add(kk);
                return certificate.applyAsDouble(kk);
            });
        }
        return new Run(status, k, evaluatedAt, heard, monitor);
    }

    static List<Integer> expectedCheckpoints(int last, int interval) {
        List<Integer> out = new ArrayList<>();
        for (int k = interval; k < last; k += interval) {
            out.add(k);
        }
        out.add(last);
        return out;
    }

    @Test
    void stopsAtTheFirstCheckpointMeetingTheTolerance() {
        StoppingRule rule = StoppingRule.DEFAULT.withTolerance(0.01).withCheckInterval(10).withMaxIterations(1000);
        Run run = run(rule, 1.0, k -> 1.0 / (k + 1), () -> { });
        // 1/(k+1) <= 0.01 first at k = 99; the first checkpoint at or after it is 100
        assertEquals(SolverStatus.CONVERGED, run.status());
        assertEquals(100, run.iterations());
        assertEquals(expectedCheckpoints(100, 10), run.evaluatedAt());
        assertEquals(11, run.heard().size());
        assertEquals(0, run.heard().get(0).iteration());
        assertEquals(1.0, run.heard().get(0).certificate(), 0.0);
        assertEquals(run.heard(), run.monitor().history());
        assertEquals(1.0 / 101, run.monitor().lastCertificate(), 0.0);
        for (int i = 1; i < run.heard().size(); i++) {
            assertEquals(10 * i, run.heard().get(i).iteration());
            assertTrue(run.heard().get(i).seconds() >= run.heard().get(i - 1).seconds());
        }
        assertThrows(UnsupportedOperationException.class, () -> run.monitor().history().clear());
    }

    @Property(tries = 200)
    void checkIntervalAndCapAreHonoured(@ForAll @IntRange(min = 1, max = 40) int interval,
                                        @ForAll @IntRange(min = 1, max = 300) int cap) {
        StoppingRule rule = StoppingRule.DEFAULT.withTolerance(0).withCheckInterval(interval).withMaxIterations(cap);
        Run run = run(rule, 1.0, k -> 1.0, () -> { });
        assertEquals(SolverStatus.MAX_ITERATIONS, run.status());
        assertEquals(cap, run.iterations());
        // supplier invoked exactly at the multiples of the interval below the cap, and at the cap
        assertEquals(expectedCheckpoints(cap, interval), run.evaluatedAt());
        assertEquals(run.evaluatedAt().size() + 1, run.monitor().history().size());
        assertEquals(cap, run.monitor().history().get(run.monitor().history().size() - 1).iteration());
    }

    @Test
    void stallRuleStopsAfterThatManyCheckpointsWithoutANewMinimum() {
        // Certificates 1/k until k = 30, then flat at 1/30 with ups and downs that never go below it.
        IntToDoubleFunction cert = k -> k <= 30 ? 1.0 / k : 1.0 / 30 + (k % 3 == 0 ? 0.0 : 1e-3);
        StoppingRule rule = StoppingRule.DEFAULT.withTolerance(1e-9).withCheckInterval(5).withMaxIterations(10_000);
        Run run = run(rule.withStallCheckpoints(4), 1.0, cert, () -> { });
        assertEquals(SolverStatus.STALLED, run.status());
        assertEquals(30 + 4 * 5, run.iterations());
        assertEquals(SolverStatus.MAX_ITERATIONS, run(rule, 1.0, cert, () -> { }).status());
        // A certificate that keeps reaching new minima, however slowly, never stalls.
        Run slow = run(rule.withStallCheckpoints(1), 1.0, k -> 1.0 / (1 + 1e-9 * k), () -> { });
        assertEquals(SolverStatus.MAX_ITERATIONS, slow.status());
    }

    @Test
    void startingPointAlreadyConverged() {
        IterationMonitor m = new IterationMonitor(StoppingRule.DEFAULT.withTolerance(0.5), null);
        assertEquals(Double.NaN, m.lastCertificate());
        assertEquals(SolverStatus.CONVERGED, m.start(0.5));
        IterationMonitor m2 = new IterationMonitor(StoppingRule.DEFAULT.withTolerance(0.5), null);
        assertNull(m2.start(0.6));
        assertEquals(0.6, m2.lastCertificate(), 0.0);
    }

    @Test
    void toleranceZeroNeedsAnExactZero() {
        StoppingRule rule = StoppingRule.DEFAULT.withTolerance(0).withCheckInterval(1).withMaxIterations(50);
        Run run = run(rule, 1.0, k -> k >= 7 ? 0.0 : Double.MIN_VALUE, () -> { });
        assertEquals(SolverStatus.CONVERGED, run.status());
        assertEquals(7, run.iterations());
    }

    @Test
    void convergenceAtTheCapIsReportedAsConverged() {
        StoppingRule rule = StoppingRule.DEFAULT.withTolerance(0.1).withCheckInterval(4).withMaxIterations(10);
        Run run = run(rule, 1.0, k -> k == 10 ? 0.05 : 1.0, () -> { });
        assertEquals(SolverStatus.CONVERGED, run.status());
        assertEquals(10, run.iterations());
    }

    @Test
    void nonFiniteCertificateIsDivergence() {
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY}) {
            StoppingRule rule = StoppingRule.DEFAULT.withCheckInterval(5).withMaxIterations(1000);
            Run run = run(rule, 1.0, k -> k >= 12 ? bad : 1.0, () -> { });
            assertEquals(SolverStatus.DIVERGED, run.status());
            assertEquals(15, run.iterations(), "detected at the first checkpoint after it happens");
            IterationMonitor m = new IterationMonitor(rule, null);
            assertEquals(SolverStatus.DIVERGED, m.start(bad));
        }
    }

    @Test
    void timeLimitEndsTheRunWithAFreshCertificate() {
        StoppingRule rule = StoppingRule.DEFAULT.withTimeLimit(0.05).withCheckInterval(1_000_000).withMaxIterations(Integer.MAX_VALUE);
        long t0 = System.nanoTime();
        Run run = run(rule, 1.0, k -> 1.0, () -> {
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        });
        double wall = (System.nanoTime() - t0) * 1e-9;
        assertEquals(SolverStatus.TIME_LIMIT, run.status());
        assertTrue(wall >= 0.05, "stopped after " + wall + " s");
        assertTrue(wall < 5, "stopped after " + wall + " s");
        // the final certificate is evaluated even though the iteration is not a checkpoint
        assertEquals(List.of(run.iterations()), run.evaluatedAt());
        Checkpoint last = run.monitor().history().get(run.monitor().history().size() - 1);
        assertEquals(run.iterations(), last.iteration());
        assertTrue(last.seconds() >= 0.05);
    }

    @Test
    void interruptionStopsAtOnceAndLeavesTheFlagSet() {
        StoppingRule rule = StoppingRule.DEFAULT.withCheckInterval(100).withMaxIterations(1000);
        AtomicInteger iterations = new AtomicInteger();
        Run run = run(rule, 1.0, k -> 1.0, () -> {
            if (iterations.incrementAndGet() == 3) {
                Thread.currentThread().interrupt();
            }
        });
        try {
            assertEquals(SolverStatus.INTERRUPTED, run.status());
            assertEquals(3, run.iterations());
            assertEquals(List.of(3), run.evaluatedAt());
            assertTrue(Thread.currentThread().isInterrupted(), "the interrupt flag must stay set");
        } finally {
            Thread.interrupted();
        }
        assertTrue(!Thread.currentThread().isInterrupted());
    }
}
