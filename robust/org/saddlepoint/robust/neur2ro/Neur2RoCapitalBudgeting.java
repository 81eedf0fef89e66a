package org.saddlepoint.robust.neur2ro;

import java.util.ArrayList;
import java.util.List;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;

import org.saddlepoint.robust.twostage.CapitalBudgeting;
import org.saddlepoint.robust.twostage.CapitalBudgetingDisjunctiveAdversary;
import org.saddlepoint.robust.twostage.WorstCase;
import org.saddlepoint.solvers.SaddlepointException;
import org.saddlepoint.solvers.iteration.IterationListener;
import org.saddlepoint.solvers.mip.MipBackend;
import org.saddlepoint.solvers.neural.ReluMipEmbedding;
import org.saddlepoint.solvers.neural.SetEncoderNetwork;

/**
 * Neur2RO on two-stage robust capital budgeting (Dumouchelle, Julien, Kurtz and Khalil, "Neur2RO: Neural
 * Two-Stage Robust Optimization", ICLR 2024; repository {@code ro/approximator/cb.py},
 * {@code ro/scripts/05_run_ml_ccg.py}, spec sections 3.6 to 3.9): column-and-constraint generation
 * ({@link MlCcgLoop}) in which a trained {@link CapitalBudgetingValueModel} replaces the exact worst-case
 * machinery.
 * <ul>
 *   <li>Main problem (the "argmax" form, 3.6): x in X (robustly feasible), one copy of the x-set network, per
 *       stored scenario a copy of the value network V (its xi-representation a forward pass); binaries s_j
 *       pick the scenario of largest prediction, and the late investments y are optimised exactly on it:
 *       min z, z &gt;= -r(xi^j)^T (x + k y) - M (1 - s_j), c(xi^j)^T (x + y) &lt;= B + M'_j (1 - s_j),
 *       x + y &lt;= 1 (the repository's bilinear terms in xi_wc, linearised per scenario).</li>
 *   <li>Adversarial problem (3.7): x* fixed, its representation a forward pass; max over xi in [-1, 1]^m of
 *       the predicted objective, with the xi-set network embedded (its multiplier features affine in xi).</li>
 *   <li>The returned x is evaluated exactly by {@link CapitalBudgetingDisjunctiveAdversary} (3.9; the paper
 *       samples, a lower bound, spec pitfall 12).</li>
 * </ul>
 * Feasibility (first principles): the repository's feasibility adversary max_xi c(xi)^T x* has, for phi_i
 * &gt;= 0, its maximum at xi = (1, ..., 1), so its cut c(1)^T x &lt;= B is the robust budget row; the main
 * problem carries that row from the start ({@link CapitalBudgeting#addFirstStageConstraints}), every x* is
 * robustly feasible, and the adversary's constraint c(xi)^T x* &lt;= B holds on all of U. The loop starts
 * from the nominal scenario xi = 0.
 */
public final class Neur2RoCapitalBudgeting implements MlCcgLoop.Steps {
    /** The cap on main problems. */
    public static final int MAX_ITERATIONS = MlCcgLoop.MAX_ITERATIONS;
    /** Wall-clock limit of the exact evaluation (the disjunctive MILP). */
    static final double EVALUATION_SECONDS = 600;

    private final CapitalBudgeting problem;
    private final CapitalBudgetingValueModel model;
    private final SetEncoderNetwork net;
    private final MipBackend backend;

    Neur2RoCapitalBudgeting(CapitalBudgeting problem, CapitalBudgetingValueModel model, MipBackend backend) {
        this.problem = problem;
        this.model = model;
        this.net = model.network();
        this.backend = backend;
    }

    /** Runs ML-CCG on {@code problem} with {@code model}, at most {@code seconds} of wall clock. */
    public static Neur2RoResult solve(CapitalBudgeting problem, CapitalBudgetingValueModel model, MipBackend backend,
                                      double seconds) {
        return solve(problem, model, backend, seconds, IterationListener.NONE);
    }

