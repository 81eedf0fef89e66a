package org.saddlepoint.robust.groupwise;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.saddlepoint.solvers.InvalidInputException;

/**
 * Reads a data set for a groupwise experiment from a CSV file and encodes it as in Acharya et al.
 * (ICLR 2024, Section 5 of the spec): the label is min-max scaled to [0, 1]; every other column
 * that is not dropped is a feature, a numeric one (every value a number) min-max scaled to
 * [0, 1], a categorical one one-hot encoded (its categories sorted); then the indicator of every
 * group of the {@link GroupSpec} is appended as a feature, unless an identical column is already
 * there (the one-hot column of the same category), so that the baseline can learn group offsets.
 * Fields are trimmed. The first line is the header unless the spec names the columns. A file whose
 * name ends with {@code .gz} is read through gzip.
 */
public final class GroupedCsv {
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(true)
            .setTrim(true).setIgnoreEmptyLines(true).build();

    /** The raw table: column names and, per row, its trimmed fields and its line in the file. */
    private record Table(String source, List<String> columns, List<String[]> rows, List<Long> lines) {
        int column(String name, String role) {
            int j = columns.indexOf(name);
            if (j < 0) {
                throw new InvalidInputException(source + ": unknown column '" + name + "' (" + role
                        + "); the columns are " + String.join(", ", columns));
            }
            return j;
        }

        /** The column's values as numbers, or null when one of them is not a number. */
        double[] numbers(int j) {
            double[] values = new double[rows.size()];
            for (int t = 0; t < values.length; t++) {
                String cell = rows.get(t)[j];
                if (!DECIMAL.matcher(cell).matches()) {
                    return null;
                }
                values[t] = Double.parseDouble(cell);
                if (Double.isInfinite(values[t])) {
                    throw new InvalidInputException(source + " line " + lines.get(t) + ", column '" + columns.get(j)
                            + "': '" + cell + "' overflows a double");
                }
            }
            return values;
        }

        String[] strings(int j) {
            return rows.stream().map(r -> r[j]).toArray(String[]::new);
        }
    }

    private GroupedCsv() {
    }

    /**
     * Reads {@code file}. {@code label} names the label column, numeric, or is {@code COLUMN=VALUE}
     * for the 0/1 indicator of a category (e.g. {@code income=>50K}). With {@code alwaysOn} the
     * group {@value GroupedData#ALWAYS_ON} is added.
     */
    public static GroupedData read(Path file, String label, GroupSpec spec, boolean alwaysOn) {
        Table table = readTable(file, spec.columns());
        List<String> featureNames = new ArrayList<>();
        List<double[]> featureColumns = new ArrayList<>();
        double[] labels = labels(table, label);
        List<Integer> excluded = new ArrayList<>();
        excluded.add(table.column(labelColumn(label), "the label"));
        for (String name : spec.drop()) {
            excluded.add(table.column(name, "in drop"));
        }
        for (int j = 0; j < table.columns.size(); j++) {
            if (!excluded.contains(j)) {
                encode(table, j, featureNames, featureColumns);
            }
        }
        boolean[][] membership = membership(table, spec);
        for (int g = 0; g < spec.groups().size(); g++) {
            double[] indicator = new double[membership.length];
            for (int t = 0; t < indicator.length; t++) {
                indicator[t] = membership[t][g] ? 1 : 0;
            }
            if (featureColumns.stream().noneMatch(c -> Arrays.equals(c, indicator))) {
                featureNames.add("group " + spec.groups().get(g).name());
                featureColumns.add(indicator);
            }
        }
        double[][] features = new double[labels.length][featureColumns.size()];
        for (int j = 0; j < featureColumns.size(); j++) {
            for (int t = 0; t < labels.length; t++) {
                features[t][j] = featureColumns.get(j)[t];
            }
        }
        List<String> groupNames = spec.groups().stream().map(GroupSpec.Definition::name).toList();
        return GroupedData.of(featureNames, features, labels, groupNames, membership, alwaysOn);
    }

    private static String labelColumn(String label) {
        int eq = label.indexOf('=');
        return (eq < 0 ? label : label.substring(0, eq)).trim();
    }

