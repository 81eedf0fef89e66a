package org.saddlepoint.cli;

/**
 * A subcommand of the {@code saddlepoint} command line, found with {@link java.util.ServiceLoader}.
 * A module registers one by naming its implementation in
 * {@code META-INF/services/org.saddlepoint.cli.CommandProvider}; this keeps the command-line
 * framework (in {@code solvers/}) free of any dependency on the modules that contribute commands.
 * Implementations need a public no-argument constructor.
 */
public interface CommandProvider {
    /** The subcommand's name, as typed after {@code saddlepoint}, e.g. {@code nash}. */
    String name();

    /**
     * A new picocli command object: an instance of a class annotated with
     * {@code @picocli.CommandLine.Command} that implements {@code Callable<Integer>} (returning the
     * exit code) or {@code Runnable}. Library errors should be thrown as
     * {@link org.saddlepoint.solvers.SaddlepointException}; {@link Saddlepoint} turns them into a
     * one-line message and exit code {@value Saddlepoint#EXIT_USAGE}.
     */
    Object newCommand();
}
