package org.saddlepoint.solvers.lcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.saddlepoint.solvers.InvalidInputException;

/**
 * Lemke's method against brute-force enumeration of complementary bases on small LCPs with positive
 * semidefinite matrices (skew-symmetric ones, as from zero-sum games, and B^T B + skew): a solution
 * exactly when one exists, and the one it returns is complementary.
 */
class LemkeTest {
    @Test
    void agreesWithEnumerationOnPositiveSemidefiniteProblems() {
        Random r = new Random(17);
        int solved = 0;
        int infeasible = 0;
        for (int trial = 0; trial < 300; trial++) {
            int p = 1 + r.nextInt(6);
            double[] m = trial % 2 == 0 ? skew(r, p) : psd(r, p);
            double[] q = new double[p];
            for (int i = 0; i < p; i++) {
                q[i] = r.nextGaussian();
            }
            Optional<double[]> z = Lemke.solve(m, q, 1000);
            boolean exists = enumerate(m, q);
            assertEquals(exists, z.isPresent(), "trial " + trial);
            if (z.isPresent()) {
                assertComplementary(m, q, z.get());
                solved++;
            } else {
                infeasible++;
            }
        }
        assertTrue(solved > 50 && infeasible > 10, solved + " solved, " + infeasible + " infeasible");
    }

    @Test
    void nonNegativeOffsetGivesZero() {
        assertEquals(0.0, Lemke.solve(new double[] {-1, 2, 3, -4}, new double[] {0, 1}, 10).orElseThrow()[1]);
    }

    @Test
    void shapesAreChecked() {
        assertThrows(InvalidInputException.class, () -> Lemke.solve(new double[3], new double[2], 10));
    }

    private static void assertComplementary(double[] m, double[] q, double[] z) {
        int p = q.length;
        for (int i = 0; i < p; i++) {
            double w = q[i];
            for (int j = 0; j < p; j++) {
                w += m[i * p + j] * z[j];
            }
            assertTrue(z[i] >= 0 && w >= -1e-9 && Math.abs(z[i] * w) <= 1e-9, "i = " + i + ": z " + z[i] + ", w " + w);
        }
    }

    /** Whether some complementary basis (z_i free where i in the set, w_i free elsewhere) is feasible. */
    private static boolean enumerate(double[] m, double[] q) {
        int p = q.length;
        for (int set = 0; set < 1 << p; set++) {
            int mask = set;
            int[] basic = IntStream.range(0, p).filter(i -> (mask & 1 << i) != 0).toArray();
            double[] z = new double[p];
            if (basic.length > 0) {
                DMatrixRMaj sub = new DMatrixRMaj(basic.length, basic.length);
                DMatrixRMaj rhs = new DMatrixRMaj(basic.length, 1);
                for (int a = 0; a < basic.length; a++) {
                    for (int b = 0; b < basic.length; b++) {
                        sub.set(a, b, m[basic[a] * p + basic[b]]);
                    }
                    rhs.set(a, 0, -q[basic[a]]);
                }
                DMatrixRMaj sol = new DMatrixRMaj(basic.length, 1);
                if (!CommonOps_DDRM.solve(sub, rhs, sol) || CommonOps_DDRM.det(sub) == 0) {
                    continue;
                }
                for (int a = 0; a < basic.length; a++) {
                    z[basic[a]] = sol.get(a, 0);
                }
            }
            boolean feasible = true;
            for (int i = 0; i < p && feasible; i++) {
                double w = q[i];
                for (int j = 0; j < p; j++) {
                    w += m[i * p + j] * z[j];
                }
                feasible = z[i] >= -1e-9 && w >= -1e-9;
            }
            if (feasible) {
                return true;
            }
        }
        return false;
    }

    private static double[] skew(Random r, int p) {
        double[] m = new double[p * p];
        for (int i = 0; i < p; i++) {
            for (int j = i + 1; j < p; j++) {
                m[i * p + j] = r.nextGaussian();
                m[j * p + i] = -m[i * p + j];
            }
        }
        return m;
    }

    /** B^T B + a skew-symmetric part, B of rank at most p - 1 (so that it can be singular). */
    private static double[] psd(Random r, int p) {
        double[] m = skew(r, p);
        int rank = Math.max(1, p - 1);
        double[] b = new double[rank * p];
        for (int k = 0; k < b.length; k++) {
            b[k] = r.nextGaussian();
        }
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                for (int k = 0; k < rank; k++) {
                    m[i * p + j] += b[k * p + i] * b[k * p + j];
                }
            }
        }
        return m;
    }
}
