package org.saddlepoint.robust.neur2ro;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.saddlepoint.robust.twostage.RobustKnapsack;
import org.saddlepoint.robust.twostage.RobustKnapsackGenerator;
import org.saddlepoint.solvers.Checks;
import org.saddlepoint.solvers.neural.SetSample;

/**
 * Neur2RO's training data for the knapsack (repository {@code ro/dm/kp.py}, spec section 3.3): random
 * instances, random first stages (p ~ U(0, 1), x_i = 1 with probability 1 - p) and random scenarios
 * (Gamma' ~ U(1 / Gamma, Gamma), xi = Gamma' u / sum(u) with u ~ U(0, 1)^n, clipped to 1), each labelled
 * with the exact recourse value Q(x, xi) (the dynamic program of
 * {@link org.saddlepoint.robust.twostage.MultipleChoiceKnapsack}). Instance i is generated and sampled from
 * seed + i, in parallel over the instances; the result does not depend on the thread count.
 *
 * @param instances the generated instances
 * @param labelled  the samples: instance index, x, xi and Q(x, xi)
 */
public record KnapsackTrainingData(List<RobustKnapsack> instances, List<Labelled> labelled) {
    /** One labelled pair. */
    public record Labelled(int instance, double[] x, double[] xi, double value) {
    }

    public static KnapsackTrainingData generate(long seed, int instances, int[] sizes, int decisions, int scenarios) {
        Checks.positive("instances", instances);
        Checks.positive("decisions", decisions);
        Checks.positive("scenarios", scenarios);
        List<RobustKnapsack> problems = IntStream.range(0, instances)
                .mapToObj(i -> RobustKnapsackGenerator.random(seed + i, sizes)).toList();
        List<List<Labelled>> parts = IntStream.range(0, instances).parallel()
                .mapToObj(i -> sample(i, problems.get(i), new SplittableRandom(seed + i).split(), decisions, scenarios))
                .toList();
        List<Labelled> all = new ArrayList<>();
        parts.forEach(all::addAll);
        return new KnapsackTrainingData(problems, all);
    }

    private static List<Labelled> sample(int index, RobustKnapsack p, SplittableRandom rng, int decisions, int scenarios) {
        List<Labelled> out = new ArrayList<>();
        int n = p.size();
        for (int d = 0; d < decisions; d++) {
            double keep = 1 - rng.nextDouble();
            double[] x = new double[n];
            boolean[] produced = new boolean[n];
            for (int i = 0; i < n; i++) {
                produced[i] = rng.nextDouble() < keep;
                x[i] = produced[i] ? 1 : 0;
            }
            for (int s = 0; s < scenarios; s++) {
                double[] xi = scenario(rng, n, p.budget());
                out.add(new Labelled(index, x, xi, p.recourse(produced, xi)));
            }
        }
        return out;
    }

    private static double[] scenario(SplittableRandom rng, int n, double gamma) {
        double low = Math.min(1 / Math.max(gamma, 1e-12), gamma);
        double total = low + (gamma - low) * rng.nextDouble();
        double[] u = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            u[i] = rng.nextDouble();
            sum += u[i];
        }
        for (int i = 0; i < n; i++) {
            u[i] = Math.min(1, total * u[i] / sum);
        }
        return u;
    }

    /** The samples in the network's scaled units. */
    public List<SetSample> samples(KnapsackFeatures features) {
        return labelled.stream().map(l -> {
            RobustKnapsack p = instances.get(l.instance());
            return new SetSample(features.rows(p, l.x()), features.rows(p, l.xi()), p.size(),
                    l.value() / KnapsackFeatures.labelScale(p));
        }).toList();
    }
}
