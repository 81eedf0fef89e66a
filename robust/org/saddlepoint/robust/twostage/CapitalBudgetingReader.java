package org.saddlepoint.robust.twostage;

import java.nio.file.Path;

import org.saddlepoint.solvers.InvalidInputException;

/**
 * Reads a capital-budgeting instance in the format of Neur2RO's evaluation files
 * ({@code data/cb/eval_instances/CB_n*_xi4_s*}): line 1 {@code seed n m B max_loan}; line 2 the n costs
 * cbar; line 3 the n revenues rbar; then n lines of phi_i and n lines of psi_i (m numbers each). The
 * budget is kept real; {@link CapitalBudgeting#withTruncatedBudget()} gives Neur2RO's int(B).
 */
public final class CapitalBudgetingReader {
    private CapitalBudgetingReader() {
    }

    /** @throws InvalidInputException naming the file (and line) for a missing, empty or malformed file */
    public static CapitalBudgeting read(Path path) {
        NumberLines lines = NumberLines.read(path);
        double[] header = lines.row(0, 5);
        int n = lines.count("n", header[1]);
        int m = lines.count("xi_dim", header[2]);
        lines.requireSize(3 + 2 * n);
        double[][] phi = new double[n][];
        double[][] psi = new double[n][];
        for (int i = 0; i < n; i++) {
            phi[i] = lines.row(3 + i, m);
            psi[i] = lines.row(3 + n + i, m);
        }
        Path name = path.getFileName();
        try {
            return new CapitalBudgeting(name == null ? path.toString() : name.toString(), lines.row(1, n),
                    lines.row(2, n), phi, psi, header[3], CapitalBudgeting.LATE_FRACTION);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(lines.file() + ": " + e.getMessage(), e);
        }
    }
}
