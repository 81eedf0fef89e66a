package org.saddlepoint.solvers.firstorder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.saddlepoint.solvers.iteration.IterationListener;
import org.saddlepoint.solvers.iteration.SolverResult;
import org.saddlepoint.solvers.iteration.SolverStatus;
import org.saddlepoint.solvers.iteration.StoppingRule;
import org.saddlepoint.solvers.operators.BilinearSaddleProblem;
import org.saddlepoint.solvers.operators.GameFixtures;

/**
 * Every method converges to the closed-form equilibrium of matching pennies, rock-paper-scissors
 * and 2x2 games without a saddle point. For A = [[a, b], [c, d]] in the library's convention
 * (the row player x maximises x^T A y), the row player makes the column player indifferent:
 * x1 a + x2 c = x1 b + x2 d, so x1* = (d - c)/(a + d - b - c); likewise y1* = (d - b)/(a + d - b - c),
 * and the value is (ad - bc)/(a + d - b - c).
 *
 * The steps are 0.9 times the theoretical ones: at exactly eta = 1/max|A_ij| the last iterate of
 * entropic mirror-prox on matching pennies only converges sublinearly (its ergodic average keeps
 * the O(1/k) guarantee, tested in {@link ErgodicBoundTest}).
 */
class ClosedFormGamesTest {

    record Game(String name, double[][] a, double[] x, double[] y, double value) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Game twoByTwo(String name, double a, double b, double c, double d) {
        double s = a + d - b - c;
        double x1 = (d - c) / s;
        double y1 = (d - b) / s;
        return new Game(name, new double[][] {{a, b}, {c, d}}, new double[] {x1, 1 - x1}, new double[] {y1, 1 - y1},
                (a * d - b * c) / s);
    }

    static List<Game> games() {
        List<Game> games = new ArrayList<>();
        games.add(new Game("matching pennies", GameFixtures.MATCHING_PENNIES, new double[] {0.5, 0.5},
                new double[] {0.5, 0.5}, 0));
        double t = 1.0 / 3;
        games.add(new Game("rock-paper-scissors", GameFixtures.ROCK_PAPER_SCISSORS, new double[] {t, t, t},
                new double[] {t, t, t}, 0));
        games.add(twoByTwo("[[3,-1],[-2,1]]", 3, -1, -2, 1));
        games.add(twoByTwo("[[0,5],[4,1]]", 0, 5, 4, 1));
        games.add(twoByTwo("[[-2,3],[3,-4]]", -2, 3, 3, -4));
        // seeded random 2x2 games without a saddle point and with a well-conditioned equilibrium
        Random r = new Random(2024);
        int found = 0;
        while (found < 3) {
            double a = r.nextGaussian();
            double b = r.nextGaussian();
            double c = r.nextGaussian();
            double d = r.nextGaussian();
            Game g = twoByTwo("random 2x2 #" + found, a, b, c, d);
            double maxmin = Math.max(Math.min(a, b), Math.min(c, d));
            double minmax = Math.min(Math.max(a, c), Math.max(b, d));
            if (maxmin < minmax && Math.abs(a + d - b - c) >= 1 && within(g.x()[0]) && within(g.y()[0])) {
                games.add(g);
                found++;
            }
        }
        return games;
    }

    static boolean within(double p) {
        return p >= 0.1 && p <= 0.9;
    }

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (Game g : games()) {
            for (GameMethod m : GameMethod.values()) {
                out.add(Arguments.of(m, g));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("cases")
    void convergesToTheClosedFormEquilibrium(GameMethod method, Game game) {
        // the closed form is itself an equilibrium (independent check by brute force)
        assertTrue(Math.abs(GameFixtures.bruteForceGap(game.a(), game.x(), game.y())) <= 1e-14);
        BilinearSaddleProblem p = GameFixtures.game(game.a());
        int m = game.a().length;
        int n = game.a()[0].length;
        // an interior start away from the equilibrium
        Random r = new Random(7);
        double[] start = GameFixtures.concat(GameFixtures.randomSimplexPoint(r, m), GameFixtures.randomSimplexPoint(r, n));
        StoppingRule rule = StoppingRule.DEFAULT.withTolerance(1e-10).withMaxIterations(200_000).withCheckInterval(1);
        SolverResult res = method.create(p, 0.9).solve(p.asVariationalInequality(), start, rule, IterationListener.NONE);
        assertEquals(SolverStatus.CONVERGED, res.status(), res.toString());
        double[] u = res.point();
        assertEquals(res.certificate(), p.gap(u), 0.0, "the reported certificate is the point's gap");
        assertArrayEquals(game.x(), p.maxPart(u), 1e-8, "row player");
        assertArrayEquals(game.y(), p.minPart(u), 1e-8, "column player");
        assertEquals(game.value(), GameFixtures.bilinear(game.a(), p.maxPart(u), p.minPart(u)), 1e-9);
    }
}
