package org.saddlepoint.solvers.finitesum;

import java.util.Arrays;

import org.saddlepoint.solvers.Checks;
import org.saddlepoint.solvers.iteration.IterationMonitor;
import org.saddlepoint.solvers.iteration.SolverResult;
import org.saddlepoint.solvers.iteration.SolverStatus;
import org.saddlepoint.solvers.operators.Certificate;

/**
 * Runs a {@link FiniteSumMethod} on a {@link FiniteSumProblem}: one oracle (counting, seeded),
 * one {@link IterationMonitor} that sees a checkpoint every {@link FiniteSumOptions#checkEpochs()}
 * epochs and when the epoch budget is spent, and the problem's certificate at the method's last
 * iterate at each checkpoint, never charged to the oracle (spec monotone-operators 3). The time
 * limit and interrupts are polled at the checkpoints, so a run stops within one check interval
 * (plus one iteration) of either.
 */
public final class FiniteSumSolver {
    private FiniteSumSolver() {
    }

    /** Runs from the problem's own starting point. */
    public static FiniteSumResult solve(FiniteSumProblem problem, FiniteSumMethod method, FiniteSumOptions options) {
        return solve(problem, method, problem.start(), options);
    }

    /** Runs from {@code start}, projected onto C first. */
    public static FiniteSumResult solve(FiniteSumProblem problem, FiniteSumMethod method, double[] start,
                                        FiniteSumOptions options) {
        Checks.length("start", start, problem.dimension());
        double[] u0 = Checks.finite("start", start).clone();
        problem.domain().project(u0);
        int n = problem.components();
        FiniteSumOracle oracle = new FiniteSumOracle(problem, options.sampling(problem), options.seed());
        Certificate certificate = problem.certificate();
        IterationMonitor monitor = new IterationMonitor(options.stoppingRule(), options.listener());
        double budget = options.maxEpochs() * n;
        double interval = options.checkEpochs() * n;
        double[] epochs = new double[16];
        int checks = 0;
        double initial = certificate.evaluate(u0);
        epochs[checks++] = 0;
        SolverStatus status = monitor.start(initial);
        FiniteSumIteration run = method.start(oracle, u0);
        run.checkpoint(initial);
        double nextCheck = interval;
        int k = 0;
        while (status == null) {
            run.step();
            k++;
            long calls = oracle.calls();
            boolean spent = calls >= budget;
            if (!spent && calls < nextCheck) {
                continue;
            }
            nextCheck = (Math.floor(calls / interval) + 1) * interval;
            double c = certificate.evaluate(run.point());
            if (checks == epochs.length) {
                epochs = Arrays.copyOf(epochs, 2 * checks);
            }
            epochs[checks++] = oracle.epochs();
            status = monitor.advance(k, () -> c);
            if (status == null && spent) {
                status = SolverStatus.MAX_ITERATIONS;
            }
            run.checkpoint(c);
        }
        double[] point = run.point();
        SolverResult result = new SolverResult(method.name(), status, k, monitor.elapsedSeconds(),
                monitor.lastCertificate(), point, point, point, monitor.history());
        return new FiniteSumResult(result, certificate.name(), oracle.calls(), n, Arrays.copyOf(epochs, checks));
    }
}