    private static double[] labels(Table table, String label) {
        int j = table.column(labelColumn(label), "the label");
        int eq = label.indexOf('=');
        double[] y;
        if (eq >= 0) {
            String positive = label.substring(eq + 1).trim();
            y = Arrays.stream(table.strings(j)).mapToDouble(v -> v.equals(positive) ? 1 : 0).toArray();
        } else {
            y = table.numbers(j);
            if (y == null) {
                throw new InvalidInputException(table.source + ": the label column '" + label + "' is not numeric; "
                        + "use --label '" + label + "=VALUE' for the indicator of a category");
            }
        }
        double lo = Arrays.stream(y).min().orElseThrow();
        double hi = Arrays.stream(y).max().orElseThrow();
        if (!(hi > lo)) {
            throw new InvalidInputException(table.source + ": the label '" + label + "' is constant (" + lo + ")");
        }
        return minMax(y, lo, hi);
    }

    private static double[] minMax(double[] values, double lo, double hi) {
        return Arrays.stream(values).map(v -> hi > lo ? (v - lo) / (hi - lo) : 0).toArray();
    }

    private static void encode(Table table, int j, List<String> names, List<double[]> columns) {
        String name = table.columns.get(j);
        double[] numbers = table.numbers(j);
        if (numbers != null) {
            names.add(name);
            columns.add(minMax(numbers, Arrays.stream(numbers).min().orElseThrow(),
                    Arrays.stream(numbers).max().orElseThrow()));
            return;
        }
        String[] values = table.strings(j);
        for (String category : new TreeSet<>(Arrays.asList(values))) {
            names.add(name + "=" + category);
            columns.add(Arrays.stream(values).mapToDouble(v -> v.equals(category) ? 1 : 0).toArray());
        }
    }

    private static boolean[][] membership(Table table, GroupSpec spec) {
        int n = table.rows.size();
        List<GroupSpec.Definition> groups = spec.groups();
        boolean[][] in = new boolean[n][groups.size()];
        for (int g = 0; g < groups.size(); g++) {
            for (int t = 0; t < n; t++) {
                in[t][g] = true;
            }
            for (GroupSpec.Comparison c : groups.get(g).condition()) {
                apply(table, groups.get(g).name(), c, in, g);
            }
        }
        return in;
    }

    private static void apply(Table table, String group, GroupSpec.Comparison c, boolean[][] in, int g) {
        int j = table.column(c.column(), "in group '" + group + "'");
        double[] numbers = table.numbers(j);
        if (numbers == null && c.isOrder()) {
            throw new InvalidInputException("group '" + group + "': column '" + c.column()
                    + "' is categorical; compare it with == or !=");
        }
        double threshold = numbers == null ? Double.NaN : threshold(group, c);
        for (int t = 0; t < in.length; t++) {
            in[t][g] &= numbers == null ? c.holds(table.rows.get(t)[j]) : c.holds(numbers[t], threshold);
        }
    }

    private static double threshold(String group, GroupSpec.Comparison c) {
        if (!DECIMAL.matcher(c.value()).matches()) {
            throw new InvalidInputException("group '" + group + "': column '" + c.column() + "' is numeric but '"
                    + c.value() + "' is not a number");
        }
        return Double.parseDouble(c.value());
    }

    /** A UTF-8 reader of the file, decompressed when its name ends with .gz. */
    private static Reader open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        if (file.toString().endsWith(".gz")) {
            in = new GZIPInputStream(in);
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    private static Table readTable(Path file, List<String> givenColumns) {
        String source = file.toString();
        if (Files.isDirectory(file)) {
            throw new InvalidInputException(source + ": is a directory, not a CSV file");
        }
        try (Reader reader = open(file); CSVParser parser = CSVParser.parse(reader, FORMAT)) {
            List<String> columns = givenColumns;
            List<String[]> rows = new ArrayList<>();
            List<Long> lines = new ArrayList<>();
            for (CSVRecord record : parser) {
                String[] fields = record.values();
                if (columns.isEmpty()) {
                    columns = List.of(fields);
                    continue;
                }
                if (fields.length != columns.size()) {
                    throw new InvalidInputException(source + " line " + parser.getCurrentLineNumber() + ": "
                            + fields.length + " fields, expected " + columns.size() + " (" + String.join(", ", columns)
                            + ")");
                }
                rows.add(fields);
                lines.add(parser.getCurrentLineNumber());
            }
            if (rows.isEmpty()) {
                throw new InvalidInputException(source + ": no data rows");
            }
            return new Table(source, columns, rows, lines);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(source + ": no such file", e);
        } catch (IOException | UncheckedIOException e) {
            throw new InvalidInputException(source + ": cannot read as CSV: " + e.getMessage(), e);
        }
    }
}

