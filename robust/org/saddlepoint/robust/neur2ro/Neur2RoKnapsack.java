package org.saddlepoint.robust.neur2ro;

import java.util.ArrayList;
import java.util.List;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;

import org.saddlepoint.robust.neur2ro.SetEncoderMip.Block;
import org.saddlepoint.robust.twostage.KnapsackCuttingPlaneAdversary;
import org.saddlepoint.robust.twostage.RobustKnapsack;
import org.saddlepoint.solvers.iteration.IterationListener;
import org.saddlepoint.solvers.mip.MipBackend;
import org.saddlepoint.solvers.mip.MipSolve;
import org.saddlepoint.solvers.neural.IntervalBounds;
import org.saddlepoint.solvers.neural.PiecewiseLinearPath;
import org.saddlepoint.solvers.neural.ReluMipEmbedding;
import org.saddlepoint.solvers.neural.ReluNetwork;
import org.saddlepoint.solvers.neural.SetEncoderNetwork;

/**
 * Neur2RO on the two-stage robust knapsack (Dumouchelle, Julien, Kurtz and Khalil, "Neur2RO: Neural
 * Two-Stage Robust Optimization", ICLR 2024; repository {@code ro/scripts/05_run_ml_ccg.py}, spec sections
 * 3.6 to 3.9): column-and-constraint generation in which a trained {@link KnapsackValueModel} replaces
 * the exact worst-case machinery.
 * <ul>
 *   <li>Main problem (the "argmax" form, 3.6): one copy of the x-set network; per stored scenario a copy
 *       of the value network V, whose constant xi-representation is a forward pass; binaries s_j pick the
 *       scenario of largest prediction, A = max_j pred_j, and the recourse (y, r) is optimised exactly on
 *       the picked scenario (the bilinear terms y_i s_j, r_i s_j of the repository split exactly, without
 *       big-M, with the repair sign of the second stage, spec pitfall 9).</li>
 *   <li>Adversarial problem (3.7): x* fixed, its representation a forward pass; max over xi in U of the
 *       prediction, with the xi-set network embedded.</li>
 *   <li>MIP size (spec 3.5, pitfall 3): big-M constants from the inputs the MIP can actually reach, not from
 *       their box: P_x's pre-activations are affine in the binary x (exact range), P_xi's are sums of
 *       per-item paths under the budget ({@link PiecewiseLinearPath#budgetedGain}); each item's xi-embedding
 *       is one {@link PiecewiseLinearPath} (incremental formulation); with a single scenario the main problem
 *       is the deterministic one (the selection has one choice, the network no role).</li>
 *   <li>Loop (3.8): {@link MlCcgLoop}, shared with {@link Neur2RoCapitalBudgeting}; the last x* is evaluated
 *       exactly by {@link KnapsackCuttingPlaneAdversary} (3.9).</li>
 * </ul>
 * Two exact simplifications (first principles, not in the repository): x_i is binary, so item i's
 * embedding L_x(row_i) is E0_i + x_i (E1_i - E0_i) with E0_i, E1_i two forward passes, and the x-embedding
 * needs no binaries; an item with x*_i = 0 does not affect Q(x*, .), so the adversary fixes its xi_i at 0.
 * The loop starts from the nominal scenario xi = 0.
 */
public final class Neur2RoKnapsack implements MlCcgLoop.Steps {
    /** The repository's cap on main problems ({@code max_n_models}), as for every Neur2RO variant. */
    public static final int MAX_ITERATIONS = MlCcgLoop.MAX_ITERATIONS;
    private static final double MIP_GAP = SetEncoderMip.MIP_GAP;

    private final RobustKnapsack problem;
    private final KnapsackValueModel model;
    private final SetEncoderNetwork net;
    private final MipBackend backend;

    private Neur2RoKnapsack(RobustKnapsack problem, KnapsackValueModel model, MipBackend backend) {
        this.problem = problem;
        this.model = model;
        this.net = model.network();
        this.backend = backend;
    }

    /** Runs ML-CCG on {@code problem} with {@code model}, at most {@code seconds} of wall clock. */
    public static Neur2RoResult solve(RobustKnapsack problem, KnapsackValueModel model, MipBackend backend,
                                      double seconds) {
        return solve(problem, model, backend, seconds, IterationListener.NONE);
    }

