package org.saddlepoint.robust.twostage;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.saddlepoint.solvers.InvalidInputException;

/**
 * A text file of whitespace-separated numbers, one record per non-empty line, as the benchmark
 * instance files are written. Errors name the file and the 1-based line.
 */
final class NumberLines {
    private final String file;
    private final List<double[]> rows;
    private final List<Integer> lineNumbers;

    private NumberLines(String file, List<double[]> rows, List<Integer> lineNumbers) {
        this.file = file;
        this.rows = rows;
        this.lineNumbers = lineNumbers;
    }

    static NumberLines read(Path path) {
        List<String> lines;
        try {
            lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(path + ": no such file");
        } catch (MalformedInputException e) {
            throw new InvalidInputException(path + ": not a UTF-8 text file");
        } catch (IOException e) {
            throw new InvalidInputException(path + ": cannot be read: " + e.getMessage(), e);
        }
        List<double[]> rows = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        for (int k = 0; k < lines.size(); k++) {
            String line = lines.get(k).strip();
            if (!line.isEmpty()) {
                rows.add(parse(path + " line " + (k + 1), line.split("\\s+")));
                numbers.add(k + 1);
            }
        }
        if (rows.isEmpty()) {
            throw new InvalidInputException(path + ": the file is empty");
        }
        return new NumberLines(path.toString(), rows, numbers);
    }

    private static double[] parse(String where, String[] tokens) {
        double[] values = new double[tokens.length];
        for (int j = 0; j < tokens.length; j++) {
            try {
                values[j] = Double.parseDouble(tokens[j]);
            } catch (NumberFormatException e) {
                throw new InvalidInputException(where + ": '" + tokens[j] + "' is not a number");
            }
            if (!Double.isFinite(values[j])) {
                throw new InvalidInputException(where + ": '" + tokens[j] + "' is not a finite number");
            }
        }
        return values;
    }

    /** The number of records. */
    int size() {
        return rows.size();
    }

    /** Record k (0-based), which must have {@code width} numbers. */
    double[] row(int k, int width) {
        if (k >= rows.size()) {
            throw new InvalidInputException(file + ": has " + rows.size() + " records, expected at least " + (k + 1));
        }
        double[] row = rows.get(k);
        if (row.length != width) {
            throw new InvalidInputException(file + " line " + lineNumbers.get(k) + ": has " + row.length
                    + " numbers, expected " + width);
        }
        return row;
    }

    /** Requires exactly {@code count} records. */
    void requireSize(int count) {
        if (rows.size() != count) {
            throw new InvalidInputException(file + ": has " + rows.size() + " records, expected " + count);
        }
    }

    /** Requires {@code value} to be a whole number &gt;= 1 (a count in a header). */
    int count(String what, double value) {
        if (value < 1 || value != Math.rint(value) || value > 1_000_000) {
            throw new InvalidInputException(file + ": " + what + " must be a whole number >= 1, got " + value);
        }
        return (int) value;
    }

    String file() {
        return file;
    }
}
