package org.saddlepoint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The command-line framework: discovery, help, version and the one-line errors. */
class SaddlepointTest {
    @Test
    void discoversTheNashCommandThroughTheServiceLoader() {
        List<String> names = Saddlepoint.providers().stream().map(CommandProvider::name).toList();
        assertTrue(names.contains("nash"), names.toString());
        assertTrue(Saddlepoint.newCommandLine().getSubcommands().containsKey("nash"));
    }

    @Test
    void helpListsTheCommandsAndExitsZero() {
        CliRun run = CliRun.of("--help");
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("Usage: saddlepoint"), run.toString());
        assertTrue(run.out().contains("nash"), run.toString());
        assertEquals("", run.err());
    }

    @Test
    void versionExitsZero() {
        CliRun run = CliRun.of("--version");
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().startsWith("saddlepoint "), run.toString());
    }

    @Test
    void subcommandHelpExitsZero() {
        CliRun run = CliRun.of("nash", "--help");
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("--method"), run.toString());
        assertTrue(run.out().contains("prm-plus"), run.toString());
    }

    @Test
    void noCommandIsAOneLineError() {
        CliRun run = CliRun.of();
        assertEquals(2, run.exitCode(), run.toString());
        assertEquals(1, run.errLines().size(), run.toString());
        assertTrue(run.err().startsWith("saddlepoint: error: no command given"), run.toString());
    }

    @Test
    void unknownCommandIsAOneLineError() {
        CliRun run = CliRun.of("frobnicate");
        assertEquals(2, run.exitCode(), run.toString());
        assertEquals(1, run.errLines().size(), run.toString());
        assertTrue(run.err().startsWith("saddlepoint: error: "), run.toString());
        assertTrue(run.err().contains("frobnicate"), run.toString());
        assertEquals("", run.out());
    }

    @Test
    @org.junit.jupiter.api.parallel.ResourceLock("KernelThreads")
    void threadsIsAnOptionOfEveryCommandAndSetsTheKernelThreadCount() {
        int before = org.saddlepoint.solvers.linalg.KernelThreads.count();
        try {
            CliRun run = CliRun.of("devices", "--threads", "3");
            assertEquals(0, run.exitCode(), run.toString());
            assertEquals(3, org.saddlepoint.solvers.linalg.KernelThreads.count());
            CliRun.assertBadInput(CliRun.of("devices", "--threads", "0"), "--threads must be at least 1, got 0");
            assertEquals(3, org.saddlepoint.solvers.linalg.KernelThreads.count());
        } finally {
            org.saddlepoint.solvers.linalg.KernelThreads.setCount(before);
        }
    }

    @Test
    void unknownOptionIsAOneLineError() {
        CliRun run = CliRun.of("--frobnicate");
        assertEquals(2, run.exitCode(), run.toString());
        assertEquals(1, run.errLines().size(), run.toString());
    }

    @Test
    void errorLinesAreOneLine() {
        assertEquals("saddlepoint: error: a b c", Saddlepoint.errorLine(" a\nb \r\n c "));
        assertEquals("saddlepoint: error: unknown error", Saddlepoint.errorLine(null));
    }
}
