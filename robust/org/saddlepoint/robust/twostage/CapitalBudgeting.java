package org.saddlepoint.robust.twostage;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;

import org.saddlepoint.solvers.Checks;
import org.saddlepoint.solvers.InvalidInputException;
import org.saddlepoint.solvers.mip.MipBackend;

/**
 * Two-stage robust capital budgeting without loans (Subramanyam, Gounaris and Wiesemann,
 * "K-adaptability in two-stage mixed-integer robust optimization", Math. Prog. Computation 12, 2020;
 * the second benchmark of Neur2RO, spec section 1.3):
 * <pre>
 *   min_x max_{xi in [-1, 1]^m} min_y  -r(xi)^T (x + k y)
 *   s.t.  c(xi)^T (x + y) &lt;= B,   x + y &lt;= 1,   x, y binary,
 *   c_i(xi) = (1 + phi_i^T xi / 2) cbar_i,   r_i(xi) = (1 + psi_i^T xi / 2) rbar_i,
 * </pre>
 * projects invested early earn their full revenue, late ones (y) the fraction k. The weights phi_i,
 * psi_i are non-negative (points of the unit simplex in the benchmark), so the costs are largest at
 * xi = (1, ..., 1) and x is robustly feasible iff sum_i cbar_i (1 + |phi_i| / 2) x_i &lt;= B, the set X.
 * The first-stage cost is 0: the whole objective sits in the recourse value. The worst case is
 * found exactly by {@link CapitalBudgetingDisjunctiveAdversary}.
 */
public final class CapitalBudgeting implements TwoStageRobustProblem {
    /** The revenue fraction of a late investment in the benchmark. */
    public static final double LATE_FRACTION = 0.8;

    private final String name;
    private final double[] cost;
    private final double[] revenue;
    private final double[][] costWeights;
    private final double[][] revenueWeights;
    private final double budget;
    private final double lateFraction;

    /**
     * @param cost           cbar, &gt; 0
     * @param revenue        rbar, &gt; 0
     * @param costWeights    phi, n rows of m &gt;= 1 non-negative entries
     * @param revenueWeights psi, the same shape
     * @param budget         B, &gt;= 0
     * @param lateFraction   k in [0, 1]
     * @throws InvalidInputException for empty or mismatched shapes, non-finite or out-of-range entries
     */
    public CapitalBudgeting(String name, double[] cost, double[] revenue, double[][] costWeights,
                            double[][] revenueWeights, double budget, double lateFraction) {
        int n = cost.length;
        if (n == 0) {
            throw new InvalidInputException("capital budgeting needs at least one project");
        }
        this.name = name;
        this.cost = positive("cost", cost.clone());
        this.revenue = positive("revenue", Checks.length("revenue", revenue.clone(), n));
        this.costWeights = weights("phi", costWeights, n);
        this.revenueWeights = weights("psi", revenueWeights, n);
        if (this.costWeights[0].length != this.revenueWeights[0].length) {
            throw new InvalidInputException("phi and psi have different widths");
        }
        this.budget = Checks.nonNegative("budget", budget);
        this.lateFraction = Checks.nonNegative("late fraction k", lateFraction);
        if (lateFraction > 1) {
            throw new InvalidInputException("late fraction k must be <= 1, got " + lateFraction);
        }
    }

    private static double[] positive(String what, double[] values) {
        for (int i = 0; i < values.length; i++) {
            Checks.positive(what + "[" + i + "]", values[i]);
        }
        return values;
    }

    private static double[][] weights(String what, double[][] rows, int n) {
        if (rows.length != n || n == 0 || rows[0].length == 0) {
            throw new InvalidInputException(what + " must have " + n + " non-empty rows, got " + rows.length);
        }
        double[][] copy = new double[n][];
        for (int i = 0; i < n; i++) {
            copy[i] = Checks.length(what + "[" + i + "]", rows[i].clone(), rows[0].length);
            for (int j = 0; j < copy[i].length; j++) {
                Checks.nonNegative(what + "[" + i + "][" + j + "]", copy[i][j]);
            }
        }
        return copy;
    }

