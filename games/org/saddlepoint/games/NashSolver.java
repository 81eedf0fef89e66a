package org.saddlepoint.games;

import java.util.Objects;

import org.saddlepoint.solvers.firstorder.Extragradient;
import org.saddlepoint.solvers.firstorder.OptimisticGradient;
import org.saddlepoint.solvers.firstorder.RestartedHalpernPdhg;
import org.saddlepoint.solvers.iteration.SolverResult;
import org.saddlepoint.solvers.iteration.StoppingRule;
import org.saddlepoint.solvers.kernels.KernelBackend;
import org.saddlepoint.solvers.kernels.Precision;
import org.saddlepoint.solvers.linalg.SpectralNorm;
import org.saddlepoint.solvers.operators.BilinearSaddleProblem;
import org.saddlepoint.solvers.operators.Geometry;
import org.saddlepoint.solvers.regret.Averaging;
import org.saddlepoint.solvers.regret.DeviceRegretMatchingPlus;
import org.saddlepoint.solvers.regret.Hedge;
import org.saddlepoint.solvers.regret.RestartedRegretMatchingPlus;
import org.saddlepoint.solvers.regret.RestrictedGameRegretMatchingPlus;
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
    /** The fastest iterative method measured (bench/README.md): the default beyond small games and tiny tolerances. */
    public static final NashMethod DEFAULT_ITERATIVE_METHOD = NashMethod.RESTRICTED_RM_PLUS;
    /** Games with at most this many payoff entries go to the LP by default: it is exact and takes milliseconds. */
    public static final int SMALL_GAME_ENTRIES = 50 * 50;
    /** Relative tolerances below this go to the LP by default: first-order methods would need too many passes. */
    public static final double EXACT_TOLERANCE = 1e-9;

    /** Certificate checks: every this many iterations (a check costs about one pass over A). */
    private static final int CHECK_INTERVAL = 10;
    /** Checkpoints without a new minimum after which a float run is STALLED (10,000 iterations). */
    static final int FLOAT_STALL_CHECKPOINTS = 1000;
    /** Hedge's step in units of 1 / (max A - min A) for {@link NashMethod#MWU}. */
    private static final double MWU_STEP = 5.0;
    /** Safety factor on step sizes derived from the estimated spectral norm. */
    private static final double STEP_SAFETY = 0.99;

    private NashSolver() {
    }

    /** Solves with {@link #defaultMethod(MatrixGame, NashOptions)}. */
    public static MatrixGameSolution solve(MatrixGame game, NashOptions options) {
        return solve(game, defaultMethod(game, options), options);
    }

    /**
     * The fastest method that reaches the tolerance, from the measurements in bench/README.md:
     * the LP for small games (at most {@link #SMALL_GAME_ENTRIES} entries) and for relative
     * tolerances below {@link #EXACT_TOLERANCE}; otherwise {@link #DEFAULT_ITERATIVE_METHOD},
     * restricted-game regret matching+, which needed the fewest passes over A to relative gap 1e-6
     * on 500 x 500 and 2000 x 2000 random games (at n = 2000: 1,487 against 3,664 for restarted
     * RM+, about 4,500 for restarted Halpern PDHG and 6,890 for RM+).
     */
    public static NashMethod defaultMethod(MatrixGame game, NashOptions options) {
        boolean small = (long) game.rows() * game.cols() <= SMALL_GAME_ENTRIES;
        return small || options.relativeTolerance() < EXACT_TOLERANCE ? NashMethod.LP : DEFAULT_ITERATIVE_METHOD;
    }

    public static MatrixGameSolution solve(MatrixGame game, NashMethod method, NashOptions options) {
        Objects.requireNonNull(game, "game");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(options, "options");
        if (method == NashMethod.LP) {
            return MatrixGameLp.solve(game, options.lpBackend(), options.timeLimitSeconds(), pdlpTolerance(options));
        }
        long start = System.nanoTime();
        StoppingRule rule = options.stoppingRule(game, CHECK_INTERVAL);
        SolverResult result = switch (method) {
            case EXTRAGRADIENT -> euclidean(game, rule, options, false);
            case OPTIMISTIC -> euclidean(game, rule, options, true);
            case HALPERN -> halpern(game, rule, options);
            case MWU -> multiplicativeWeights(game).solve(game.asSaddleProblem(), rule, options.listener());
            case RM_PLUS -> regretMatchingPlus(game, rule, options);
            case PRM_PLUS -> SelfPlay.predictiveRegretMatchingPlus()
                    .solve(game.asSaddleProblem(), rule, options.listener());
            case RESTARTED_RM_PLUS -> new RestartedRegretMatchingPlus()
                    .solve(game.asSaddleProblem(), rule, options.listener());
            case RESTRICTED_RM_PLUS -> new RestrictedGameRegretMatchingPlus()
                    .solve(game.asSaddleProblem(), rule, options.listener());
            case LP -> throw new IllegalStateException("handled above");
        };
        BilinearSaddleProblem saddle = game.asSaddleProblem();
        double[] point = result.point();
        return new MatrixGameSolution(game, result.method(), result.status(), saddle.maxPart(point),
                saddle.minPart(point), result.iterations(), (System.nanoTime() - start) * 1e-9, result.history());
    }

    /**
     * CFR+ ({@link SelfPlay#regretMatchingPlus()}) in plain Java for the JAVA backend in double;
     * otherwise the same algorithm on the kernels ({@link DeviceRegretMatchingPlus}, in the options'
     * precision), certified in double on the host. In float, a run whose double gap has not reached a
     * new minimum for {@value #FLOAT_STALL_CHECKPOINTS} checkpoints stops as STALLED rather than spend
     * its budget: float iterations have a rounding floor (on a 300 x 300 random game the float gap
     * stopped falling near relative 2.5e-7 and then rose, where double went on to 6e-8 in 100,000
     * iterations), and a run that makes no progress for that long cannot be told from one at its floor.
     */
    private static SolverResult regretMatchingPlus(MatrixGame game, StoppingRule rule, NashOptions options) {
        if (options.backend() == KernelBackend.JAVA && options.precision() == Precision.DOUBLE) {
            return SelfPlay.regretMatchingPlus().solve(game.asSaddleProblem(), rule, options.listener());
        }
        StoppingRule deviceRule = options.precision() == Precision.FLOAT
                ? rule.withStallCheckpoints(FLOAT_STALL_CHECKPOINTS) : rule;
        return new DeviceRegretMatchingPlus(options.backend(), options.precision())
                .solve(game.payoff(), deviceRule, options.listener());
    }

    /**
     * Alternating self-play of Hedge with the constant step {@value #MWU_STEP} / (max A - min A),
     * uniform averaging (alternating mirror descent: Wibisono, Tao and Piliouras, NeurIPS 2022).
     * Measured on random games of 30 to 300 actions, alternation with this step reaches relative
     * gap 1e-4 in under 10,000 rounds, where the simultaneous anytime-step Hedge of Freund and
     * Schapire is still near 4e-4 after 300,000; a constant step stalls at a gap that grows with
     * the step, so use {@link SelfPlay} with {@link Hedge#fixed} directly for tighter tolerances.
     */
    private static SelfPlay multiplicativeWeights(MatrixGame game) {
        double range = game.payoffRange();
        double step = MWU_STEP / (range > 0 ? range : 1.0);
        return new SelfPlay(n -> Hedge.fixed(n, step), true, Averaging.UNIFORM);
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

    /**
     * Reflected restarted Halpern PDHG with tau = sigma = 0.99/||A - mean A||_2, its gap checked at
     * every iteration: there the gap costs no pass over A ({@link RestartedHalpernPdhg}).
     */
    private static SolverResult halpern(MatrixGame game, StoppingRule rule, NashOptions options) {
        BilinearSaddleProblem centred = centred(game);
        double step = STEP_SAFETY / spectralNorm(centred);
        return new RestartedHalpernPdhg(step, step).solve(centred, rule.withCheckInterval(1), options.listener());
    }

    /**
     * PDLP's relative optimality tolerance for a relative gap tolerance: half of it (PDLP's gap
     * came out within twice its tolerance in the tests), and PDLP's default for tolerance 0.
     */
    private static double pdlpTolerance(NashOptions options) {
        double tol = options.relativeTolerance() / 2;
        return tol > 0 ? tol : MatrixGameLp.DEFAULT_PDLP_TOLERANCE;
    }

    private static BilinearSaddleProblem centred(MatrixGame game) {
        return BilinearSaddleProblem.onSimplices(game.payoff().centred());
    }

    /** ||K||_2, at least a tiny positive number so that a constant game gets a finite step. */
    private static double spectralNorm(BilinearSaddleProblem problem) {
        return Math.max(SpectralNorm.estimate(problem.coupling(), 1e-3, 500), Double.MIN_NORMAL);
    }
}