    /**
     * As {@link #solve(RobustKnapsack, KnapsackValueModel, MipBackend, double)}, telling {@code listener} after each
     * iteration how many scenarios are stored (for progress output).
     */
    public static Neur2RoResult solve(RobustKnapsack problem, KnapsackValueModel model, MipBackend backend,
                                      double seconds, IterationListener listener) {
        return MlCcgLoop.run(new Neur2RoKnapsack(problem, model, backend), problem.initialScenario(), seconds, listener);
    }

    @Override
    public int size() {
        return problem.size();
    }

    @Override
    public double predict(boolean[] x, double[] xi) {
        return model.predict(problem, SetEncoderMip.asDouble(x), xi);
    }

    /** c^T x + max_xi Q(x, xi) by the cut-generation adversary (spec 3.9). */
    @Override
    public double exactObjective(boolean[] x) {
        return problem.firstStageCost(x) + KnapsackCuttingPlaneAdversary.solve(problem, x, 600).value();
    }

    /** The main problem over {@code scenarios}: its optimum or, at its time limit, its incumbent; null without one. */
    @Override
    public boolean[] mainProblem(List<double[]> scenarios, double seconds) {
        if (seconds <= 0) {
            return null;
        }
        int n = problem.size();
        MPSolver mip = backend.newSolver();
        try {
            MPVariable[] x = new MPVariable[n];
            for (int i = 0; i < n; i++) {
                x[i] = mip.makeBoolVar("x" + i);
            }
            MPVariable[] pick = scenarios.size() == 1 ? new MPVariable[] {mip.makeNumVar(1, 1, "s0")}
                    : predictedWorst(mip, x, scenarios);
            recourse(mip, x, scenarios, pick);
            double[] c = problem.firstStageCosts();
            for (int i = 0; i < n; i++) {
                mip.objective().setCoefficient(x[i], c[i]);
            }
            mip.objective().setMinimization();
            if (MipSolve.withinTime(mip, seconds, "Neur2RO main problem", MIP_GAP)
                    == MPSolver.ResultStatus.NOT_SOLVED) {
                return null;
            }
            boolean[] result = new boolean[n];
            for (int i = 0; i < n; i++) {
                result[i] = x[i].solutionValue() > 0.5;
            }
            return result;
        } finally {
            mip.delete();
        }
    }

