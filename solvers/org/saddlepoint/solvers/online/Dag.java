package org.saddlepoint.solvers.online;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

import org.saddlepoint.solvers.InvalidInputException;

/**
 * A directed acyclic graph for online shortest paths: nodes 0..n-1 numbered in topological order,
 * edge e from {@code from[e]} to {@code to[e]} with from[e] &lt; to[e], paths from node 0 (the
 * source) to node n-1 (the sink). A path is its 0/1 edge-incidence vector v in {0,1}^m. Immutable.
 */
public final class Dag {
    private final int nodes;
    private final int[] from;
    private final int[] to;
    /** The edges by increasing tail, so that dynamic programming meets them in topological order. */
    private final int[] order;

    /** The DAG on {@code nodes} nodes with the given edges; the sink must be reachable from the source. */
    public Dag(int nodes, int[] from, int[] to) {
        if (nodes < 2) {
            throw new InvalidInputException("a DAG for paths needs at least 2 nodes, got " + nodes);
        }
        if (from.length != to.length || from.length == 0) {
            throw new InvalidInputException("edges need as many heads as tails, at least one: " + from.length
                    + " and " + to.length);
        }
        for (int e = 0; e < from.length; e++) {
            if (from[e] < 0 || to[e] >= nodes || from[e] >= to[e]) {
                throw new InvalidInputException("edge " + e + " (" + from[e] + " -> " + to[e]
                        + ") must go from a lower to a higher node in 0.." + (nodes - 1));
            }
        }
        this.nodes = nodes;
        this.from = from.clone();
        this.to = to.clone();
        this.order = IntStream.range(0, from.length).boxed().sorted(Comparator.comparingInt(e -> from[e]))
                .mapToInt(Integer::intValue).toArray();
        if (Double.isInfinite(shortestPath(new double[from.length], new boolean[from.length]))) {
            throw new InvalidInputException("no path from node 0 to node " + (nodes - 1));
        }
    }

    /** The number of edges m. */
    public int edges() {
        return from.length;
    }

    /** The most edges on a source-sink path, n in the regret bound. */
    public int longestPath() {
        double[] minusOne = new double[from.length];
        Arrays.fill(minusOne, -1);
        return (int) Math.round(-shortestPath(minusOne, new boolean[from.length]));
    }

    /**
     * The offline oracle: a shortest source-sink path for the edge costs {@code cost} by dynamic
     * programming in topological order, O(n + m); writes it into {@code path} and returns its cost.
     * Ties go to the lowest edge index.
     */
    public double shortestPath(double[] cost, boolean[] path) {
        double[] distance = new double[nodes];
        int[] via = new int[nodes];
        Arrays.fill(distance, Double.POSITIVE_INFINITY);
        Arrays.fill(via, -1);
        distance[0] = 0;
        for (int e : order) {
            double d = distance[from[e]] + cost[e];
            if (d < distance[to[e]]) {
                distance[to[e]] = d;
                via[to[e]] = e;
            }
        }
        Arrays.fill(path, false);
        for (int node = nodes - 1; node > 0 && via[node] >= 0; node = from[via[node]]) {
            path[via[node]] = true;
        }
        return distance[nodes - 1];
    }
}