    /**
     * As {@link #solve(CapitalBudgeting, CapitalBudgetingValueModel, MipBackend, double)}, telling {@code listener} after each
     * iteration how many scenarios are stored (for progress output).
     */
    public static Neur2RoResult solve(CapitalBudgeting problem, CapitalBudgetingValueModel model, MipBackend backend,
                                      double seconds, IterationListener listener) {
        return MlCcgLoop.run(new Neur2RoCapitalBudgeting(problem, model, backend), problem.initialScenario(), seconds,
                listener);
    }

    @Override
    public int size() {
        return problem.size();
    }

    @Override
    public double predict(boolean[] x, double[] xi) {
        return model.predict(problem, SetEncoderMip.asDouble(x), xi);
    }

    /** The disjunctive MILP's worst case (first-stage cost 0). */
    @Override
    public double exactObjective(boolean[] x) {
        WorstCase worst = CapitalBudgetingDisjunctiveAdversary.solve(problem, x, problem.defaultBackend(),
                EVALUATION_SECONDS);
        if (!worst.exact()) {
            throw new SaddlepointException(problem.name() + ": the exact evaluation did not finish in "
                    + EVALUATION_SECONDS + " s");
        }
        return worst.value();
    }

    @Override
    public boolean[] mainProblem(List<double[]> scenarios, double seconds) {
        return SetEncoderMip.solve(backend, seconds, "Neur2RO main problem", mip -> {
            int n = problem.size();
            MPVariable[] x = SetEncoderMip.binaries(mip, n, "x");
            problem.addFirstStageConstraints(mip, x);
            SetEncoderMip.Block hx = SetEncoderMip.xRepresentation(mip, net,
                    model.features().xRows(problem, new double[n]), model.features().xRows(problem, SetEncoderMip.filled(n, 1)), x);
            List<double[]> hxi = scenarios.stream()
                    .map(xi -> net.xiRepresentation(model.features().xiRows(problem, xi), n)).toList();
            MPVariable[] pick = SetEncoderMip.selectWorst(mip, net, hx, hxi);
            MPVariable z = recourse(mip, x, scenarios, pick);
            mip.objective().setCoefficient(z, 1);
            mip.objective().setMinimization();
            return () -> SetEncoderMip.rounded(x);
        });
    }

    /**
     * The late investments y and, for every scenario j, z &gt;= -r(xi^j)^T (x + k y) - M (1 - s_j) and
     * c(xi^j)^T (x + y) &lt;= B + M'_j (1 - s_j), with M = sum_i max r_i (z's lower bound is -M) and
     * M'_j = sum_i c_i(xi^j).
     */
    private MPVariable recourse(MPSolver mip, MPVariable[] x, List<double[]> scenarios, MPVariable[] pick) {
        int n = problem.size();
        double bigM = -problem.recourseLowerBound();
        MPVariable z = mip.makeNumVar(-bigM, 0, "z");
        MPVariable[] y = SetEncoderMip.binaries(mip, n, "y");
        for (int i = 0; i < n; i++) {
            MPConstraint once = mip.makeConstraint(Double.NEGATIVE_INFINITY, 1, "once" + i);
            once.setCoefficient(x[i], 1);
            once.setCoefficient(y[i], 1);
        }
        for (int j = 0; j < scenarios.size(); j++) {
            double[] xi = scenarios.get(j);
            // z + r(xi)^T (x + k y) - M s_j >= -M
            MPConstraint value = mip.makeConstraint(-bigM, Double.POSITIVE_INFINITY, "value" + j);
            value.setCoefficient(z, 1);
            value.setCoefficient(pick[j], -bigM);
            double total = 0;
            for (int i = 0; i < n; i++) {
                total += problem.cost(i, xi);
            }
            // c(xi)^T (x + y) + M' s_j <= B + M'
            MPConstraint load = mip.makeConstraint(Double.NEGATIVE_INFINITY, problem.budget() + total, "budget" + j);
            load.setCoefficient(pick[j], total);
            for (int i = 0; i < n; i++) {
                value.setCoefficient(x[i], problem.revenue(i, xi));
                value.setCoefficient(y[i], problem.lateFraction() * problem.revenue(i, xi));
                load.setCoefficient(x[i], problem.cost(i, xi));
                load.setCoefficient(y[i], problem.cost(i, xi));
            }
        }
        return z;
    }

