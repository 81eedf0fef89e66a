package org.saddlepoint.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import picocli.CommandLine;

/** One in-process run of the {@code saddlepoint} command line, with its exit code and output. */
public record CliRun(int exitCode, String out, String err) {
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    /** Executes {@code args} on a fresh command line, capturing stdout and stderr. */
    public static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Saddlepoint.newCommandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /**
     * Asserts the bad-input contract of every command: exit 2, nothing on stdout, one line on stderr that starts
     * with "saddlepoint: error: ", contains {@code fragment} and has no stack trace.
     */
    public static void assertBadInput(CliRun run, String fragment) {
        assertEquals(2, run.exitCode(), run.toString());
        assertEquals(1, run.errLines().size(), run.toString());
        assertTrue(run.err().startsWith("saddlepoint: error: "), run.toString());
        assertTrue(run.err().contains(fragment), run.toString());
        assertFalse(run.err().contains("\tat "), "no stack trace: " + run);
        assertEquals("", run.out(), run.toString());
    }

    /** Asserts that {@code file} (a --plot output) is a PNG image of a real chart (over 1000 bytes). */
    public static void assertPng(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        assertTrue(bytes.length > 1000, "PNG of " + bytes.length + " bytes");
        assertArrayEquals(PNG_MAGIC, Arrays.copyOf(bytes, PNG_MAGIC.length));
    }

    public List<String> errLines() {
        return err.lines().toList();
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}