    /** The same instance with budget floor(B), as Neur2RO's reader loads the evaluation files (spec pitfall 8). */
    public CapitalBudgeting withTruncatedBudget() {
        return new CapitalBudgeting(name, cost, revenue, costWeights, revenueWeights, Math.floor(budget), lateFraction);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int size() {
        return cost.length;
    }

    /** m, the dimension of xi. */
    public int uncertaintyDimension() {
        return costWeights[0].length;
    }

    public double budget() {
        return budget;
    }

    public double lateFraction() {
        return lateFraction;
    }

    public double nominalCost(int i) {
        return cost[i];
    }

    public double nominalRevenue(int i) {
        return revenue[i];
    }

    /** c_i(xi) = (1 + phi_i^T xi / 2) cbar_i. */
    public double cost(int i, double[] xi) {
        return cost[i] * multiplier(costWeights[i], xi);
    }

    /** r_i(xi) = (1 + psi_i^T xi / 2) rbar_i. */
    public double revenue(int i, double[] xi) {
        return revenue[i] * multiplier(revenueWeights[i], xi);
    }

    /** The cost multiplier 1 + phi_i^T xi / 2 of project i (a feature of Neur2RO's network). */
    public double costMultiplier(int i, double[] xi) {
        return multiplier(costWeights[i], xi);
    }

    /** The revenue multiplier 1 + psi_i^T xi / 2 of project i. */
    public double revenueMultiplier(int i, double[] xi) {
        return multiplier(revenueWeights[i], xi);
    }

    /** d/dxi_j of c_i(xi): cbar_i phi_ij / 2. */
    double costSlope(int i, int j) {
        return cost[i] * costWeights[i][j] / 2;
    }

    /** d/dxi_j of r_i(xi): rbar_i psi_ij / 2. */
    double revenueSlope(int i, int j) {
        return revenue[i] * revenueWeights[i][j] / 2;
    }

    private static double multiplier(double[] weights, double[] xi) {
        double dot = 0;
        for (int j = 0; j < weights.length; j++) {
            dot += weights[j] * xi[j];
        }
        return 1 + dot / 2;
    }

    /** cbar_i (1 + |phi_i|_1 / 2): the largest cost of project i over U. */
    double worstCost(int i) {
        double sum = 0;
        for (double w : costWeights[i]) {
            sum += w;
        }
        return cost[i] * (1 + sum / 2);
    }

    /** Zero: the revenue sits in the recourse value. */
    @Override
    public double[] firstStageCosts() {
        return new double[size()];
    }

    @Override
    public boolean feasible(boolean[] x) {
        double load = 0;
        for (int i = 0; i < size(); i++) {
            load += x[i] ? worstCost(i) : 0;
        }
        return load <= budget * (1 + 1e-12);
    }

    @Override
    public void addFirstStageConstraints(MPSolver master, MPVariable[] x) {
        MPConstraint robust = master.makeConstraint(Double.NEGATIVE_INFINITY, budget, "robust_budget");
        for (int i = 0; i < size(); i++) {
            robust.setCoefficient(x[i], worstCost(i));
        }
    }

    @Override
    public void addScenario(MPSolver master, MPVariable[] x, MPVariable theta, double[] xi, String tag) {
        MPConstraint value = master.makeConstraint(0, Double.POSITIVE_INFINITY, "value" + tag);
        value.setCoefficient(theta, 1);
        MPConstraint load = master.makeConstraint(Double.NEGATIVE_INFINITY, budget, "budget" + tag);
        for (int i = 0; i < size(); i++) {
            MPVariable y = master.makeBoolVar("y" + tag + "_" + i);
            value.setCoefficient(x[i], revenue(i, xi));
            value.setCoefficient(y, lateFraction * revenue(i, xi));
            load.setCoefficient(x[i], cost(i, xi));
            load.setCoefficient(y, cost(i, xi));
            MPConstraint once = master.makeConstraint(Double.NEGATIVE_INFINITY, 1, "once" + tag + "_" + i);
            once.setCoefficient(x[i], 1);
            once.setCoefficient(y, 1);
        }
    }

    /** -sum_i max r_i(xi): every project at its highest revenue. */
    @Override
    public double recourseLowerBound() {
        double sum = 0;
        for (int i = 0; i < size(); i++) {
            double w = 0;
            for (double v : revenueWeights[i]) {
                w += v;
            }
            sum -= revenue[i] * (1 + w / 2);
        }
        return sum;
    }

    /**
     * CBC: on the disjunctive adversary HiGHS (OR-Tools 9.15) stops with NOT_SOLVED and SCIP took ten times
     * longer.
     */
    @Override
    public MipBackend defaultBackend() {
        return MipBackend.CBC;
    }

    /** The nominal scenario xi = 0, as Neur2RO's exact CCG ({@code get_init_scen}). */
    @Override
    public double[] initialScenario() {
        return new double[uncertaintyDimension()];
    }

    /**
     * Q(x, xi) = -r(xi)^T x + min over late investments y (a 0/1 knapsack with the budget left); +infinity
     * when c(xi)^T x &gt; B.
     */
    @Override
    public double recourse(boolean[] x, double[] xi) {
        int n = size();
        double left = budget;
        double value = 0;
        double[][] w = new double[n][];
        double[][] q = new double[n][];
        for (int i = 0; i < n; i++) {
            if (x[i]) {
                left -= cost(i, xi);
                value -= revenue(i, xi);
            }
            w[i] = x[i] ? new double[0] : new double[] {cost(i, xi)};
            q[i] = x[i] ? new double[0] : new double[] {-lateFraction * revenue(i, xi)};
        }
        MultipleChoiceKnapsack.Solution late = MultipleChoiceKnapsack.solve(w, q, left);
        return late == null ? Double.POSITIVE_INFINITY : value + late.cost();
    }

    @Override
    public WorstCase worstCase(boolean[] x, MipBackend backend, double seconds) {
        return CapitalBudgetingDisjunctiveAdversary.solve(this, x, backend, seconds);
    }
}