    @Override
    public double[] adversary(boolean[] x, double seconds) {
        int m = problem.uncertaintyDimension();
        Optimum best = maximisePrediction(x, SetEncoderMip.filled(m, -1), SetEncoderMip.filled(m, 1), seconds);
        if (best == null) {
            return null;
        }
        double[] point = best.scenario();
        for (int j = 0; j < m; j++) {
            point[j] = point[j] < -1 + 1e-6 ? -1 : point[j] > 1 - 1e-6 ? 1 : point[j];
        }
        return point;
    }

    /**
     * The adversarial problem's prediction at x with xi fixed: its network embedding evaluated by the MIP
     * solver (scaled units), for checking the embedding against {@link CapitalBudgetingValueModel#predict}.
     */
    double embeddedPrediction(boolean[] x, double[] xi) {
        return maximisePrediction(x, xi, xi, 60).value();
    }

    /** A maximiser of the scaled prediction over xi in [lo, hi] and its value. */
    private record Optimum(double[] scenario, double value) {
    }

    /** max_xi pred(x, xi) over the box [lo, hi] (the adversarial problem); null when the time ran out. */
    private Optimum maximisePrediction(boolean[] x, double[] lo, double[] hi, double seconds) {
        return SetEncoderMip.solve(backend, seconds, "Neur2RO adversarial problem", mip -> {
            int m = lo.length;
            MPVariable[] xi = new MPVariable[m];
            for (int j = 0; j < m; j++) {
                xi[j] = mip.makeNumVar(lo[j], hi[j], "xi" + j);
            }
            SetEncoderMip.Block hxi = xiRepresentation(mip, xi);
            SetEncoderMip.maximisePrediction(mip, net,
                    net.xRepresentation(model.features().xRows(problem, SetEncoderMip.asDouble(x)), size()), hxi);
            return () -> {
                double[] point = new double[m];
                for (int j = 0; j < m; j++) {
                    point[j] = xi[j].solutionValue();
                }
                return new Optimum(point, mip.objective().value());
            };
        });
    }

    /**
     * h_xi with xi as variables: per project the scaled multipliers are affine in xi (their coefficients read off
     * at the unit vectors), the embedding L_xi is embedded on them and the constant cbar, rbar features; the
     * sum over the projects goes through P_xi.
     */
    private SetEncoderMip.Block xiRepresentation(MPSolver mip, MPVariable[] xi) {
        int n = problem.size();
        int m = xi.length;
        CapitalBudgetingFeatures f = model.features();
        double[] origin = f.xiRows(problem, new double[m]);
        double[][] unit = new double[m][];
        for (int j = 0; j < m; j++) {
            double[] e = new double[m];
            e[j] = 1;
            unit[j] = f.xiRows(problem, e);
        }
        List<SetEncoderMip.Block> parts = new ArrayList<>();
        int w = CapitalBudgetingFeatures.XI_WIDTH;
        for (int i = 0; i < n; i++) {
            MPVariable[] in = new MPVariable[w];
            double[] lo = new double[w];
            double[] hi = new double[w];
            for (int c = 0; c < w; c++) {
                double base = origin[i * w + c];
                double spread = 0;
                MPConstraint row = c < 2 ? mip.makeConstraint(base, base) : null;
                for (int j = 0; j < m && row != null; j++) {
                    double slope = unit[j][i * w + c] - base;
                    spread += Math.abs(slope);
                    row.setCoefficient(xi[j], -slope);
                }
                lo[c] = base - spread;
                hi[c] = base + spread;
                in[c] = mip.makeNumVar(lo[c], hi[c], "f" + i + "_" + c);
                if (row != null) {
                    row.setCoefficient(in[c], 1);
                }
            }
            parts.add(SetEncoderMip.Block.of(ReluMipEmbedding.embed(mip, net.xiEmbed(), in, lo, hi, "q" + i)));
        }
        return SetEncoderMip.sumThenPost(mip, net.xiPost(), parts, new double[net.xiEmbed().outputSize()], "q");
    }
}
