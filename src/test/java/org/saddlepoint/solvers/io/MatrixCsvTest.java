package org.saddlepoint.solvers.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.saddlepoint.solvers.InvalidInputException;

class MatrixCsvTest {
    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private String errorOf(Path file) {
        return assertThrows(InvalidInputException.class, () -> MatrixCsv.read(file)).getMessage();
    }

    @Test
    void readsADenseMatrix() throws IOException {
        Path file = write("game.csv", "1,2,3\n-4.5,0,6e-1\n");
        assertArrayEquals(new double[][] {{1, 2, 3}, {-4.5, 0, 0.6}}, MatrixCsv.read(file));
    }

    @Test
    void allowsWhitespaceQuotesCrLfAndTrailingEmptyLines() throws IOException {
        Path file = write("game.csv", "\uFEFF 1 ,\t2\r\n+3.0 , \"-4\" \r\n\r\n  \n");
        assertArrayEquals(new double[][] {{1, 2}, {3, -4}}, MatrixCsv.read(file));
    }

    @Test
    void readsTheLastLineWithoutANewline() throws IOException {
        assertArrayEquals(new double[][] {{1}, {2}}, MatrixCsv.read(write("col.csv", "1\n2")));
    }

    @Test
    void readsASingleCell() throws IOException {
        assertArrayEquals(new double[][] {{.5}}, MatrixCsv.read(write("one.csv", ".5\n")));
    }

    @Test
    void missingFile() {
        Path file = dir.resolve("nope.csv");
        assertEquals(file + ": no such file", errorOf(file));
    }

    @Test
    void directory() {
        assertEquals(dir + ": is a directory, not a CSV file", errorOf(dir));
    }

    @Test
    void emptyFile() throws IOException {
        Path file = write("empty.csv", "");
        assertEquals(file + ": the file is empty; expected one line of comma-separated numbers per matrix row",
                errorOf(file));
    }

    @Test
    void fileOfEmptyLinesIsEmpty() throws IOException {
        Path file = write("blank.csv", "\n  \n\n");
        assertEquals(file + ": the file is empty; expected one line of comma-separated numbers per matrix row",
                errorOf(file));
    }

    @Test
    void raggedRow() throws IOException {
        Path file = write("ragged.csv", "1,2,3\n4,5,6\n7,8,9,10\n");
        assertEquals(file + ": line 3 has 4 values, line 1 has 3", errorOf(file));
    }

    @Test
    void shortRow() throws IOException {
        Path file = write("short.csv", "1,2,3\n4,5\n");
        assertEquals(file + ": line 2 has 2 values, line 1 has 3", errorOf(file));
    }

    @Test
    void nonNumericCell() throws IOException {
        Path file = write("game.csv", "1,2\n3,4\n5,abc\n");
        assertEquals(file + " line 3, column 2: 'abc' is not a number", errorOf(file));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "NaN       | 'NaN' is not a finite number",
        "nan       | 'nan' is not a finite number",
        "Infinity  | 'Infinity' is not a finite number",
        "-Infinity | '-Infinity' is not a finite number",
        "inf       | 'inf' is not a finite number",
        "1e400     | '1e400' is not a finite number (it overflows a double)",
        "-2E+309   | '-2E+309' is not a finite number (it overflows a double)",
        "0x1p3     | '0x1p3' is not a number",
        "1d        | '1d' is not a number",
        "1,5.0.1   | '5.0.1' is not a number",
    })
    void nonFiniteOrMalformedNumber(String cell, String message) throws IOException {
        // The bad value is always in the last column of line 2.
        Path file = write("bad.csv", "1,2\n" + (cell.contains(",") ? cell : "3," + cell) + "\n");
        assertEquals(file + " line 2, column 2: " + message, errorOf(file));
    }

    @Test
    void emptyCell() throws IOException {
        Path file = write("hole.csv", "1,2,3\n4,,6\n");
        assertEquals(file + " line 2, column 2: empty cell, expected a number", errorOf(file));
    }

    @Test
    void trailingComma() throws IOException {
        Path file = write("comma.csv", "1,2,\n");
        assertEquals(file + " line 1, column 3: empty cell, expected a number", errorOf(file));
    }

    @Test
    void emptyLineBetweenRows() throws IOException {
        Path file = write("gap.csv", "1,2\n\n3,4\n");
        assertEquals(file + " line 2: empty line between rows (only empty lines at the end are ignored)",
                errorOf(file));
    }

    @Test
    void lineNumbersCountEmptyTrailingLinesOnlyWhenFollowedByData() throws IOException {
        Path file = write("late.csv", "1,2\n3,4\n5,x\n\n");
        assertEquals(file + " line 3, column 2: 'x' is not a number", errorOf(file));
    }

    @Test
    void malformedQuoting() throws IOException {
        Path file = write("quote.csv", "1,\"2\"x\n");
        String message = errorOf(file);
        assertEquals(true, message.startsWith(file + ": malformed CSV: "), message);
    }

    @Test
    void notUtf8() throws IOException {
        Path file = dir.resolve("latin1.csv");
        Files.write(file, new byte[] {'1', ',', (byte) 0xE9, '\n'});
        assertEquals(file + ": not UTF-8 text", errorOf(file));
    }
}
