package org.saddlepoint.solvers.firstorder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.saddlepoint.solvers.InvalidInputException;
import org.saddlepoint.solvers.iteration.Checkpoint;
import org.saddlepoint.solvers.iteration.IterationListener;
import org.saddlepoint.solvers.iteration.SolverResult;
import org.saddlepoint.solvers.iteration.SolverStatus;
import org.saddlepoint.solvers.iteration.StoppingRule;
import org.saddlepoint.solvers.operators.BilinearSaddleProblem;
import org.saddlepoint.solvers.operators.Certificate;
import org.saddlepoint.solvers.operators.Domain;
import org.saddlepoint.solvers.operators.GameFixtures;
import org.saddlepoint.solvers.operators.Geometry;
import org.saddlepoint.solvers.operators.VariationalInequality;

/**
 * Every method on seeded random games: relative gap 1e-4 within a generous cap, the gap never
 * negative at a checkpoint (checked by an independent, unclipped computation), iterates on the
 * simplex, bitwise reproducibility, interruption, invalid starts, and the number of
 * certificate evaluations.
 */
class RandomGamesTest {

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    /**
     * Wraps the production gap: at every evaluated point checks that the point lies on the
     * simplices and that the production gap equals max(0, raw gap) with the raw gap
     * max_i (A y)_i - min_j (A^T x)_j computed by naive loops; records the smallest raw gap.
     */
    static final class ObservingGap implements Certificate {
        final double[][] a;
        final BilinearSaddleProblem p;
        double minRaw = Double.POSITIVE_INFINITY;
        int evaluations;
        String problem;

        ObservingGap(double[][] a, BilinearSaddleProblem p) {
            this.a = a;
            this.p = p;
        }

        @Override
        public String name() {
            return "observed duality gap";
        }

        @Override
        public double evaluate(double[] u) {
            evaluations++;
            int m = a.length;
            int n = a[0].length;
            double[] x = GameFixtures.slice(u, 0, m);
            double[] y = GameFixtures.slice(u, m, m + n);
            if (problem == null && !(onSimplex(x) && onSimplex(y))) {
                problem = "iterate off the simplex: " + Arrays.toString(u);
            }
            double raw = max(GameFixtures.times(a, y)) - min(GameFixtures.timesTranspose(a, x));
            minRaw = Math.min(minRaw, raw);
            double gap = p.gap(u);
            if (problem == null && Math.abs(gap - Math.max(0, raw)) > 1e-12) {
                problem = "production gap " + gap + " vs direct " + raw;
            }
            return gap;
        }
    }

    static boolean onSimplex(double[] p) {
        double s = 0;
        for (double v : p) {
            if (!(v >= 0)) {
                return false;
            }
            s += v;
        }
        return Math.abs(s - 1) <= 1e-12;
    }

    static double max(double[] v) {
        return Arrays.stream(v).max().orElseThrow();
    }

    static double min(double[] v) {
        return Arrays.stream(v).min().orElseThrow();
    }

