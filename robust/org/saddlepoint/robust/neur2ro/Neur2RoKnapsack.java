package org.saddlepoint.robust.neur2ro;

import java.util.ArrayList;
import java.util.List;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;

import org.saddlepoint.robust.twostage.KnapsackCuttingPlaneAdversary;
import org.saddlepoint.robust.twostage.RobustKnapsack;
import org.saddlepoint.solvers.Checks;
import org.saddlepoint.solvers.mip.MipBackend;
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
 *       the picked scenario: z &gt;= g_j(y, r) - M_j (1 - s_j) (the bilinear terms of the repository
 *       linearised per scenario, with the repair sign of the second stage, spec pitfall 9).</li>
 *   <li>Adversarial problem (3.7): x* fixed, its representation a forward pass; max over xi in U of the
 *       prediction, with the xi-set network embedded.</li>
 *   <li>Loop (3.8, {@link MlCcgLoop}): stop when the adversary's value is within 1e-4 (relative) of A, its
 *       scenario is within L1 distance 1e-3 of a stored one, after {@link #MAX_ITERATIONS}, at the time limit
 *       or on an interrupt; return the last x*, evaluated exactly by {@link KnapsackCuttingPlaneAdversary} (3.9).</li>
 * </ul>
 * Two exact simplifications (first principles, not in the repository): x_i is binary, so item i's
 * embedding L_x(row_i) is E0_i + x_i (E1_i - E0_i) with E0_i, E1_i two forward passes, and the x-embedding
 * needs no binaries; an item with x*_i = 0 does not affect Q(x*, .), so the adversary fixes its xi_i at 0.
 * The loop starts from the nominal scenario xi = 0.
 */
public final class Neur2RoKnapsack implements MlCcgLoop.Steps {
    /** The repository's cap on main problems ({@code max_n_models}). */
    public static final int MAX_ITERATIONS = MlCcgLoop.MAX_ITERATIONS;

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
        Checks.positive("time limit", seconds);
        return MlCcgLoop.run(new Neur2RoKnapsack(problem, model, backend), problem.initialScenario(), seconds);
    }

    @Override
    public int size() {
        return problem.size();
    }

    @Override
    public double predict(boolean[] x, double[] xi) {
        return model.predict(problem, SetEncoderMip.asDouble(x), xi);
    }

    @Override
    public double exactObjective(boolean[] x) {
        return problem.firstStageCost(x) + KnapsackCuttingPlaneAdversary.solve(problem, x, 600).value();
    }

    /** The main problem over {@code scenarios}; null when the time ran out. */
    @Override
    public boolean[] mainProblem(List<double[]> scenarios, double seconds) {
        return SetEncoderMip.solve(backend, seconds, "Neur2RO main problem", mip -> {
            int n = problem.size();
            MPVariable[] x = SetEncoderMip.binaries(mip, n, "x");
            SetEncoderMip.Block hx = SetEncoderMip.xRepresentation(mip, net,
                    model.features().rows(problem, new double[n]), model.features().rows(problem, fill(n, 1)), x);
            List<double[]> hxi = scenarios.stream()
                    .map(xi -> net.xiRepresentation(model.features().rows(problem, xi), n)).toList();
            MPVariable[] pick = SetEncoderMip.selectWorst(mip, net, hx, hxi);
            MPVariable z = recourse(mip, x, scenarios, pick);
            double[] c = problem.firstStageCosts();
            for (int i = 0; i < n; i++) {
                mip.objective().setCoefficient(x[i], c[i]);
            }
            mip.objective().setCoefficient(z, 1);
            mip.objective().setMinimization();
            return () -> SetEncoderMip.rounded(x);
        });
    }

    /** The recourse (y, r) and z &gt;= g_j(y, r) - M_j (1 - s_j) for every scenario j. */
    private MPVariable recourse(MPSolver mip, MPVariable[] x, List<double[]> scenarios, MPVariable[] pick) {
        int n = problem.size();
        double scale = 0;
        for (int i = 0; i < n; i++) {
            scale += Math.abs(problem.outsourcingCost(i)) + Math.abs(problem.degradation(i));
        }
        MPVariable z = mip.makeNumVar(-scale, Double.POSITIVE_INFINITY, "z");
        MPVariable[] y = new MPVariable[n];
        MPVariable[] r = new MPVariable[n];
        MPConstraint load = mip.makeConstraint(Double.NEGATIVE_INFINITY, problem.capacity(), "capacity");
        for (int i = 0; i < n; i++) {
            y[i] = mip.makeBoolVar("y" + i);
            r[i] = mip.makeBoolVar("r" + i);
            load.setCoefficient(y[i], problem.weight(i));
            load.setCoefficient(r[i], problem.repairWeight(i));
            MPConstraint kept = mip.makeConstraint(Double.NEGATIVE_INFINITY, 0);
            kept.setCoefficient(y[i], 1);
            kept.setCoefficient(x[i], -1);
            MPConstraint repaired = mip.makeConstraint(Double.NEGATIVE_INFINITY, 0);
            repaired.setCoefficient(r[i], 1);
            repaired.setCoefficient(y[i], -1);
        }
        double bigM = 2 * scale;
        for (int j = 0; j < scenarios.size(); j++) {
            double[] xi = scenarios.get(j);
            // z - g_j(y, r) - M s_j >= -M
            MPConstraint row = mip.makeConstraint(-bigM, Double.POSITIVE_INFINITY, "z" + j);
            row.setCoefficient(z, 1);
            row.setCoefficient(pick[j], -bigM);
            for (int i = 0; i < n; i++) {
                row.setCoefficient(y[i], -(problem.degradation(i) * xi[i] - problem.outsourcingCost(i)));
                row.setCoefficient(r[i], problem.degradation(i) * xi[i]);
            }
        }
        return z;
    }

    /** The adversarial problem for x*: a scenario maximising the prediction; null when the time ran out. */
    @Override
    public double[] adversary(boolean[] x, double seconds) {
        return SetEncoderMip.solve(backend, seconds, "Neur2RO adversarial problem", mip -> {
            int n = problem.size();
            MPVariable[] xi = new MPVariable[n];
            MPConstraint budget = mip.makeConstraint(Double.NEGATIVE_INFINITY, problem.budget(), "budget");
            for (int i = 0; i < n; i++) {
                xi[i] = mip.makeNumVar(0, x[i] ? 1 : 0, "xi" + i);
                budget.setCoefficient(xi[i], 1);
            }
            SetEncoderMip.Block hxi = xiRepresentation(mip, x, xi);
            SetEncoderMip.maximisePrediction(mip, net,
                    net.xRepresentation(model.features().rows(problem, SetEncoderMip.asDouble(x)), n), hxi);
            return () -> {
                double[] point = new double[n];
                for (int i = 0; i < n; i++) {
                    double value = xi[i].solutionValue();
                    point[i] = value < 1e-6 ? 0 : value > 1 - 1e-6 ? 1 : value;
                }
                return point;
            };
        });
    }

    /** h_xi as MIP variables: per produced item the embedding L_xi with xi_i as input, summed, then P_xi. */
    private SetEncoderMip.Block xiRepresentation(MPSolver mip, boolean[] x, MPVariable[] xi) {
        int n = problem.size();
        ReluNetwork embed = net.xiEmbed();
        int w = embed.outputSize();
        double[] rows = model.features().rows(problem, new double[n]);
        double[] constant = SetEncoderMip.forward(embed, rows, n);
        double[] base = new double[w];
        List<SetEncoderMip.Block> parts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (!x[i]) {
                for (int u = 0; u < w; u++) {
                    base[u] += constant[i * w + u];
                }
                continue;
            }
            double[] row = java.util.Arrays.copyOfRange(rows, i * KnapsackFeatures.WIDTH, (i + 1) * KnapsackFeatures.WIDTH);
            MPVariable[] in = new MPVariable[row.length];
            in[0] = xi[i];
            double[] rowHi = row.clone();
            rowHi[0] = 1;
            for (int j = 1; j < row.length; j++) {
                in[j] = mip.makeNumVar(row[j], row[j], "f" + i + "_" + j);
            }
            parts.add(SetEncoderMip.Block.of(ReluMipEmbedding.embed(mip, embed, in, row, rowHi, "q" + i)));
        }
        return SetEncoderMip.sumThenPost(mip, net.xiPost(), parts, base, "q");
    }

    private static double[] fill(int n, double v) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, v);
        return a;
    }
}
