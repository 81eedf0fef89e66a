package org.saddlepoint.solvers.io;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import org.saddlepoint.solvers.InvalidInputException;

/**
 * Reads a CSV file of text cells (names, labels and numbers mixed), one record per line, UTF-8,
 * cells trimmed, empty lines skipped. Rows may have different lengths; callers check the shape. Errors are
 * {@link InvalidInputException}s naming the file and, for a cell, the 1-based line and column
 * ({@link #number}).
 */
public final class CsvRows {
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(true)
            .setTrim(true).setIgnoreEmptyLines(false).build();

    private final String source;
    private final List<String[]> rows;
    private final List<Long> lines;

    private CsvRows(String source, List<String[]> rows, List<Long> lines) {
        this.source = source;
        this.rows = rows;
        this.lines = lines;
    }

    /** Reads {@code file}; an empty file (no non-empty line) is an error. */
    public static CsvRows read(Path file) {
        String name = file.toString();
        if (Files.isDirectory(file)) {
            throw new InvalidInputException(name + ": is a directory, not a CSV file");
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.parse(reader, FORMAT)) {
            List<String[]> rows = new ArrayList<>();
            List<Long> lines = new ArrayList<>();
            for (CSVRecord r : parser) {
                String[] cells = r.values();
                if (r.getRecordNumber() == 1 && cells.length > 0 && cells[0].startsWith("\uFEFF")) {
                    cells[0] = cells[0].substring(1);
                }
                if (cells.length == 1 && cells[0].isEmpty()) {
                    continue;
                }
                rows.add(cells);
                lines.add(r.getRecordNumber()); // one record per line: cells here never span lines
            }
            if (rows.isEmpty()) {
                throw new InvalidInputException(name + ": the file is empty");
            }
            return new CsvRows(name, rows, lines);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(name + ": no such file", e);
        } catch (IOException | UncheckedIOException e) {
            throw new InvalidInputException(name + ": cannot read: " + e.getMessage(), e);
        }
    }

    public String source() {
        return source;
    }

    public int size() {
        return rows.size();
    }

    /** The cells of row {@code i} (0-based among the non-empty lines). */
    public String[] row(int i) {
        return rows.get(i).clone();
    }

    /** The file line of row {@code i}, 1-based, for messages. */
    public long line(int i) {
        return lines.get(i);
    }

    /** "FILE line L, column C: " for row i and 0-based column j. */
    public String where(int i, int j) {
        return source + " line " + line(i) + ", column " + (j + 1) + ": ";
    }

    /** Cell (i, j) as a finite number, or an error naming its place. */
    public double number(int i, int j) {
        String cell = rows.get(i)[j];
        double v;
        try {
            v = Double.parseDouble(cell);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(where(i, j) + "'" + cell + "' is not a number");
        }
        if (!Double.isFinite(v) || cell.matches("(?i).*(nan|inf).*")) {
            throw new InvalidInputException(where(i, j) + "'" + cell + "' is not a finite number");
        }
        return v;
    }

    /** Cell (i, j) as an integer, or an error naming its place. */
    public int integer(int i, int j) {
        String cell = rows.get(i)[j];
        try {
            return Integer.parseInt(cell);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(where(i, j) + "'" + cell + "' is not an integer");
        }
    }
}
