package org.saddlepoint.robust.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.saddlepoint.cli.Formats;
import org.saddlepoint.cli.JsonOutput;
import org.saddlepoint.cli.Saddlepoint;
import org.saddlepoint.robust.committee.Committee;
import org.saddlepoint.robust.committee.CommitteeIlp;
import org.saddlepoint.robust.committee.CommitteeRule;
import org.saddlepoint.robust.committee.GroupBounds;
import org.saddlepoint.robust.committee.Rankings;
import org.saddlepoint.solvers.InvalidInputException;
import org.saddlepoint.solvers.io.CsvRows;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code saddlepoint committee RANKINGS.csv}: the best committee of k items under group bounds (CP-SAT). */
@Command(name = "committee", mixinStandardHelpOptions = true, versionProvider = Saddlepoint.Version.class,
        sortOptions = false,
        description = {
            "Selects the size-k committee of items with the highest committee score over the rankings in "
                + "RANKINGS.csv, exactly (integer program, OR-Tools CP-SAT), optionally under group bounds "
                + "(Boehmer et al., ICML 2023)."
        },
        footer = {"", "Exit codes: 0 success, 2 bad input or arguments (infeasible bounds included)."})
public final class CommitteeCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RANKINGS.csv",
            description = "One line per voter: the item names, comma-separated, best first; every line a "
                    + "permutation of the same items.")
    private Path rankingsFile;

    @Option(names = "--rule", required = true, paramLabel = "RULE", converter = RuleConverter.class,
            description = "sntv, bloc, k-borda or cc (Chamberlin-Courant with Borda scores).")
    private CommitteeRule rule;

    @Option(names = "--k", required = true, paramLabel = "K", description = "Committee size.")
    private int k;

    @Option(names = "--group-bounds", paramLabel = "BOUNDS.csv",
            description = "One line per group: name,lower,upper,item,item,... (disjoint groups; items in no "
                    + "group are free).")
    private Path boundsFile;

    @Option(names = "--time-limit", paramLabel = "S", description = "Time limit of CP-SAT in seconds. Default: none.")
    private Double timeLimit;

    @Option(names = "--json", description = "Print one JSON object instead of the report.")
    private boolean json;

    @Override
    public Integer call() {
        if (timeLimit != null && (!(timeLimit > 0) || Double.isInfinite(timeLimit))) {
            throw new InvalidInputException("--time-limit must be a finite number of seconds > 0, got " + timeLimit);
        }
        CsvRows csv = CsvRows.read(rankingsFile);
        String[] items = csv.row(0);
        Map<String, Integer> index = indexOf(items, csv);
        Rankings rankings = new Rankings(orders(csv, index));
        GroupBounds bounds = boundsFile == null ? null : bounds(CsvRows.read(boundsFile), index);
        Committee c = CommitteeIlp.solve(rankings, rule, k, bounds,
                timeLimit == null ? Double.POSITIVE_INFINITY : timeLimit);
        PrintWriter out = spec.commandLine().getOut();
        String[] names = Arrays.stream(c.members()).mapToObj(i -> items[i]).toArray(String[]::new);
        if (json) {
            ObjectNode node = JsonOutput.newObject();
            node.put("rule", rule.cliName());
            node.put("k", k);
            node.put("status", c.status().name().toLowerCase(Locale.ROOT));
            ArrayNode members = node.putArray("committee");
            Arrays.stream(names).forEach(members::add);
            node.put("score", c.score());
            node.put("upper_bound", c.upperBound());
            node.put("gap", c.gap());
            node.put("voters", rankings.voters());
            node.put("items", rankings.items());
            JsonOutput.putNumber(node, "seconds", c.seconds());
            JsonOutput.print(out, node);
        } else {
            out.println("rankings:    " + rankingsFile + " (" + rankings.voters() + " voters, " + rankings.items()
                    + " items)");
            out.println("rule:        " + rule.cliName() + ", k = " + k
                    + (bounds == null ? "" : ", " + bounds.count() + " group bounds"));
            out.println("status:      " + c.status().name().toLowerCase(Locale.ROOT));
            out.println("committee:   " + String.join(", ", names));
            out.println("score:       " + c.score() + " (upper bound " + c.upperBound() + ", gap " + c.gap() + ")");
            out.println("seconds:     " + Formats.number(c.seconds()));
            out.flush();
        }
        return Saddlepoint.EXIT_OK;
    }

    private static Map<String, Integer> indexOf(String[] items, CsvRows csv) {
        Map<String, Integer> index = new HashMap<>();
        for (int j = 0; j < items.length; j++) {
            if (items[j].isEmpty()) {
                throw new InvalidInputException(csv.where(0, j) + "empty item name");
            }
            if (index.put(items[j], j) != null) {
                throw new InvalidInputException(csv.where(0, j) + "item '" + items[j] + "' appears twice");
            }
        }
        return index;
    }

    private static int[][] orders(CsvRows csv, Map<String, Integer> index) {
        int[][] orders = new int[csv.size()][];
        for (int v = 0; v < csv.size(); v++) {
            String[] row = csv.row(v);
            if (row.length != index.size()) {
                throw new InvalidInputException(csv.source() + ": line " + csv.line(v) + " ranks " + row.length
                        + " items, line " + csv.line(0) + " ranks " + index.size());
            }
            orders[v] = new int[row.length];
            boolean[] seen = new boolean[row.length];
            for (int j = 0; j < row.length; j++) {
                Integer c = index.get(row[j]);
                if (c == null || seen[c]) {
                    throw new InvalidInputException(csv.where(v, j) + (c == null ? "unknown item '" : "repeated item '")
                            + row[j] + "'");
                }
                seen[c] = true;
                orders[v][j] = c;
            }
        }
        return orders;
    }

    private static GroupBounds bounds(CsvRows csv, Map<String, Integer> index) {
        int g = csv.size();
        String[] names = new String[g];
        int[][] groups = new int[g][];
        int[] lower = new int[g];
        int[] upper = new int[g];
        for (int j = 0; j < g; j++) {
            String[] row = csv.row(j);
            if (row.length < 4) {
                throw new InvalidInputException(csv.source() + ": line " + csv.line(j)
                        + " must read name,lower,upper,item,... (at least one item)");
            }
            names[j] = row[0];
            lower[j] = csv.integer(j, 1);
            upper[j] = csv.integer(j, 2);
            List<Integer> members = new ArrayList<>();
            for (int c = 3; c < row.length; c++) {
                Integer item = index.get(row[c]);
                if (item == null) {
                    throw new InvalidInputException(csv.where(j, c) + "unknown item '" + row[c] + "'");
                }
                members.add(item);
            }
            groups[j] = members.stream().mapToInt(Integer::intValue).toArray();
        }
        return new GroupBounds(names, groups, lower, upper);
    }

    /** Parses --rule by its command-line name. */
    static final class RuleConverter implements CommandLine.ITypeConverter<CommitteeRule> {
        @Override
        public CommitteeRule convert(String value) {
            for (CommitteeRule r : CommitteeRule.values()) {
                if (r.cliName().equalsIgnoreCase(value.trim())) {
                    return r;
                }
            }
            throw new CommandLine.TypeConversionException("unknown rule '" + value
                    + "'; expected sntv, bloc, k-borda or cc");
        }
    }
}
