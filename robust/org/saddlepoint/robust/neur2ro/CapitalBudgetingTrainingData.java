package org.saddlepoint.robust.neur2ro;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.saddlepoint.robust.twostage.CapitalBudgeting;
import org.saddlepoint.robust.twostage.CapitalBudgetingGenerator;
import org.saddlepoint.solvers.Checks;
import org.saddlepoint.solvers.InvalidInputException;
import org.saddlepoint.solvers.neural.SetSample;

/**
 * Neur2RO's training data for capital budgeting (repository {@code ro/dm/cb.py}, spec section 3.3): random
 * instances ({@link CapitalBudgetingGenerator}, n drawn from the given sizes), random first stages
 * (p ~ U(0, 1), x_i = 1 with probability 1 - p, redrawn while the nominal cost cbar^T x exceeds B) and random
 * scenarios xi ~ U(-1, 1)^m, each labelled with the exact total objective Q(x, xi) = -r(xi)^T (x + k y*)
 * (the recourse's 0/1 knapsack solved exactly by {@link CapitalBudgeting#recourse}); pairs with no feasible
 * recourse (c(xi)^T x &gt; B) are dropped, as in the repository. Instance i is generated and sampled from
 * seed + i, in parallel over the instances; the result does not depend on the thread count.
 *
 * @param instances the generated instances
 * @param labelled  the samples: instance index, x, xi and Q(x, xi)
 */
public record CapitalBudgetingTrainingData(List<CapitalBudgeting> instances, List<Labelled> labelled) {
    /** One labelled pair. */
    public record Labelled(int instance, double[] x, double[] xi, double value) {
    }

    public static CapitalBudgetingTrainingData generate(long seed, int instances, int[] sizes, int decisions,
                                                        int scenarios) {
        Checks.positive("instances", instances);
        Checks.positive("decisions", decisions);
        Checks.positive("scenarios", scenarios);
        if (sizes.length == 0) {
            throw new InvalidInputException("no instance sizes");
        }
        List<CapitalBudgeting> problems = IntStream.range(0, instances).mapToObj(i -> {
            SplittableRandom rng = new SplittableRandom(seed + i);
            return CapitalBudgetingGenerator.generate(rng.nextLong(), Checks.positive("size", sizes[rng.nextInt(sizes.length)]));
        }).toList();
        List<List<Labelled>> parts = IntStream.range(0, instances).parallel()
                .mapToObj(i -> sample(i, problems.get(i), new SplittableRandom(seed + i).split(), decisions, scenarios))
                .toList();
        List<Labelled> all = new ArrayList<>();
        parts.forEach(all::addAll);
        return new CapitalBudgetingTrainingData(problems, all);
    }

    private static List<Labelled> sample(int index, CapitalBudgeting p, SplittableRandom rng, int decisions,
                                         int scenarios) {
        List<Labelled> out = new ArrayList<>();
        int m = p.uncertaintyDimension();
        for (int d = 0; d < decisions; d++) {
            boolean[] invested = firstStage(p, rng);
            double[] x = SetEncoderMip.asDouble(invested);
            for (int s = 0; s < scenarios; s++) {
                double[] xi = new double[m];
                for (int j = 0; j < m; j++) {
                    xi[j] = rng.nextDouble(-1, 1);
                }
                double value = p.recourse(invested, xi);
                if (Double.isFinite(value)) {
                    out.add(new Labelled(index, x, xi, value));
                }
            }
        }
        return out;
    }

    /** A random x within the nominal budget (x = 0 always is). */
    private static boolean[] firstStage(CapitalBudgeting p, SplittableRandom rng) {
        int n = p.size();
        while (true) {
            double keep = 1 - rng.nextDouble();
            boolean[] x = new boolean[n];
            double cost = 0;
            for (int i = 0; i < n; i++) {
                x[i] = rng.nextDouble() < keep;
                cost += x[i] ? p.nominalCost(i) : 0;
            }
            if (cost <= p.budget()) {
                return x;
            }
        }
    }

    /** The samples in the network's scaled units. */
    public List<SetSample> samples(CapitalBudgetingFeatures features) {
        return labelled.stream().map(l -> {
            CapitalBudgeting p = instances.get(l.instance());
            return new SetSample(features.xRows(p, l.x()), features.xiRows(p, l.xi()), p.size(),
                    l.value() / CapitalBudgetingFeatures.labelScale(p));
        }).toList();
    }
}
