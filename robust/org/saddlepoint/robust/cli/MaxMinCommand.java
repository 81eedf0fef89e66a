package org.saddlepoint.robust.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.saddlepoint.cli.Formats;
import org.saddlepoint.cli.JsonOutput;
import org.saddlepoint.cli.Saddlepoint;
import org.saddlepoint.robust.maxmin.BradleyTerryFit;
import org.saddlepoint.robust.maxmin.BradleyTerryMixtureEm;
import org.saddlepoint.robust.maxmin.MaxMinDual;
import org.saddlepoint.robust.maxmin.MaxMinProblem;
import org.saddlepoint.robust.maxmin.MaxMinSolution;
import org.saddlepoint.solvers.Checks;
import org.saddlepoint.solvers.InvalidInputException;
import org.saddlepoint.solvers.io.CsvRows;
import org.saddlepoint.solvers.iteration.IterationListener;
import org.saddlepoint.solvers.iteration.StoppingRule;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code saddlepoint maxmin PREFS.csv --features FEATURES.csv}: MaxMin-RLHF on one prompt: EM
 * learns a linear Bradley-Terry reward per user group, then the egalitarian policy is solved exactly
 * through its dual, next to the single-reward (pooled) policy.
 */
@Command(name = "maxmin", mixinStandardHelpOptions = true, versionProvider = Saddlepoint.Version.class,
        sortOptions = false,
        description = {
            "MaxMin-RLHF (Chakraborty et al., ICML 2024) on a finite response set: learns one Bradley-Terry "
                + "reward per user group by EM, then the policy that maximises the worst group's KL-regularised "
                + "reward, certified by its duality gap; reports the single pooled-reward policy beside it."
        },
        footer = {"", "Exit codes: 0 success, 2 bad input or arguments."})
