package org.saddlepoint.solvers.smooth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.api.Test;
import org.saddlepoint.solvers.linalg.LogSumExp;

class LbfgsTest {
    @Test
    void minimisesAQuadraticToTheLinearSolve() {
        Random r = new Random(1);
        int n = 12;
        SimpleMatrix b = SimpleMatrix.random_DDRM(n, n, -1, 1, r);
        SimpleMatrix a = b.transpose().mult(b).plus(SimpleMatrix.identity(n).scale(0.1));
        SimpleMatrix c = SimpleMatrix.random_DDRM(n, 1, -1, 1, r);
        double[] exact = a.solve(c).getDDRM().getData();
        Lbfgs.Minimum m = Lbfgs.minimize((x, g) -> {
            SimpleMatrix xv = new SimpleMatrix(n, 1, true, x);
            SimpleMatrix ax = a.mult(xv);
            for (int i = 0; i < n; i++) {
                g[i] = ax.get(i) - c.get(i);
            }
            return 0.5 * xv.dot(ax) - xv.dot(c);
        }, new double[n], 1e-10, 100_000);
        assertTrue(m.gradientNorm() <= 1e-10, m.gradientNorm() + " after " + m.evaluations());
        assertArrayEquals(exact, m.point(), 1e-8);
    }

    @Test
    void logSumExpDoesNotOverflow() {
        double[] a = {1000, 1000, -1000};
        double[] p = new double[3];
        assertEquals(1000 + Math.log(2), LogSumExp.softmax(a, 1, p), 1e-12);
        assertArrayEquals(new double[] {0.5, 0.5, 0}, p, 1e-300);
        assertEquals(Math.log(Math.exp(0.1) + Math.exp(0.3)), LogSumExp.of(new double[] {0.2, 0.6}, 2), 1e-15);
    }
}
