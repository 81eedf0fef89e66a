package org.saddlepoint.solvers.firstorder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.saddlepoint.solvers.InvalidInputException;
import org.saddlepoint.solvers.iteration.IterationListener;
import org.saddlepoint.solvers.iteration.SolverResult;
import org.saddlepoint.solvers.iteration.SolverStatus;
import org.saddlepoint.solvers.iteration.StoppingRule;
import org.saddlepoint.solvers.linalg.DenseMatrix;
import org.saddlepoint.solvers.operators.BilinearSaddleProblem;
import org.saddlepoint.solvers.operators.CountingOperator;
import org.saddlepoint.solvers.operators.GameFixtures;

/**
 * Reflected restarted Halpern PDHG: its answers against support enumeration on small games, and
 * its bookkeeping (two passes over K per iteration, the gap at T(u) from carried products equal
 * to the gap recomputed from scratch at the returned point).
 */
class RestartedHalpernPdhgTest {

    private static RestartedHalpernPdhg solver(double[][] a) {
        double step = 0.99 / GameFixtures.spectralNormEjml(a);
        return new RestartedHalpernPdhg(step, step);
    }

    @Property(tries = 60)
    void theValueLiesWithinTheGapOfTheSupportEnumerationValue(@ForAll @IntRange(min = 1, max = 4) int m,
                                                              @ForAll @IntRange(min = 1, max = 4) int n,
                                                              @ForAll long seed) {
        double[][] a = GameFixtures.randomMatrix(seed, m, n);
        GameFixtures.Equilibrium reference = GameFixtures.supportEnumeration(a);
        Assume.that(reference != null);
        BilinearSaddleProblem p = GameFixtures.game(a);
        SolverResult r = solver(a).solve(p, StoppingRule.DEFAULT.withTolerance(1e-9).withCheckInterval(1),
                IterationListener.NONE);

        assertEquals(SolverStatus.CONVERGED, r.status(), r.toString());
        double[] x = p.maxPart(r.point());
        double[] y = p.minPart(r.point());
        assertTrue(p.domain().contains(r.point(), 1e-12));
        double gap = GameFixtures.bruteForceGap(a, x, y);
        assertTrue(gap <= 1e-9 + 1e-12, "gap " + gap);
        assertTrue(Math.abs(GameFixtures.bilinear(a, x, y) - reference.value()) <= gap + 1e-12);
    }

    @Test
    void eachIterationCostsTwoPassesAndItsGapIsTheGapAtTheReturnedPoint() {
        double[][] a = GameFixtures.randomMatrix(11, 30, 40);
        for (int iterations : new int[] {1, 2, 7, 60, 400}) {
            CountingOperator k = new CountingOperator(DenseMatrix.of(a));
            BilinearSaddleProblem counted = BilinearSaddleProblem.onSimplices(k);
            StoppingRule rule = StoppingRule.DEFAULT.withTolerance(0).withMaxIterations(iterations).withCheckInterval(1);
            SolverResult r = solver(a).solve(counted, rule, IterationListener.NONE);

            assertEquals(iterations, r.iterations());
            assertArrayEquals(new int[] {iterations, iterations, 1}, k.counts(), "multiply, transpose, both");
            assertEquals(iterations + 1, r.history().size());
            BilinearSaddleProblem p = GameFixtures.game(a);
            double fresh = GameFixtures.bruteForceGap(a, p.maxPart(r.point()), p.minPart(r.point()));
            assertEquals(fresh, r.certificate(), 1e-12, "after " + iterations + " iterations");
        }
    }

    /**
     * No stage can end before the second iteration, so the first two evaluate the PDHG map at the
     * centre u_0 and at u_1 = (u_0 + 2 T(u_0) - u_0) / 2, as the generic reflected Halpern iteration
     * on {@link PrimalDualHybridGradientMap} does (which computes every product afresh, and counts
     * the first evaluation T(u_1) as its iteration 1): this checks the products carried through
     * the Halpern step.
     */
    @Test
    void theFirstTwoIterationsAreThoseOfReflectedHalpernOnThePdhgMap() {
        double[][] a = GameFixtures.randomMatrix(5, 6, 9);
        BilinearSaddleProblem p = GameFixtures.game(a);
        double step = 0.99 / GameFixtures.spectralNormEjml(a);
        var map = new PrimalDualHybridGradientMap(p, step, step);
        double[] centre = p.domain().center();
        double[] tu0 = new double[centre.length];
        map.apply(centre, tu0);
        StoppingRule one = StoppingRule.DEFAULT.withTolerance(0).withMaxIterations(1);
        assertArrayEquals(tu0, solver(a).solve(p, one, IterationListener.NONE).point(), 1e-14);

        var vi = p.asVariationalInequality();
        double[] tu1 = new HalpernIteration(v -> map, false, 1.0).solve(vi, centre, one, IterationListener.NONE).point();
        assertArrayEquals(tu1, solver(a).solve(p, one.withMaxIterations(2), IterationListener.NONE).point(), 1e-14);
    }

    @Test
    void aGameWithASaddlePointInPureStrategiesIsSolvedExactly() {
        double[][] a = {{3, 1, 4}, {2, 0, 1}};
        BilinearSaddleProblem p = GameFixtures.game(a);
        SolverResult r = solver(a).solve(p, StoppingRule.DEFAULT.withTolerance(0).withMaxIterations(2000),
                IterationListener.NONE);
        assertArrayEquals(new double[] {1, 0, 0, 1, 0}, r.point(), 1e-9);
    }

    @Test
    void nonPositiveOrNanStepsThrow() {
        assertThrows(InvalidInputException.class, () -> new RestartedHalpernPdhg(0, 1));
        assertThrows(InvalidInputException.class, () -> new RestartedHalpernPdhg(1, Double.NaN));
    }
}
