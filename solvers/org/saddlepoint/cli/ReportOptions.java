package org.saddlepoint.cli;

import java.io.PrintWriter;

import org.saddlepoint.solvers.iteration.IterationListener;

import picocli.CommandLine.Option;

/**
 * The output options every solving command shares, as a picocli mixin ({@code @Mixin ReportOptions report;}):
 * {@code --json} (one JSON object instead of the text report) and {@code -q/--quiet} (no progress lines).
 */
public final class ReportOptions {
    @Option(names = "--json", description = "Print the result as one JSON object instead of the text report.")
    private boolean json;

    @Option(names = {"-q", "--quiet"}, description = "No progress lines on stderr.")
    private boolean quiet;

    /** True with {@code --json}. */
    public boolean json() {
        return json;
    }

    /** True with {@code -q/--quiet}. */
    public boolean quiet() {
        return quiet;
    }

    /**
     * The progress listener of a run: a {@link ProgressPrinter} on {@code err}, or
     * {@link IterationListener#NONE} with {@code --quiet}.
     *
     * @param certificateName what the certificate is, e.g. "gap"
     * @param unit            the certificate's unit for a relative figure, NaN for none (see {@link ProgressPrinter})
     */
    public IterationListener progress(PrintWriter err, String certificateName, double unit) {
        return quiet ? IterationListener.NONE : new ProgressPrinter(err, certificateName, unit);
    }
}
