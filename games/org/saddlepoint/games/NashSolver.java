package org.saddlepoint.games;

import java.util.Objects;

import org.saddlepoint.solvers.firstorder.Extragradient;
import org.saddlepoint.solvers.firstorder.HalpernIteration;
import org.saddlepoint.solvers.firstorder.OptimisticGradient;
import org.saddlepoint.solvers.firstorder.PrimalDualHybridGradientMap;
import org.saddlepoint.solvers.iteration.SolverResult;
import org.saddlepoint.solvers.iteration.StoppingRule;
import org.saddlepoint.solvers.linalg.DenseMatrix;
import org.saddlepoint.solvers.linalg.SpectralNorm;
import org.saddlepoint.solvers.operators.BilinearSaddleProblem;
import org.saddlepoint.solvers.operators.Geometry;
import org.saddlepoint.solvers.regret.Averaging;
import org.saddlepoint.solvers.regret.Hedge;
import org.saddlepoint.solvers.regret.SelfPlay;

/**
 * Computes Nash equilibria of matrix games, exactly (LP) or by a certified first-order method.
 * Every solution is certified by its duality gap, recomputed from the returned strategies on
 * the original payoffs.
 *
 * <p>The Euclidean methods run on the centred payoff A - mean(A): adding a constant to every
 * payoff changes neither the equilibria nor the gap, and removes the rank-one component that
 * dominates ||A||_2 (for uniform random A it shrinks ||A||_2 from about n/2 to about sqrt(n)),
 * so the admissible step 1/||A||_2 grows by that factor.
 */
public final class NashSolver {
    /** The method {@link #solve(MatrixGame, NashOptions)} uses (see bench/README.md for the measurements). */
    public static final NashMethod DEFAULT_METHOD = NashMethod.HALPERN;

    /** Certificate checks: every this many iterations (a check costs about one pass over A). */
    private static final int CHECK_INTERVAL = 10;
    /** Safety factor on step sizes derived from the estimated spectral norm. */
    private static final double STEP_SAFETY = 0.99;

    private NashSolver() {
    }

    /** Solves with {@link #DEFAULT_METHOD}. */
    public static MatrixGameSolution solve(MatrixGame game, NashOptions options) {
        return solve(game, DEFAULT_METHOD, options);
    }

    public static MatrixGameSolution solve(MatrixGame game, NashMethod method, NashOptions options) {
        Objects.requireNonNull(game, "game");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(options, "options");
        if (method == NashMethod.LP) {
            return MatrixGameLp.solve(game, options.lpBackend(), options.timeLimitSeconds());
        }
        long start = System.nanoTime();
        StoppingRule rule = options.stoppingRule(game, CHECK_INTERVAL);
        SolverResult result = switch (method) {
            case EXTRAGRADIENT -> euclidean(game, rule, options, false);
            case OPTIMISTIC -> euclidean(game, rule, options, true);
            case HALPERN -> halpern(game, rule, options);
            case MWU -> new SelfPlay(Hedge::adaptive, false, Averaging.UNIFORM)
                    .solve(game.asSaddleProblem(), rule, options.listener());
            case RM_PLUS -> SelfPlay.regretMatchingPlus().solve(game.asSaddleProblem(), rule, options.listener());
            case PRM_PLUS -> SelfPlay.predictiveRegretMatchingPlus()
                    .solve(game.asSaddleProblem(), rule, options.listener());
            case LP -> throw new IllegalStateException("handled above");
        };
        BilinearSaddleProblem saddle = game.asSaddleProblem();
        double[] point = result.point();
        return new MatrixGameSolution(game, result.method(), result.status(), saddle.maxPart(point),
                saddle.minPart(point), result.iterations(), (System.nanoTime() - start) * 1e-9, result.history());
    }

    /** Extragradient (step 1/L) or optimistic gradient (step 1/(2L)), L = ||A - mean A||_2. */
    private static SolverResult euclidean(MatrixGame game, StoppingRule rule, NashOptions options, boolean optimistic) {
        BilinearSaddleProblem centred = centred(game);
        double lipschitz = spectralNorm(centred);
        var solver = optimistic
                ? new OptimisticGradient(Geometry.EUCLIDEAN, STEP_SAFETY / (2 * lipschitz))
                : new Extragradient(Geometry.EUCLIDEAN, STEP_SAFETY / lipschitz);
        var vi = centred.asVariationalInequality();
        return solver.solve(vi, vi.domain().center(), rule, options.listener());
    }

    /** Restarted reflected Halpern iteration on the PDHG map with tau = sigma = 0.99/||A - mean A||_2. */
    private static SolverResult halpern(MatrixGame game, StoppingRule rule, NashOptions options) {
        BilinearSaddleProblem centred = centred(game);
        double step = STEP_SAFETY / spectralNorm(centred);
        var solver = new HalpernIteration(vi -> new PrimalDualHybridGradientMap(centred, step, step), true, 1.0);
        var vi = centred.asVariationalInequality();
        return solver.solve(vi, vi.domain().center(), rule, options.listener());
    }

    private static BilinearSaddleProblem centred(MatrixGame game) {
        double[] a = game.payoff().toRowMajor();
        double mean = 0;
        for (double v : a) {
            mean += v;
        }
        mean /= a.length;
        for (int k = 0; k < a.length; k++) {
            a[k] -= mean;
        }
        return BilinearSaddleProblem.onSimplices(DenseMatrix.ofRowMajor(game.rows(), game.cols(), a));
    }

    /** ||K||_2, at least a tiny positive number so that a constant game gets a finite step. */
    private static double spectralNorm(BilinearSaddleProblem problem) {
        return Math.max(SpectralNorm.estimate(problem.coupling(), 1e-3, 500), Double.MIN_NORMAL);
    }
}
