package org.saddlepoint.robust.twostage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The published instances and results under src/test/resources/neur2ro (see its README). */
public final class Neur2RoData {
    private Neur2RoData() {
    }

    public static Path path(String relative) {
        try {
            return Path.of(Neur2RoData.class.getResource("/neur2ro/" + relative).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static RobustKnapsack knapsack(String instance) {
        return RobustKnapsackReader.read(path("kp_instances_n20/" + instance));
    }

    /** Arslan and Detienne's branch-and-price optimum (profit) per instance name. */
    public static Map<String, Double> branchAndPriceProfits() {
        Map<String, Double> profits = new LinkedHashMap<>();
        for (String[] row : csv("kp_arslan_detienne_branch_and_price_results.csv")) {
            profits.put(row[0], Double.parseDouble(row[2]));
        }
        return profits;
    }

    /** The rows of kp_neur2ro_eval_results.csv, header dropped. */
    public static List<String[]> neur2roKnapsackResults() {
        return csv("kp_neur2ro_eval_results.csv");
    }

    /** The rows of cb_neur2ro_eval_results.csv, header dropped. */
    public static List<String[]> neur2roCapitalBudgetingResults() {
        return csv("cb_neur2ro_eval_results.csv");
    }

    /** A shipped capital-budgeting evaluation instance, as the file has it (real budget). */
    public static CapitalBudgeting capitalBudgeting(String instance) {
        return CapitalBudgetingReader.read(path("cb_instances/" + instance));
    }

    private static List<String[]> csv(String file) {
        try {
            List<String> lines = Files.readAllLines(path(file), StandardCharsets.UTF_8);
            return lines.stream().skip(1).map(l -> l.replace("\uFEFF", "").strip().split(",")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