public final class MaxMinCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PREFS.csv",
            description = "Header user,winner,loser; one comparison per line (response names as in FEATURES.csv).")
    private Path prefsFile;

    @Option(names = "--features", required = true, paramLabel = "FEATURES.csv",
            description = "Header response,<feature names>; one line per response with its numeric features.")
    private Path featuresFile;

    @Option(names = "--groups", defaultValue = "2", paramLabel = "U", description = "Number of user groups. Default: ${DEFAULT-VALUE}.")
    private int groups;

    @Option(names = "--beta", defaultValue = "0.5", paramLabel = "B", description = "KL strength beta > 0. Default: ${DEFAULT-VALUE}.")
    private double beta;

    @Option(names = "--em", defaultValue = "hard", paramLabel = "hard|soft", description = "EM assignment. Default: ${DEFAULT-VALUE}.")
    private String em;

    @Option(names = "--l2", defaultValue = "1e-3", paramLabel = "L", description = "Ridge strength of the reward fits. Default: ${DEFAULT-VALUE}.")
    private double l2;

    @Option(names = "--tol", defaultValue = "1e-10", paramLabel = "T", description = "Duality-gap tolerance. Default: ${DEFAULT-VALUE}.")
    private double tolerance;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "N", description = "Seed of the EM start. Default: ${DEFAULT-VALUE}.")
    private long seed;

    @Option(names = "--json", description = "Print one JSON object instead of the report.")
    private boolean json;

    @Override
    public Integer call() {
        Checks.positive("--beta", beta);
        Checks.positive("--tol", tolerance);
        Checks.nonNegative("--l2", l2);
        BradleyTerryMixtureEm.Assignment assignment = switch (em.toLowerCase(Locale.ROOT)) {
            case "hard" -> BradleyTerryMixtureEm.Assignment.HARD;
            case "soft" -> BradleyTerryMixtureEm.Assignment.SOFT;
            default -> throw new InvalidInputException("--em must be hard or soft, got '" + em + "'");
        };
        CsvRows featureCsv = CsvRows.read(featuresFile);
        Map<String, Integer> responses = new LinkedHashMap<>();
        double[][] psi = features(featureCsv, responses);
        Map<String, List<double[]>> byUser = comparisons(CsvRows.read(prefsFile), responses, psi);
        double[][][] users = byUser.values().stream().map(l -> l.toArray(new double[0][])).toArray(double[][][]::new);
        BradleyTerryMixtureEm.Result fit = BradleyTerryMixtureEm.fit(users, groups, assignment, l2, 200, 1e-9, seed);
        double[][] rewards = new double[groups][];
        for (int u = 0; u < groups; u++) {
            rewards[u] = rewardsOf(fit.rewards()[u], psi);
        }
        MaxMinProblem problem = MaxMinProblem.singlePrompt(rewards, beta);
        MaxMinSolution s = MaxMinDual.solve(problem, StoppingRule.DEFAULT.withTolerance(tolerance)
                .withMaxIterations(100_000).withCheckInterval(1), IterationListener.NONE);
        double[] pooled = BradleyTerryFit.fit(java.util.Arrays.stream(users).flatMap(java.util.Arrays::stream)
                .toArray(double[][]::new), null, l2, null);
        double[][] single = MaxMinProblem.singlePrompt(new double[][] {rewardsOf(pooled, psi)}, beta)
                .gibbsPolicy(new double[] {1});
        double[] singleValues = new double[groups];
        int[] sizes = new int[groups];
        for (int u = 0; u < groups; u++) {
            singleValues[u] = problem.objective(u, single);
        }
        for (int z : fit.assignment()) {
            sizes[z]++;
        }
        print(responses, s, single[0], singleValues, sizes, fit, users.length);
        return Saddlepoint.EXIT_OK;
    }

    private void print(Map<String, Integer> responses, MaxMinSolution s, double[] single, double[] singleValues,
                       int[] sizes, BradleyTerryMixtureEm.Result fit, int userCount) {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectNode node = JsonOutput.newObject();
            node.put("status", s.status().name().toLowerCase(Locale.ROOT));
            node.put("users", userCount);
            ArrayNode names = node.putArray("responses");
            responses.keySet().forEach(names::add);
            ArrayNode sizeNode = node.putArray("group_sizes");
            for (int z : sizes) {
                sizeNode.add(z);
            }
            ArrayNode phi = node.putArray("group_rewards");
            for (double[] p : fit.rewards()) {
                ArrayNode row = phi.addArray();
                for (double v : p) {
                    row.add(v);
                }
            }
            JsonOutput.putArray(node, "weights", s.weights());
            JsonOutput.putArray(node, "policy", s.policy()[0]);
            JsonOutput.putArray(node, "group_values", s.groupValues());
            JsonOutput.putNumber(node, "value", s.value());
            JsonOutput.putNumber(node, "dual_value", s.dualValue());
            JsonOutput.putNumber(node, "duality_gap", s.gap());
            JsonOutput.putArray(node, "single_reward_policy", single);
            JsonOutput.putArray(node, "single_reward_group_values", singleValues);
            node.put("iterations", s.iterations());
            JsonOutput.putNumber(node, "seconds", s.seconds());
            JsonOutput.print(out, node);
            return;
        }
        out.println("preferences:  " + prefsFile + " (" + userCount + " users, " + responses.size() + " responses)");
        out.println("groups (EM):  sizes " + java.util.Arrays.toString(sizes) + ", " + fit.iterations() + " EM iterations");
        for (int u = 0; u < sizes.length; u++) {
            out.println("  reward " + (u + 1) + ":   phi = " + vector(fit.rewards()[u]));
        }
        out.println("status:       " + s.status().name().toLowerCase(Locale.ROOT));
        out.println("maxmin value: " + Formats.number(s.value()) + " (dual " + Formats.number(s.dualValue())
                + ", gap " + Formats.number(s.gap()) + ")");
        out.println("weights:      " + Formats.strategy(s.weights()));
        out.println("policy:       " + Formats.strategy(s.policy()[0]));
        out.println("group values: maxmin " + vector(s.groupValues()) + ", single reward " + vector(singleValues));
        out.flush();
    }

    private static String vector(double[] v) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < v.length; i++) {
            b.append(i == 0 ? "" : ", ").append(Formats.number(v[i]));
        }
        return b.append(']').toString();
    }

    private static double[][] features(CsvRows csv, Map<String, Integer> responses) {
        int dim = csv.row(0).length - 1;
        if (dim < 1 || csv.size() < 3) {
            throw new InvalidInputException(csv.source() + ": needs a header response,<features> and at least two "
                    + "responses");
        }
        double[][] psi = new double[csv.size() - 1][dim];
        for (int i = 1; i < csv.size(); i++) {
            String[] row = csv.row(i);
            if (row.length != dim + 1) {
                throw new InvalidInputException(csv.source() + ": line " + csv.line(i) + " has " + row.length
                        + " cells, the header has " + (dim + 1));
            }
            if (responses.put(row[0], i - 1) != null) {
                throw new InvalidInputException(csv.where(i, 0) + "response '" + row[0] + "' appears twice");
            }
            for (int j = 0; j < dim; j++) {
                psi[i - 1][j] = csv.number(i, j + 1);
            }
        }
        return psi;
    }

    private static Map<String, List<double[]>> comparisons(CsvRows csv, Map<String, Integer> responses,
                                                           double[][] psi) {
        if (csv.size() < 2 || csv.row(0).length != 3) {
            throw new InvalidInputException(csv.source() + ": needs the header user,winner,loser and at least one "
                    + "comparison");
        }
        Map<String, List<double[]>> byUser = new LinkedHashMap<>();
        for (int i = 1; i < csv.size(); i++) {
            String[] row = csv.row(i);
            if (row.length != 3) {
                throw new InvalidInputException(csv.source() + ": line " + csv.line(i) + " has " + row.length
                        + " cells, expected user,winner,loser");
            }
            int w = response(csv, i, 1, responses);
            int l = response(csv, i, 2, responses);
            double[] d = new double[psi[w].length];
            for (int j = 0; j < d.length; j++) {
                d[j] = psi[w][j] - psi[l][j];
            }
            byUser.computeIfAbsent(row[0], k -> new ArrayList<>()).add(d);
        }
        return byUser;
    }

    private static int response(CsvRows csv, int i, int j, Map<String, Integer> responses) {
        Integer r = responses.get(csv.row(i)[j]);
        if (r == null) {
            throw new InvalidInputException(csv.where(i, j) + "unknown response '" + csv.row(i)[j] + "'");
        }
        return r;
    }

    private static double[] rewardsOf(double[] phi, double[][] psi) {
        double[] r = new double[psi.length];
        for (int y = 0; y < psi.length; y++) {
            for (int j = 0; j < phi.length; j++) {
                r[y] += phi[j] * psi[y][j];
            }
        }
        return r;
    }
}
