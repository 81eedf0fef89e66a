package org.saddlepoint.cli;

import java.io.PrintWriter;

import org.saddlepoint.solvers.iteration.Checkpoint;
import org.saddlepoint.solvers.iteration.IterationListener;

/**
 * Prints a progress line for a long run: at most one per second, and none during the first
 * second, so that quick runs print nothing. Meant for stderr, so that stdout keeps only the
 * result. Runs on the solving thread; it formats a line only when one is due.
 */
public final class ProgressPrinter implements IterationListener {
    private final PrintWriter err;
    private final String certificateName;
    private final double unit;
    private double lastPrinted;

    /**
     * @param err             where the lines go (stderr)
     * @param certificateName what the certificate is, e.g. "gap"
     * @param unit            the certificate's unit for a relative figure (e.g. the payoff range);
     *                        0 or NaN for none
     */
    public ProgressPrinter(PrintWriter err, String certificateName, double unit) {
        this.err = err;
        this.certificateName = certificateName;
        this.unit = unit;
        this.lastPrinted = 0.0;
    }

    @Override
    public void checkpoint(Checkpoint c) {
        if (c.seconds() < 1.0 || c.seconds() - lastPrinted < 1.0) {
            return;
        }
        lastPrinted = c.seconds();
        StringBuilder line = new StringBuilder("saddlepoint: ")
                .append(String.format("%.0f", Math.floor(c.seconds()))).append(" s, iteration ")
                .append(c.iteration()).append(", ").append(certificateName).append(' ')
                .append(Formats.number(c.certificate()));
        if (unit > 0 && Double.isFinite(unit)) {
            line.append(" (relative ").append(Formats.number(c.certificate() / unit)).append(')');
        }
        err.println(line);
        err.flush();
    }
}
