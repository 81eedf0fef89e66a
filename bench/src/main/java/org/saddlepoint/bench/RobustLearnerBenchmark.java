package org.saddlepoint.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.saddlepoint.robust.mdp.Divergence;
import org.saddlepoint.robust.mdp.FiniteLinearMdp;
import org.saddlepoint.robust.mdp.LearnerOptions;
import org.saddlepoint.robust.mdp.OnlineLearner;
import org.saddlepoint.robust.mdp.RobustLeastSquaresValueIteration;
import org.saddlepoint.robust.mdp.UncertaintySet;

/**
 * Time of one episode's update of the online robust learners (LSVI-UCB, DR-LSVI-UCB, DR-RPO with eta = 10,
 * tau = 0.001) against the feature dimension d and the number n of stored samples per step, on a random finite
 * d-rectangular linear MDP (20 states, 4 actions, H = 3, TV radius 0.3 on every coordinate). {@code refit} is the
 * whole backward pass at n samples per step (next-state values of every stored sample, Lambda^-1 phi for every
 * sample, the exact alpha maximization per coordinate, the actor). {@link AlphaMaximizationBenchmark} times the
 * alpha maximization alone, so that H times it can be compared with refit.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx4g"})
public class RobustLearnerBenchmark {
    private static final int STATES = 20;
    private static final int ACTIONS = 4;
    private static final int HORIZON = 3;

    @Param({"4", "30", "100"})
    public int d;

    @Param({"100", "1000"})
    public int samples;

    @Param({"lsvi-ucb", "dr-lsvi-ucb", "dr-rpo"})
    public String learner;

    private RobustLeastSquaresValueIteration<Integer> model;

    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom random = new SplittableRandom(42);
        FiniteLinearMdp mdp = randomMdp(random);
        UncertaintySet set = UncertaintySet.uniform(Divergence.TOTAL_VARIATION, HORIZON, d, 0.3);
        model = (RobustLeastSquaresValueIteration<Integer>) OnlineLearner.fromCliName(learner)
                .create(mdp, set, LearnerOptions.DEFAULT.withTau(0.001).withEta(10));
        for (int t = 0; t < samples; t++) {
            for (int h = 0; h < HORIZON; h++) {
                int s = random.nextInt(STATES);
                int a = random.nextInt(ACTIONS);
                model.observe(h, s, a, mdp.nextState(h, s, a, random));
            }
        }
        model.refit();
    }

    private FiniteLinearMdp randomMdp(SplittableRandom random) {
        double[][][] phi = new double[STATES][ACTIONS][];
        for (int s = 0; s < STATES; s++) {
            for (int a = 0; a < ACTIONS; a++) {
                phi[s][a] = distribution(random, d);
            }
        }
        double[][] theta = new double[HORIZON][d];
        double[][][] mu = new double[HORIZON][d][];
        for (int h = 0; h < HORIZON; h++) {
            for (int i = 0; i < d; i++) {
                theta[h][i] = random.nextDouble();
                mu[h][i] = distribution(random, STATES);
            }
        }
        return new FiniteLinearMdp(phi, theta, mu, distribution(random, STATES), -1);
    }

    private static double[] distribution(SplittableRandom random, int n) {
        double[] p = new double[n];
        double sum = 0;
        for (int k = 0; k < n; k++) {
            p[k] = random.nextDouble();
            sum += p[k];
        }
        for (int k = 0; k < n; k++) {
            p[k] /= sum;
        }
        return p;
    }

    @Benchmark
    public double[] refit() {
        model.refit();
        return model.probabilities(0, 0);
    }
}