    /**
     * The argmax selection s over the scenarios by the network's predictions at x. With one scenario the
     * choice is forced and the network plays no part, so the first main problem is the deterministic one.
     */
    private MPVariable[] predictedWorst(MPSolver mip, MPVariable[] x, List<double[]> scenarios) {
        int n = problem.size();
        Block hx = xRepresentation(mip, x);
        int k = scenarios.size();
        MPVariable[] pred = new MPVariable[k];
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < k; j++) {
            double[] hxi = net.xiRepresentation(model.features().rows(problem, scenarios.get(j)), n);
            Block joined = hx.append(mip, hxi, "hxi" + j);
            ReluMipEmbedding.Embedded v = ReluMipEmbedding.embed(mip, net.value(), joined.vars(), joined.lo(),
                    joined.hi(), "v" + j);
            pred[j] = v.outputs()[0];
            low = Math.min(low, v.bounds().outputLower(0));
            high = Math.max(high, v.bounds().outputUpper(0));
        }
        return SetEncoderMip.selection(mip, pred, low, high);
    }

    /**
     * The recourse (y, r) on the picked scenario, its value g(y, r) = sum_i -f_i y_i + phat_i xi_i (y_i - r_i)
     * added to the objective. The products y_i s_j and r_i s_j are split exactly (binary s one-hot):
     * u_ij, v_ij in [0, s_j] with sum_j u_ij = y_i, sum_j v_ij = r_i and v_ij &lt;= u_ij, so
     * g = sum_i -f_i y_i + sum_ij phat_i xi^j_i (u_ij - v_ij) without big-M constants.
     */
    private void recourse(MPSolver mip, MPVariable[] x, List<double[]> scenarios, MPVariable[] pick) {
        int n = problem.size();
        MPConstraint load = mip.makeConstraint(Double.NEGATIVE_INFINITY, problem.capacity(), "capacity");
        for (int i = 0; i < n; i++) {
            MPVariable y = mip.makeBoolVar("y" + i);
            MPVariable r = mip.makeBoolVar("r" + i);
            load.setCoefficient(y, problem.weight(i));
            load.setCoefficient(r, problem.repairWeight(i));
            below(mip, y, x[i]);
            below(mip, r, y);
            mip.objective().setCoefficient(y, -problem.outsourcingCost(i));
            MPConstraint keptSplit = mip.makeConstraint(0, 0);
            keptSplit.setCoefficient(y, -1);
            MPConstraint repairedSplit = mip.makeConstraint(0, 0);
            repairedSplit.setCoefficient(r, -1);
            for (int j = 0; j < scenarios.size(); j++) {
                double loss = problem.degradation(i) * scenarios.get(j)[i];
                MPVariable u = mip.makeNumVar(0, 1, "u" + i + "_" + j);
                MPVariable v = mip.makeNumVar(0, 1, "v" + i + "_" + j);
                keptSplit.setCoefficient(u, 1);
                repairedSplit.setCoefficient(v, 1);
                below(mip, u, pick[j]);
                below(mip, v, u);
                mip.objective().setCoefficient(u, loss);
                mip.objective().setCoefficient(v, -loss);
            }
        }
    }

    /** a &lt;= b. */
    private static void below(MPSolver mip, MPVariable a, MPVariable b) {
        MPConstraint row = mip.makeConstraint(Double.NEGATIVE_INFINITY, 0);
        row.setCoefficient(a, 1);
        row.setCoefficient(b, -1);
    }

    /**
     * h_x as MIP variables: the x-embedding sum is affine in the binaries (two forward passes per item),
     * then the post network P_x is embedded. Its hidden pre-activations are affine in x too, so their exact
     * range over x in {0, 1}^n (each item's step added when it raises, resp. lowers, the unit) is the big-M.
     */
    private Block xRepresentation(MPSolver mip, MPVariable[] x) {
        int n = problem.size();
        SetEncoderMip.AffineSum s = SetEncoderMip.AffineSum.of(mip, net.xEmbed(),
                model.features().rows(problem, new double[n]), model.features().rows(problem, SetEncoderMip.filled(n, 1)), x);
        double[] e0 = s.e0();
        double[] e1 = s.e1();
        int w = s.sum().length;
        return embedPost(mip, net.xPost(), s.sum(), s.lo(), s.hi(), weight -> {
            double at0 = 0;
            double up = 0;
            double down = 0;
            for (int i = 0; i < n; i++) {
                double step = 0;
                for (int u = 0; u < w; u++) {
                    at0 += weight[u] * e0[i * w + u];
                    step += weight[u] * (e1[i * w + u] - e0[i * w + u]);
                }
                up += Math.max(step, 0);
                down += Math.min(step, 0);
            }
            return new double[] {at0 + down, at0 + up};
        }, "px");
    }

    /** The range of w^T e over the embedding sums e the MIP can reach: {low, high}. */
    private interface Reach {
        double[] of(double[] w);
    }

    /**
     * The post network on the embedding sum, its hidden pre-activations bounded by {@code reach} (with a margin
     * for rounding) where that beats the interval bounds of the box [lo, hi].
     */
    private static Block embedPost(MPSolver mip, ReluNetwork post, MPVariable[] sum, double[] lo, double[] hi,
                                   Reach reach, String tag) {
        double[] weights = post.weights(0);
        double[] bias = post.bias(0);
        int w = post.inputSize();
        double[] preLo = new double[post.size(1)];
        double[] preHi = new double[post.size(1)];
        for (int v = 0; v < preLo.length; v++) {
            double[] range = reach.of(java.util.Arrays.copyOfRange(weights, v * w, (v + 1) * w));
            preLo[v] = bias[v] + range[0] - slack(range[0]);
            preHi[v] = bias[v] + range[1] + slack(range[1]);
        }
        IntervalBounds bounds = IntervalBounds.of(post, lo, hi).tightenFirstLayer(post, preLo, preHi);
        return Block.of(ReluMipEmbedding.embed(mip, post, sum, bounds, tag));
    }

    /** The adversarial problem alone, for x (a test's entry point). */
    static double[] worstScenario(RobustKnapsack problem, KnapsackValueModel model, MipBackend backend, boolean[] x) {
        return new Neur2RoKnapsack(problem, model, backend).adversary(x, 600);
    }

    /**
     * The adversarial problem for x*: a scenario maximising the prediction or, at the time limit, the incumbent;
     * null without one.
     */
    @Override
    public double[] adversary(boolean[] x, double seconds) {
        if (seconds <= 0) {
            return null;
        }
        int n = problem.size();
        MPSolver mip = backend.newSolver();
        try {
            MPVariable[] xi = new MPVariable[n];
            MPConstraint budget = mip.makeConstraint(Double.NEGATIVE_INFINITY, problem.budget(), "budget");
            for (int i = 0; i < n; i++) {
                xi[i] = mip.makeNumVar(0, x[i] ? 1 : 0, "xi" + i);
                budget.setCoefficient(xi[i], 1);
            }
            Block hxi = xiRepresentation(mip, x, xi);
            double[] hx = net.xRepresentation(model.features().rows(problem, SetEncoderMip.asDouble(x)), n);
            SetEncoderMip.maximisePrediction(mip, net, hx, hxi);
            if (MipSolve.withinTime(mip, seconds, "Neur2RO adversarial problem", MIP_GAP)
                    == MPSolver.ResultStatus.NOT_SOLVED) {
                return null;
            }
            double[] point = new double[n];
            for (int i = 0; i < n; i++) {
                double value = xi[i].solutionValue();
                point[i] = value < 1e-6 ? 0 : value > 1 - 1e-6 ? 1 : value;
            }
            return point;
        } finally {
            mip.delete();
        }
    }

    /**
     * h_xi as MIP variables. Item i's embedding L_xi(row_i) moves along a segment as xi_i runs over [0, 1]: a
     * {@link PiecewiseLinearPath} in the incremental formulation (exact, one binary per breakpoint); unproduced
     * items are constants. The pre-activations of P_xi's hidden layer are sums of such paths, so under the
     * budget sum_i xi_i &lt;= Gamma they are bounded by {@link PiecewiseLinearPath#budgetedGain}, far tighter
     * big-M constants than the box of the sum (only about Gamma of the produced items can move).
     */
    private Block xiRepresentation(MPSolver mip, boolean[] x, MPVariable[] xi) {
        int n = problem.size();
        ReluNetwork embed = net.xiEmbed();
        int w = embed.outputSize();
        double[] zeros = model.features().rows(problem, new double[n]);
        double[] ones = model.features().rows(problem, SetEncoderMip.filled(n, 1));
        double[] base = new double[w];
        MPVariable[] sum = new MPVariable[w];
        MPConstraint[] rows = new MPConstraint[w];
        for (int u = 0; u < w; u++) {
            sum[u] = mip.makeNumVar(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, "eq" + u);
            rows[u] = mip.makeConstraint(0, 0);
            rows[u].setCoefficient(sum[u], 1);
        }
        List<PiecewiseLinearPath> paths = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            PiecewiseLinearPath path = PiecewiseLinearPath.of(embed, row(zeros, i), row(ones, i));
            double[] start = path.start();
            for (int u = 0; u < w; u++) {
                base[u] += start[u];
            }
            if (!x[i]) {
                continue;
            }
            paths.add(path);
            MPVariable[] pieces = path.embed(mip, xi[i], "q" + i);
            for (int k = 0; k < pieces.length; k++) {
                for (int u = 0; u < w; u++) {
                    rows[u].setCoefficient(pieces[k], -path.slope(k, u));
                }
            }
        }
        Reach reach = weight -> {
            double at0 = dot(weight, base);
            return new double[] {at0 - PiecewiseLinearPath.budgetedGain(paths, negate(weight), problem.budget()),
                at0 + PiecewiseLinearPath.budgetedGain(paths, weight, problem.budget())};
        };
        double[] lo = new double[w];
        double[] hi = new double[w];
        for (int u = 0; u < w; u++) {
            double[] unit = new double[w];
            unit[u] = 1;
            double[] range = reach.of(unit);
            lo[u] = range[0] - slack(range[0]);
            hi[u] = range[1] + slack(range[1]);
            rows[u].setBounds(base[u], base[u]);
            sum[u].setBounds(lo[u], hi[u]);
        }
        return embedPost(mip, net.xiPost(), sum, lo, hi, reach, "pq");
    }

    /** A margin for rounding in bounds computed in floating point. */
    private static double slack(double value) {
        return 1e-7 * (1 + Math.abs(value));
    }

    private static double[] row(double[] rows, int i) {
        return java.util.Arrays.copyOfRange(rows, i * KnapsackFeatures.WIDTH, (i + 1) * KnapsackFeatures.WIDTH);
    }

    private static double[] negate(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = -v[i];
        }
        return out;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
