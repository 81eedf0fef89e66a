package org.saddlepoint.solvers.io;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.saddlepoint.solvers.InvalidInputException;

/**
 * Reads a dense matrix from CSV: one line per row, comma-separated decimal numbers, no header,
 * UTF-8. Cells may be surrounded by whitespace or double quotes; empty lines at the end of the
 * file are ignored, empty lines between rows are not. Every entry must be a finite number:
 * {@code NaN}, {@code Infinity} and values that overflow a double (such as {@code 1e400}) are
 * rejected. Every error is an {@link InvalidInputException} whose message starts with the file
 * name and, where there is one, the 1-based line and column, e.g.
 * {@code game.csv line 3, column 2: 'abc' is not a number}.
 */
public final class MatrixCsv {
    /** A plain decimal number: optional sign, digits with an optional point, optional exponent. */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern NON_FINITE = Pattern.compile("[+-]?(nan|inf|infinity)", Pattern.CASE_INSENSITIVE);
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setIgnoreEmptyLines(false)
            .setIgnoreSurroundingSpaces(true)
            .setTrim(true)
            .build();

    private MatrixCsv() {
    }

    /** Reads the matrix in {@code file}; its name as given appears in every error message. */
    public static double[][] read(Path file) {
        String name = file.toString();
        if (Files.isDirectory(file)) {
            throw new InvalidInputException(name + ": is a directory, not a CSV file");
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(reader, name);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(name + ": no such file", e);
        } catch (AccessDeniedException e) {
            throw new InvalidInputException(name + ": permission denied", e);
        } catch (IOException e) {
            throw new InvalidInputException(name + ": cannot read: " + describe(e), e);
        }
    }

    /**
     * Reads a matrix from {@code reader} (which the caller closes).
     *
     * @param sourceName how error messages name the input, e.g. its file name
     */
    public static double[][] read(Reader reader, String sourceName) throws IOException {
        List<double[]> rows = new ArrayList<>();
        long firstEmptyLine = -1;
        try (CSVParser parser = CSVParser.parse(new BomSkippingReader(reader), FORMAT)) {
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                // Each record is one line unless a quoted cell spans lines, which a number cannot do.
                long line = parser.getCurrentLineNumber() + 1;
                if (!records.hasNext()) {
                    break;
                }
                CSVRecord record = records.next();
                if (record.size() == 1 && record.get(0).isEmpty()) {
                    if (firstEmptyLine < 0) {
                        firstEmptyLine = line;
                    }
                    continue;
                }
                if (firstEmptyLine >= 0) {
                    throw new InvalidInputException(sourceName + " line " + firstEmptyLine
                            + ": empty line between rows (only empty lines at the end are ignored)");
                }
                double[] row = parseRow(record, sourceName, line);
                if (!rows.isEmpty() && row.length != rows.get(0).length) {
                    throw new InvalidInputException(sourceName + ": line " + line + " has " + row.length
                            + " values, line 1 has " + rows.get(0).length);
                }
                rows.add(row);
            }
        } catch (UncheckedIOException e) {
            throw malformed(sourceName, e.getCause());
        } catch (CharacterCodingException e) {
            throw new InvalidInputException(sourceName + ": not UTF-8 text", e);
        } catch (IOException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                throw new InvalidInputException(sourceName + ": not UTF-8 text", e);
            }
            throw malformed(sourceName, e);
        }
        if (rows.isEmpty()) {
            throw new InvalidInputException(sourceName + ": the file is empty; expected one line of "
                    + "comma-separated numbers per matrix row");
        }
        return rows.toArray(new double[0][]);
    }

    private static double[] parseRow(CSVRecord record, String sourceName, long line) {
        double[] row = new double[record.size()];
        for (int j = 0; j < row.length; j++) {
            row[j] = parseCell(record.get(j), sourceName, line, j + 1);
        }
        return row;
    }

    private static double parseCell(String cell, String sourceName, long line, int column) {
        String where = sourceName + " line " + line + ", column " + column + ": ";
        if (cell.isEmpty()) {
            throw new InvalidInputException(where + "empty cell, expected a number");
        }
        if (NON_FINITE.matcher(cell).matches()) {
            throw new InvalidInputException(where + "'" + cell + "' is not a finite number");
        }
        if (!DECIMAL.matcher(cell).matches()) {
            throw new InvalidInputException(where + "'" + abbreviate(cell) + "' is not a number");
        }
        double value = Double.parseDouble(cell);
        if (Double.isInfinite(value)) {
            throw new InvalidInputException(where + "'" + abbreviate(cell)
                    + "' is not a finite number (it overflows a double)");
        }
        return value;
    }

    private static String abbreviate(String cell) {
        String oneLine = cell.replaceAll("\\s+", " ");
        return oneLine.length() <= 40 ? oneLine : oneLine.substring(0, 37) + "...";
    }

    private static InvalidInputException malformed(String sourceName, Throwable cause) {
        if (cause instanceof CharacterCodingException) {
            return new InvalidInputException(sourceName + ": not UTF-8 text", cause);
        }
        return new InvalidInputException(sourceName + ": malformed CSV: " + describe(cause), cause);
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message.replaceAll("\\s+", " ");
    }

    /** Drops a leading UTF-8 byte-order mark, which spreadsheet programs like to write. */
    private static final class BomSkippingReader extends Reader {
        private final Reader in;
        private boolean first = true;

        BomSkippingReader(Reader in) {
            this.in = in;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (first && n > 0) {
                first = false;
                if (buffer[offset] == '\uFEFF') {
                    System.arraycopy(buffer, offset + 1, buffer, offset, n - 1);
                    return n == 1 ? read(buffer, offset, length) : n - 1;
                }
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
