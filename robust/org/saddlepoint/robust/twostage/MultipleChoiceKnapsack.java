package org.saddlepoint.robust.twostage;

import java.util.Arrays;

/**
 * The multiple-choice knapsack problem, minimising: each item i takes "none" (weight 0, cost 0) or
 * one of its options o (weight w_io, cost q_io), subject to total weight &lt;= capacity. Solved
 * exactly by the Pareto-front dynamic program of Nemhauser and Ullmann ("Discrete dynamic
 * programming and capital allocation", Management Science 15(9), 1969): items are added one at a
 * time, keeping only the (weight, cost) states no other state dominates. Real weights are fine
 * (no capacity grid); negative weights are allowed. It solves the recourse problems of both
 * benchmarks: the knapsack's (keep, repair or outsource each produced item) and capital
 * budgeting's (invest late or not).
 */
public final class MultipleChoiceKnapsack {
    private static final double FEASIBILITY_TOLERANCE = 1e-9;

    private MultipleChoiceKnapsack() {
    }

    /**
     * An optimal choice.
     *
     * @param cost   the minimum total cost
     * @param choice per item the option taken, -1 for none
     */
    public record Solution(double cost, int[] choice) {
        public Solution {
            choice = choice.clone();
        }

        @Override
        public int[] choice() {
            return choice.clone();
        }
    }

    /**
     * @param weights  weights[i][o], the weight of option o of item i (items may have no options)
     * @param costs    costs[i][o], its cost, same shape
     * @param capacity the weight limit
     * @return an optimal choice, or null when even "none" everywhere exceeds the capacity
     */
    public static Solution solve(double[][] weights, double[][] costs, double capacity) {
        int n = weights.length;
        double slack = capacity + FEASIBILITY_TOLERANCE * Math.max(1, Math.abs(capacity));
        double[] lightestRest = lightestRest(weights);
        if (lightestRest[0] > slack) {
            return null;
        }
        Front front = Front.start();
        Front[] fronts = new Front[n + 1];
        fronts[0] = front;
        for (int i = 0; i < n; i++) {
            front = front.extend(weights[i], costs[i], slack - lightestRest[i + 1]);
            fronts[i + 1] = front;
        }
        return backtrack(fronts, front.cheapest());
    }

    /** lightestRest[i] = sum over items j &gt;= i of min(0, lightest option of j). */
    private static double[] lightestRest(double[][] weights) {
        double[] rest = new double[weights.length + 1];
        for (int i = weights.length - 1; i >= 0; i--) {
            double lightest = 0;
            for (double w : weights[i]) {
                lightest = Math.min(lightest, w);
            }
            rest[i] = rest[i + 1] + lightest;
        }
        return rest;
    }

    private static Solution backtrack(Front[] fronts, int state) {
        int n = fronts.length - 1;
        int[] choice = new int[n];
        double cost = fronts[n].cost[state];
        for (int i = n; i > 0; i--) {
            choice[i - 1] = fronts[i].option[state];
            state = fronts[i].parent[state];
        }
        return new Solution(cost, choice);
    }

    /** The non-dominated states after some items, sorted by increasing weight and decreasing cost. */
    private record Front(double[] weight, double[] cost, int[] parent, int[] option) {
        static Front start() {
            return new Front(new double[] {0}, new double[] {0}, new int[] {-1}, new int[] {-1});
        }

        int size() {
            return weight.length;
        }

        int cheapest() {
            return size() - 1;
        }

        /** Adds one item whose options are (w[o], q[o]), keeping states of weight at most {@code limit}. */
        Front extend(double[] w, double[] q, double limit) {
            int m = w.length + 1;
            int total = size() * m;
            double[] cw = new double[total];
            double[] cq = new double[total];
            Integer[] order = new Integer[total];
            for (int s = 0; s < size(); s++) {
                for (int o = 0; o < m; o++) {
                    int k = s * m + o;
                    cw[k] = weight[s] + (o == 0 ? 0 : w[o - 1]);
                    cq[k] = cost[s] + (o == 0 ? 0 : q[o - 1]);
                    order[k] = k;
                }
            }
            Arrays.sort(order, (a, b) -> cw[a] != cw[b] ? Double.compare(cw[a], cw[b]) : Double.compare(cq[a], cq[b]));
            double[] nw = new double[total];
            double[] nq = new double[total];
            int[] np = new int[total];
            int[] no = new int[total];
            int kept = 0;
            double best = Double.POSITIVE_INFINITY;
            for (int k : order) {
                if (cw[k] > limit) {
                    break;
                }
                if (cq[k] < best) {
                    best = cq[k];
                    nw[kept] = cw[k];
                    nq[kept] = cq[k];
                    np[kept] = k / m;
                    no[kept] = k % m - 1;
                    kept++;
                }
            }
            return new Front(Arrays.copyOf(nw, kept), Arrays.copyOf(nq, kept), Arrays.copyOf(np, kept),
                    Arrays.copyOf(no, kept));
        }
    }
}
