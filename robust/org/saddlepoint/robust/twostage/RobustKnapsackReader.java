package org.saddlepoint.robust.twostage;

import java.nio.file.Path;

import org.saddlepoint.solvers.InvalidInputException;

/**
 * Reads a two-stage robust knapsack instance in the format of Arslan and Detienne
 * (github.com/borisdetienne/RobustDecomposition, TwoStageRobustKnapsack/Readme.txt): line 1 {@code n C Gamma},
 * then one line {@code pbar_i phat_i t_i c_i f_i} per item.
 */
public final class RobustKnapsackReader {
    private RobustKnapsackReader() {
    }

    /** @throws InvalidInputException naming the file (and line) for a missing, empty or malformed file */
    public static RobustKnapsack read(Path path) {
        NumberLines lines = NumberLines.read(path);
        double[] header = lines.row(0, 3);
        int n = lines.count("n", header[0]);
        lines.requireSize(n + 1);
        double[] pbar = new double[n];
        double[] phat = new double[n];
        double[] t = new double[n];
        double[] c = new double[n];
        double[] f = new double[n];
        for (int i = 0; i < n; i++) {
            double[] item = lines.row(i + 1, 5);
            pbar[i] = item[0];
            phat[i] = item[1];
            t[i] = item[2];
            c[i] = item[3];
            f[i] = item[4];
        }
        Path name = path.getFileName();
        try {
            return new RobustKnapsack(name == null ? path.toString() : name.toString(), pbar, phat, t, c, f,
                    header[1], header[2]);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(lines.file() + ": " + e.getMessage(), e);
        }
    }
}
