package org.saddlepoint.games.preference;

import java.nio.file.Path;

import org.saddlepoint.solvers.InvalidInputException;
import org.saddlepoint.solvers.io.MatrixCsv;

/**
 * Reads preference matrices and reference policies from CSV files in the format of
 * {@link MatrixCsv} (comma-separated numbers, no header, UTF-8). Every error is an
 * {@link InvalidInputException} whose message starts with the file name; the command line
 * reports responses 1-based.
 */
public final class PreferenceCsv {
    private PreferenceCsv() {
    }

    /** A K x K preference matrix: line i holds P(i beats 1), ..., P(i beats K). */
    public static PreferenceMatrix readMatrix(Path file) {
        double[][] p = MatrixCsv.read(file);
        if (p.length != p[0].length) {
            throw new InvalidInputException(file + ": a preference matrix must be square, got " + p.length + " x "
                    + p[0].length);
        }
        for (int i = 0; i < p.length; i++) {
            for (int j = 0; j < p.length; j++) {
                if (!(p[i][j] >= 0 && p[i][j] <= 1)) {
                    throw new InvalidInputException(file + " line " + (i + 1) + ", column " + (j + 1) + ": " + p[i][j]
                            + " is not a probability in [0, 1]");
                }
                double sum = p[i][j] + p[j][i];
                if (Math.abs(sum - 1) > PreferenceMatrix.SYMMETRY_TOLERANCE) {
                    throw new InvalidInputException(file + ": P(" + (i + 1) + " beats " + (j + 1) + ") + P(" + (j + 1)
                            + " beats " + (i + 1) + ") = " + sum + ", must be 1 (P + P^T = 1, diagonal 1/2)");
                }
            }
        }
        return PreferenceMatrix.of(p);
    }

    /**
     * A reference policy over {@code responses} responses: one line of K numbers or K lines of one
     * number, every entry &gt; 0 (full support); divided by its sum.
     */
    public static double[] readPolicy(Path file, int responses) {
        double[][] m = MatrixCsv.read(file);
        double[] v;
        if (m.length == 1) {
            v = m[0];
        } else if (m[0].length == 1) {
            v = new double[m.length];
            for (int i = 0; i < m.length; i++) {
                v[i] = m[i][0];
            }
        } else {
            throw new InvalidInputException(file + ": a policy must be one line or one column, got " + m.length
                    + " x " + m[0].length);
        }
        if (v.length != responses) {
            throw new InvalidInputException(file + ": the policy has " + v.length + " entries, the preference matrix "
                    + responses + " responses");
        }
        double sum = 0;
        for (int y = 0; y < v.length; y++) {
            if (!(v[y] > 0)) {
                throw new InvalidInputException(file + ": entry " + (y + 1) + " is " + v[y]
                        + "; a reference policy needs every entry > 0 (full support)");
            }
            sum += v[y];
        }
        for (int y = 0; y < v.length; y++) {
            v[y] /= sum;
        }
        return v;
    }
}
