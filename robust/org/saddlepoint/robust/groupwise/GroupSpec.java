package org.saddlepoint.robust.groupwise;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.saddlepoint.solvers.InvalidInputException;

/**
 * Group definitions for a data set, in a small text format: one entry per line (or separated by
 * ';' when given inline), '#' starts a comment.
 * <pre>
 *   columns: age, workclass, fnlwgt        # names of the columns of a CSV without a header
 *   drop: fnlwgt, education                # columns that are not features
 *   young: age &lt;= 35                       # a group: NAME: CONDITION
 *   middle: age &gt; 35 and age &lt;= 50        # conditions joined by 'and'
 *   smoker: smoker == yes                  # == and != compare categories, &lt; &lt;= &gt; &gt;= numbers
 * </pre>
 * Groups may intersect. Immutable.
 */
public final class GroupSpec {
    /** One group: its name and its condition, a conjunction of comparisons. */
    public record Definition(String name, List<Comparison> condition) {
    }

    /** {@code column op value}, op one of &lt; &lt;= &gt; &gt;= == !=. */
    public record Comparison(String column, String op, String value) {
        static final List<String> OPERATORS = List.of("<=", ">=", "==", "!=", "<", ">");

        /** True for the order comparisons, which need a numeric column. */
        boolean isOrder() {
            return !op.equals("==") && !op.equals("!=");
        }

        boolean holds(double x, double threshold) {
            return switch (op) {
                case "<=" -> x <= threshold;
                case ">=" -> x >= threshold;
                case "<" -> x < threshold;
                case ">" -> x > threshold;
                case "==" -> x == threshold;
                default -> x != threshold;
            };
        }

        boolean holds(String category) {
            return op.equals("==") == category.equals(value);
        }

        @Override
        public String toString() {
            return column + " " + op + " " + value;
        }
    }

    private final List<String> columns;
    private final List<String> drop;
    private final List<Definition> groups;

    private GroupSpec(List<String> columns, List<String> drop, List<Definition> groups) {
        this.columns = columns;
        this.drop = drop;
        this.groups = groups;
    }

    /** Reads a group specification file (UTF-8). */
    public static GroupSpec read(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString(), "\n");
        } catch (IOException e) {
            throw new InvalidInputException("cannot read the group specification " + file + ": " + e.getMessage(), e);
        }
    }

    /** Parses an inline specification, entries separated by ';' or new lines. */
    public static GroupSpec inline(String text) {
        return parse(text, "--groups", "[;\n]");
    }

    private static GroupSpec parse(String text, String source, String separator) {
        List<String> columns = List.of();
        List<String> drop = List.of();
        List<Definition> groups = new ArrayList<>();
        Set<String> names = new HashSet<>();
        String[] entries = text.split(separator, -1);
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i].replaceFirst("#.*", "").trim();
            if (entry.isEmpty()) {
                continue;
            }
            String where = source + (separator.equals("\n") ? " line " : " entry ") + (i + 1);
            int colon = entry.indexOf(':');
            if (colon <= 0) {
                throw new InvalidInputException(where + ": expected 'NAME: CONDITION', got '" + entry + "'");
            }
            String name = entry.substring(0, colon).trim();
            String body = entry.substring(colon + 1).trim();
            switch (name) {
                case "columns" -> columns = list(body);
                case "drop" -> drop = list(body);
                default -> {
                    if (!names.add(name)) {
                        throw new InvalidInputException(where + ": group '" + name + "' is defined twice");
                    }
                    groups.add(new Definition(name, condition(body, where)));
                }
            }
        }
        if (groups.isEmpty()) {
            throw new InvalidInputException(source + " defines no group");
        }
        return new GroupSpec(columns, drop, List.copyOf(groups));
    }

    private static List<String> list(String body) {
        return Arrays.stream(body.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static List<Comparison> condition(String body, String where) {
        List<Comparison> terms = new ArrayList<>();
        for (String term : body.split("\\s+and\\s+")) {
            terms.add(comparison(term.trim(), where));
        }
        return List.copyOf(terms);
    }

    private static Comparison comparison(String term, String where) {
        for (int at = 0; at < term.length(); at++) {
            for (String op : Comparison.OPERATORS) {
                if (term.startsWith(op, at)) {
                    String column = term.substring(0, at).trim();
                    String value = unquote(term.substring(at + op.length()).trim());
                    if (column.isEmpty() || value.isEmpty()) {
                        break;
                    }
                    return new Comparison(column, op, value);
                }
            }
        }
        throw new InvalidInputException(where + ": expected 'COLUMN OP VALUE' with OP one of "
                + String.join(" ", Comparison.OPERATORS) + ", got '" + term + "'");
    }

    private static String unquote(String value) {
        boolean quoted = value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                || value.startsWith("'") && value.endsWith("'"));
        return quoted ? value.substring(1, value.length() - 1) : value;
    }

    /** The column names of a CSV file without a header line; empty when the file has one. */
    public List<String> columns() {
        return columns;
    }

    /** The columns left out of the features. */
    public List<String> drop() {
        return drop;
    }

    public List<Definition> groups() {
        return groups;
    }
}
