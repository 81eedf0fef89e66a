package org.saddlepoint.solvers.finitesum;

import java.util.SplittableRandom;

import org.saddlepoint.solvers.operators.Domain;

/**
 * The only way a finite-sum method touches F during a run: it evaluates and counts. The counting
 * rules are those of the paper's experiment scripts (spec monotone-operators 1.2), which every
 * comparison depends on: one component evaluation F_i(u) is one oracle call, so
 * <ul>
 *   <li>a full evaluation F(u) costs n,</li>
 *   <li>a difference F_i(u) - F_i(v) costs 2, a minibatch of b differences 2b,</li>
 *   <li>one VR-EG or VR-FoRB inner step (a single-sample difference) costs 2,</li>
 *   <li>certificates cost nothing: they never go through the oracle.</li>
 * </ul>
 * One epoch is n calls. It also owns the run's random generator (seeded) and the sampler state,
 * so a run is reproducible from its seed. Mutable, one per run; not thread-safe.
 */
public final class FiniteSumOracle {
    private final FiniteSumProblem problem;
    private final FiniteSumOperator operator;
    private final Sampling sampling;
    private final SplittableRandom random;
    private final int n;
    private final int[] permutation;
    private long calls;

    public FiniteSumOracle(FiniteSumProblem problem, Sampling sampling, long seed) {
        this.problem = problem;
        this.operator = problem.operator();
        this.sampling = sampling;
        this.random = new SplittableRandom(seed);
        this.n = operator.components();
        this.permutation = new int[n];
        for (int i = 0; i < n; i++) {
            permutation[i] = i;
        }
    }

    public FiniteSumProblem problem() {
        return problem;
    }

    /** The set C of G = N_C, whose projection is the resolvent J_{eta G} for every eta. */
    public Domain domain() {
        return problem.domain();
    }

    public int components() {
        return n;
    }

    public int dimension() {
        return operator.dimension();
    }

    /** out = F(u); charges n calls. */
    public void full(double[] u, double[] out) {
        operator.apply(u, out);
        calls += n;
    }

    /**
     * out += scale * (F_i(u) - F_i(v)) / (n q_i), the importance-weighted difference; charges 2 calls.
     */
    public void addDifference(int i, double[] u, double[] v, double scale, double[] out) {
        operator.addComponentDifference(i, u, v, scale * sampling.weight(i), out);
        calls += 2;
    }

    /** One index drawn from Q (with replacement). */
    public int sample() {
        return sampling.draw(random, n);
    }

    /**
     * Fills {@code out} with a minibatch of {@code out.length} indices: uniformly without
     * replacement (a partial Fisher-Yates shuffle of a kept permutation, no allocation) under
     * uniform sampling, i.i.d. from Q under importance sampling (where the weights 1/(n q_i)
     * keep each draw unbiased).
     */
    public void minibatch(int[] out) {
        int b = out.length;
        if (!sampling.isUniform()) {
            for (int j = 0; j < b; j++) {
                out[j] = sampling.draw(random, n);
            }
            return;
        }
        for (int j = 0; j < b; j++) {
            int r = j + random.nextInt(n - j);
            int t = permutation[j];
            permutation[j] = permutation[r];
            permutation[r] = t;
            out[j] = permutation[j];
        }
    }

    /** A coin with P(heads) = p. */
    public boolean coin(double p) {
        return random.nextDouble() < p;
    }

    /** Oracle calls so far. */
    public long calls() {
        return calls;
    }

    /** calls / n. */
    public double epochs() {
        return (double) calls / n;
    }
}
