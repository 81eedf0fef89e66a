package org.saddlepoint.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Properties;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;

import org.saddlepoint.solvers.SaddlepointException;
import org.saddlepoint.solvers.linalg.KernelThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code saddlepoint} command line. Its subcommands come from the {@link CommandProvider}s on
 * the class path. Exit codes: {@value #EXIT_OK} on success, {@value #EXIT_USAGE} for bad input
 * or arguments (one line on stderr, no stack trace), {@value #EXIT_INTERRUPTED} for a run that
 * was interrupted, {@value #EXIT_BUG} for an unexpected internal error.
 */
@Command(name = "saddlepoint", mixinStandardHelpOptions = true, versionProvider = Saddlepoint.Version.class,
        description = "Certified game-theoretic and robust-optimization solvers: every result comes "
                + "with a certificate of its quality (a duality gap).",
        subcommands = CommandLine.HelpCommand.class,
        synopsisSubcommandLabel = "COMMAND",
        footer = {"", "Exit codes: 0 success, 2 bad input or arguments, 130 interrupted, 1 internal error.",
                "Run 'saddlepoint COMMAND --help' for the options of a command."})
public final class Saddlepoint implements Callable<Integer> {
    public static final int EXIT_OK = 0;
    public static final int EXIT_BUG = 1;
    public static final int EXIT_USAGE = 2;
    public static final int EXIT_INTERRUPTED = 130;

    private static final Logger LOG = LoggerFactory.getLogger(Saddlepoint.class);

    @Spec
    private CommandSpec spec;

    public static void main(String[] args) {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        System.exit(execute(args));
    }

    /** Runs the command line with {@code args} on System.out/err and returns the exit code. */
    public static int execute(String... args) {
        return newCommandLine().execute(args);
    }

    /**
     * The configured command line with every discovered subcommand. Call {@code setOut}/{@code setErr}
     * on it to capture its output (they apply to the subcommands as well), then {@code execute}.
     */
    public static CommandLine newCommandLine() {
        CommandLine cl = new CommandLine(new Saddlepoint());
        for (CommandProvider provider : providers()) {
            if (cl.getSubcommands().containsKey(provider.name())) {
                throw new IllegalStateException("two providers of the command '" + provider.name() + "'");
            }
            cl.addSubcommand(provider.name(), provider.newCommand());
        }
        cl.setParameterExceptionHandler(Saddlepoint::handleParameterException);
        cl.setExecutionExceptionHandler(Saddlepoint::handleExecutionException);
        return cl;
    }

    /** The command providers on the class path, sorted by name; broken ones are logged and skipped. */
    static List<CommandProvider> providers() {
        List<CommandProvider> found = new ArrayList<>();
        Iterator<CommandProvider> it = ServiceLoader.load(CommandProvider.class,
                Saddlepoint.class.getClassLoader()).iterator();
        while (true) {
            try {
                if (!it.hasNext()) {
                    break;
                }
                found.add(it.next());
            } catch (ServiceConfigurationError e) {
                LOG.warn("skipping a command that cannot be loaded: {}", e.getMessage());
            }
        }
        found.sort(Comparator.comparing(CommandProvider::name));
        return found;
    }

    /**
     * The number of threads the dense matrix-vector products run on ({@link KernelThreads}); an
     * option of every command.
     */
    @Option(names = "--threads", paramLabel = "N", scope = ScopeType.INHERIT,
            description = "Threads for the large matrix-vector products (default: the number of processors).")
    void setThreads(int threads) {
        if (threads < 1) {
            throw new ParameterException(spec.commandLine(), "--threads must be at least 1, got " + threads);
        }
        KernelThreads.setCount(threads);
    }

    @Override
    public Integer call() {
        String commands = String.join(", ", spec.subcommands().keySet());
        spec.commandLine().getErr().println("saddlepoint: error: no command given (commands: " + commands
                + "); see 'saddlepoint --help'");
        return EXIT_USAGE;
    }

    private static int handleParameterException(ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        PrintWriter err = cl.getErr();
        err.println(errorLine(ex.getMessage()) + "; see '" + cl.getCommandSpec().qualifiedName() + " --help'");
        err.flush();
        return EXIT_USAGE;
    }

    private static int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        if (ex instanceof SaddlepointException || ex instanceof ParameterException) {
            err.println(errorLine(ex.getMessage()));
            err.flush();
            return EXIT_USAGE;
        }
        err.println("saddlepoint: internal error (please report it): " + ex);
        ex.printStackTrace(err);
        err.flush();
        return EXIT_BUG;
    }

    /** "saddlepoint: error: MESSAGE" on one line. */
    static String errorLine(String message) {
        String text = message == null || message.isBlank() ? "unknown error" : message.strip();
        return "saddlepoint: error: " + text.replaceAll("\\s*\\R\\s*", " ");
    }

    /** Reads the version from the Maven descriptor that the jar plugin writes into the jar. */
    public static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = "(development build)";
            try (InputStream in = Saddlepoint.class.getResourceAsStream(
                    "/META-INF/maven/org.saddlepoint/saddlepoint/pom.properties")) {
                if (in != null) {
                    Properties p = new Properties();
                    p.load(in);
                    version = p.getProperty("version", version);
                }
            } catch (IOException e) {
                // keep the fallback
            }
            return new String[] {
                "saddlepoint " + version,
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")",
            };
        }
    }
}