    static Stream<Arguments> methodsAndSizes() {
        List<Arguments> out = new ArrayList<>();
        for (int[] size : new int[][] {{30, 20}, {100, 100}}) {
            for (GameMethod m : GameMethod.values()) {
                out.add(Arguments.of(m, size[0], size[1]));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} on {1}x{2}")
    @MethodSource("methodsAndSizes")
    void reachesRelativeGap1e4(GameMethod method, int m, int n) {
        double[][] a = GameFixtures.randomMatrix(1000L * m + n, m, n);
        BilinearSaddleProblem p = GameFixtures.game(a);
        double range = GameFixtures.range(a);
        ObservingGap cert = new ObservingGap(a, p);
        VariationalInequality vi = new VariationalInequality(p.operator(), p.domain(), cert);
        List<Checkpoint> seen = new ArrayList<>();
        StoppingRule rule = StoppingRule.DEFAULT.withTolerance(1e-4 * range).withMaxIterations(300_000).withCheckInterval(10);
        SolverResult r = method.create(p).solve(vi, p.domain().center(), rule, seen::add);
        System.out.printf("[h5] %s on %dx%d: %s, %d iterations, relative gap %.3e%n", method, m, n, r.status(),
                r.iterations(), r.certificate() / range);
        assertEquals(SolverStatus.CONVERGED, r.status(), r.toString());
        assertTrue(r.certificate() / range <= 1e-4);
        assertEquals(null, cert.problem, cert.problem);
        assertTrue(cert.minRaw >= -1e-12, "raw gap went negative: " + cert.minRaw);
        for (Checkpoint c : seen) {
            assertTrue(c.certificate() >= 0);
        }
        assertEquals(seen, r.history());
        assertEquals(r.certificate(), seen.get(seen.size() - 1).certificate(), 0.0);
        assertEquals(r.certificate(), p.gap(r.point()), 0.0);
        for (double[] u : new double[][] {r.point(), r.lastIterate(), r.averageIterate()}) {
            assertTrue(onSimplex(GameFixtures.slice(u, 0, m)) && onSimplex(GameFixtures.slice(u, m, m + n)));
        }
    }

    @ParameterizedTest
    @EnumSource(GameMethod.class)
    void resultsAreBitwiseReproducible(GameMethod method) {
        double[][] a = GameFixtures.randomMatrix(77, 30, 20);
        BilinearSaddleProblem p = GameFixtures.game(a);
        StoppingRule rule = StoppingRule.DEFAULT.withTolerance(0).withMaxIterations(1500).withCheckInterval(7);
        SolverResult r1 = method.create(p).solve(p.asVariationalInequality(), p.domain().center(), rule, IterationListener.NONE);
        SolverResult r2 = method.create(GameFixtures.game(a)).solve(GameFixtures.game(a).asVariationalInequality(),
                p.domain().center(), rule, IterationListener.NONE);
        assertEquals(r1.iterations(), r2.iterations());
        assertEquals(r1.status(), r2.status());
        assertTrue(Arrays.equals(r1.point(), r2.point()));
        assertTrue(Arrays.equals(r1.lastIterate(), r2.lastIterate()));
        assertTrue(Arrays.equals(r1.averageIterate(), r2.averageIterate()));
        assertEquals(Double.doubleToRawLongBits(r1.certificate()), Double.doubleToRawLongBits(r2.certificate()));
        assertEquals(r1.history().size(), r2.history().size());
        for (int i = 0; i < r1.history().size(); i++) {
            assertEquals(r1.history().get(i).iteration(), r2.history().get(i).iteration());
            assertEquals(Double.doubleToRawLongBits(r1.history().get(i).certificate()),
                    Double.doubleToRawLongBits(r2.history().get(i).certificate()));
        }
    }

    @ParameterizedTest
    @EnumSource(GameMethod.class)
    void preInterruptedThreadReturnsInterrupted(GameMethod method) {
        double[][] a = GameFixtures.randomMatrix(5, 30, 20);
        BilinearSaddleProblem p = GameFixtures.game(a);
        Thread.currentThread().interrupt();
        try {
            SolverResult r = method.create(p).solve(p.asVariationalInequality(), StoppingRule.DEFAULT);
            assertEquals(SolverStatus.INTERRUPTED, r.status());
            assertTrue(r.iterations() <= 1, "stops at the first advance: " + r.iterations());
            assertTrue(Thread.currentThread().isInterrupted(), "flag left set");
            assertEquals(r.certificate(), p.gap(r.point()), 0.0, "the final certificate is fresh");
        } finally {
            Thread.interrupted();
        }
        assertFalse(Thread.currentThread().isInterrupted());
    }

    @ParameterizedTest
    @EnumSource(GameMethod.class)
    void invalidStartsThrow(GameMethod method) {
        BilinearSaddleProblem p = GameFixtures.game(GameFixtures.randomMatrix(6, 3, 4));
        VariationalInequalitySolver s = method.create(p);
        VariationalInequality vi = p.asVariationalInequality();
        StoppingRule rule = StoppingRule.DEFAULT.withMaxIterations(10);
        for (double[] bad : new double[][] {new double[6], new double[8], {},
                {0.2, 0.3, 0.5, 0.25, 0.25, 0.25, Double.NaN},
                {0.2, Double.POSITIVE_INFINITY, 0.5, 0.25, 0.25, 0.25, 0.25},
                {0.2, 0.3, Double.NEGATIVE_INFINITY, 0.25, 0.25, 0.25, 0.25}}) {
            assertThrows(InvalidInputException.class, () -> s.solve(vi, bad, rule, IterationListener.NONE),
                    Arrays.toString(bad));
        }
        // a valid start is not modified by the solver
        double[] start = {0.2, 0.3, 0.5, 0.25, 0.25, 0.25, 0.25};
        double[] copy = start.clone();
        s.solve(vi, start, rule, IterationListener.NONE);
        assertArrayEquals(copy, start, 0.0);
    }

    @Test
    void invalidStepsAndGeometriesThrow() {
        for (double eta : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThrows(InvalidInputException.class, () -> new Extragradient(Geometry.EUCLIDEAN, eta));
            assertThrows(InvalidInputException.class, () -> new OptimisticGradient(Geometry.ENTROPIC, eta));
        }
        BilinearSaddleProblem p = GameFixtures.game(GameFixtures.MATCHING_PENNIES);
        assertThrows(InvalidInputException.class, () -> new PrimalDualHybridGradientMap(p, 0, 1));
        assertThrows(InvalidInputException.class, () -> new PrimalDualHybridGradientMap(p, 1, Double.NaN));
        assertThrows(InvalidInputException.class, () -> new ForwardBackwardMap(p.asVariationalInequality(), -1));
        // the entropic geometry needs simplices
        BilinearSaddleProblem box = new BilinearSaddleProblem(p.coupling(), Domain.box(2, 0, 1), Domain.simplex(2));
        for (VariationalInequalitySolver s : new VariationalInequalitySolver[] {
                new Extragradient(Geometry.ENTROPIC, 0.5), new OptimisticGradient(Geometry.ENTROPIC, 0.5)}) {
            assertThrows(InvalidInputException.class, () -> s.solve(box.asVariationalInequality(), StoppingRule.DEFAULT));
        }
    }

    /**
     * The certificate is evaluated at the start, then at every checkpoint (multiples of the
     * interval and the final iteration): Halpern evaluates it once per checkpoint, the averaging
     * methods twice (last and average iterate).
     */
    @ParameterizedTest
    @EnumSource(GameMethod.class)
    void certificateIsEvaluatedOnlyAtCheckpoints(GameMethod method) {
        double[][] a = GameFixtures.randomMatrix(8, 6, 5);
        BilinearSaddleProblem p = GameFixtures.game(a);
        ObservingGap cert = new ObservingGap(a, p);
        VariationalInequality vi = new VariationalInequality(p.operator(), p.domain(), cert);
        List<Checkpoint> seen = new ArrayList<>();
        SolverResult r = method.create(p).solve(vi, p.domain().center(),
                StoppingRule.DEFAULT.withTolerance(0).withMaxIterations(30).withCheckInterval(7), seen::add);
        assertEquals(30, r.iterations());
        assertEquals(List.of(0, 7, 14, 21, 28, 30), seen.stream().map(Checkpoint::iteration).toList());
        int perCheckpoint = method == GameMethod.HALPERN_PDHG ? 1 : 2;
        assertEquals(1 + 5 * perCheckpoint, cert.evaluations);
    }

    @Test
    void infeasibleStartsAreProjectedForEuclideanMethods() {
        double[][] a = GameFixtures.randomMatrix(9, 4, 3);
        BilinearSaddleProblem p = GameFixtures.game(a);
        double[] start = {5, -3, 2, 0.1, -1, 7, 0};
        for (GameMethod m : new GameMethod[] {GameMethod.EXTRAGRADIENT_EUCLIDEAN, GameMethod.OPTIMISTIC_EUCLIDEAN,
                GameMethod.HALPERN_PDHG}) {
            SolverResult r = m.create(p).solve(p.asVariationalInequality(), start,
                    StoppingRule.DEFAULT.withTolerance(1e-9).withMaxIterations(200_000), IterationListener.NONE);
            assertEquals(SolverStatus.CONVERGED, r.status(), m + ": " + r);
            GameFixtures.Equilibrium eq = GameFixtures.supportEnumeration(a);
            assertEquals(eq.value(), p.value(p.maxPart(r.point()), p.minPart(r.point())), 1e-8);
        }
    }

    /**
     * A start on the boundary of the simplex is a valid input (it is projected and feasible),
     * but a zero entry can never become positive under a multiplicative update. An entropic
     * method must either reject such a start or still converge; silently stalling (here at a gap near 2, the row player frozen on a vertex)
     * is a defect.
     */
    @ParameterizedTest
    @EnumSource(value = GameMethod.class, names = {"MIRROR_PROX_ENTROPIC", "OPTIMISTIC_ENTROPIC"})
    void entropicMethodsFromABoundaryStartConvergeOrRejectIt(GameMethod method) {
        BilinearSaddleProblem p = GameFixtures.game(GameFixtures.MATCHING_PENNIES);
        double[] vertexStart = {1, 0, 0.5, 0.5};
        SolverResult r;
        try {
            r = method.create(p, 0.9).solve(p.asVariationalInequality(), vertexStart,
                    StoppingRule.DEFAULT.withTolerance(1e-6).withMaxIterations(20_000), IterationListener.NONE);
        } catch (InvalidInputException rejected) {
            return;
        }
        assertEquals(SolverStatus.CONVERGED, r.status(), "stalled: " + r + ", point " + Arrays.toString(r.point()));
    }
}
