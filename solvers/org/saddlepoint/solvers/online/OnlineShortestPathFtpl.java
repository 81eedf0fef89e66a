package org.saddlepoint.solvers.online;

import java.util.SplittableRandom;

import org.saddlepoint.solvers.Checks;
import org.saddlepoint.solvers.InvalidInputException;

/**
 * Follow the perturbed leader for online shortest paths (Kalai and Vempala, "Efficient
 * algorithms for online decision problems", JCSS 71(3), 2005), the online-linear-optimization
 * oracle of Acharya et al. (ICLR 2024): each round it plays the path
 * v_t = argmin_v (sum_{s&lt;t} c_s + p_t) . v, p_t uniform in [0, 1/epsilon]^m drawn afresh each
 * round, computed by one shortest-path call ({@link Dag#shortestPath}); costs c_t in [0, 1]^m.
 * Expected regret (Kalai and Vempala, Theorem 1.1 with the additive perturbation): at most
 * D/epsilon + epsilon R A T, with D the largest L1 distance between two paths (&lt;= 2n), R the
 * largest path cost (&lt;= n), A the largest ||c_t||_1 (&lt;= m), n the most edges on a path;
 * epsilon = sqrt(D / (R A T)) gives 2 sqrt(D R A T). With epsilon = +infinity there is no
 * perturbation: follow the leader.
 *
 * <p>As an {@link OnlineOracle} its context is ignored and its loss is the path cost divided by
 * n, in [0, 1]. O(n + m) time per round.
 */
public final class OnlineShortestPathFtpl implements OnlineOracle<Object, double[]> {
    private final Dag dag;
    private final double perturbation;
    private final SplittableRandom random;
    private final double[] cumulative;
    private final double[] perturbed;
    private final boolean[] path;
    private final int longestPath;

    /** FTPL on {@code dag} with parameter {@code epsilon} (&gt; 0, +infinity for none), seeded. */
    public OnlineShortestPathFtpl(Dag dag, double epsilon, long seed) {
        if (!(epsilon > 0)) {
            throw new InvalidInputException("epsilon must be > 0 (or +infinity for no perturbation), got " + epsilon);
        }
        this.dag = dag;
        this.perturbation = 1 / epsilon;
        this.random = new SplittableRandom(seed);
        this.cumulative = new double[dag.edges()];
        this.perturbed = new double[dag.edges()];
        this.path = new boolean[dag.edges()];
        this.longestPath = dag.longestPath();
        choosePath();
    }

    /** The path played this round, as its edge-incidence vector (a copy). */
    public boolean[] path() {
        return path.clone();
    }

    /** c . v, the cost of this round's path under {@code costs}. */
    public double pathCost(double[] costs) {
        Checks.length("edge costs", costs, path.length);
        double s = 0;
        for (int e = 0; e < path.length; e++) {
            s += path[e] ? costs[e] : 0;
        }
        return s;
    }

    @Override
    public double loss(Object context, double[] costs) {
        return pathCost(costs) / longestPath;
    }

    @Override
    public void update(Object context, double[] costs) {
        Checks.length("edge costs", costs, cumulative.length);
        for (int e = 0; e < costs.length; e++) {
            if (!(costs[e] >= 0 && costs[e] <= 1)) {
                throw new InvalidInputException("edge cost " + e + " must be in [0, 1], got " + costs[e]);
            }
        }
        for (int e = 0; e < costs.length; e++) {
            cumulative[e] += costs[e];
        }
        choosePath();
    }

    private void choosePath() {
        for (int e = 0; e < cumulative.length; e++) {
            perturbed[e] = cumulative[e] + (perturbation > 0 ? perturbation * random.nextDouble() : 0);
        }
        dag.shortestPath(perturbed, path);
    }

    @Override
    public String name() {
        return perturbation > 0 ? "follow the perturbed leader (epsilon = " + 1 / perturbation + ")"
                : "follow the leader";
    }
}
