package org.saddlepoint.robust.twostage;

import java.util.ArrayList;
import java.util.List;

import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;

import org.saddlepoint.solvers.iteration.IterationMonitor;
import org.saddlepoint.solvers.iteration.SolverStatus;
import org.saddlepoint.solvers.iteration.StoppingRule;
import org.saddlepoint.solvers.mip.MipBackend;
import org.saddlepoint.solvers.mip.MipSolve;

/**
 * Exact column-and-constraint generation (B. Zeng and L. Zhao, "Solving two-stage robust optimization
 * problems using a column-and-constraint generation method", Oper. Res. Letters 41(5), 2013; spec
 * section 2) for a {@link TwoStageRobustProblem} with binary recourse.
 *
 * <p>The master problem over the scenarios S found so far,
 * <pre>
 *   LB = min c^T x + theta  s.t.  x in X,  theta &gt;= d(xi^j)^T y^j,  y^j in Y(x, xi^j)   (xi^j in S),
 * </pre>
 * carries one copy y^j of the recourse per scenario. Its optimum x* goes to the exact adversarial
 * problem A(x*) = max_{xi in U} Q(x*, xi) ({@link TwoStageRobustProblem#worstCase}), which gives
 * UB = min(UB, c^T x* + A(x*)) and a new scenario. The run stops when (UB - LB) / max(1, |UB|) is
 * within the tolerance, at the iteration cap or time limit, or on an interrupt of the calling thread
 * (checked between solves). Finite: X is finite and a repeated x* closes the gap.
 */
public final class ColumnAndConstraintGeneration {
    private static final double INTEGRALITY = 0.5;

    private ColumnAndConstraintGeneration() {
    }

    public static CcgResult solve(TwoStageRobustProblem problem, CcgOptions options) {
        IterationMonitor monitor = new IterationMonitor(StoppingRule.DEFAULT.withTolerance(options.relativeTolerance())
                .withMaxIterations(options.maxIterations()).withTimeLimit(options.timeLimitSeconds())
                .withCheckInterval(1), options.listener());
        MipBackend backend = options.backendFor(problem);
        MPSolver master = backend.newSolver();
        try {
            int n = problem.size();
            MPVariable[] x = new MPVariable[n];
            for (int i = 0; i < n; i++) {
                x[i] = master.makeBoolVar("x" + i);
            }
            MPVariable theta = master.makeNumVar(problem.recourseLowerBound(), Double.POSITIVE_INFINITY, "theta");
            MPObjective objective = master.objective();
            double[] c = problem.firstStageCosts();
            for (int i = 0; i < n; i++) {
                objective.setCoefficient(x[i], c[i]);
            }
            objective.setCoefficient(theta, 1);
            objective.setMinimization();
            problem.addFirstStageConstraints(master, x);
            List<double[]> scenarios = new ArrayList<>();
            scenarios.add(problem.initialScenario());
            problem.addScenario(master, x, theta, scenarios.get(0), "_0");

            double lower = Double.NEGATIVE_INFINITY;
            double upper = Double.POSITIVE_INFINITY;
            boolean[] best = null;
            SolverStatus status = null;
            int iteration = 0;
            while (status == null) {
                if (!MipSolve.optimal(master, remaining(options, monitor), "CCG master problem")) {
                    status = SolverStatus.TIME_LIMIT;
                    break;
                }
                iteration++;
                lower = Math.max(lower, objective.value());
                boolean[] candidate = rounded(x);
                WorstCase worst = problem.worstCase(candidate, backend, remaining(options, monitor));
                double value = problem.firstStageCost(candidate) + worst.value();
                if (worst.exact() && value < upper) {
                    upper = value;
                    best = candidate;
                }
                if (!worst.exact() || upper == Double.POSITIVE_INFINITY) {
                    status = SolverStatus.TIME_LIMIT;
                    break;
                }
                double gap = CcgResult.relativeGap(lower, upper);
                status = monitor.advance(iteration, () -> gap);
                if (status == null) {
                    scenarios.add(worst.scenario());
                    problem.addScenario(master, x, theta, worst.scenario(), "_" + iteration);
                }
            }
            return new CcgResult(status, best, lower, upper, iteration, scenarios, monitor.elapsedSeconds(),
                    monitor.history());
        } finally {
            master.delete();
        }
    }

    private static double remaining(CcgOptions options, IterationMonitor monitor) {
        return options.timeLimitSeconds() - monitor.elapsedSeconds();
    }

    static boolean[] rounded(MPVariable[] x) {
        boolean[] b = new boolean[x.length];
        for (int i = 0; i < x.length; i++) {
            b[i] = x[i].solutionValue() > INTEGRALITY;
        }
        return b;
    }
}
