package org.saddlepoint.solvers.regret;

import java.util.Arrays;
import java.util.function.DoubleSupplier;
import java.util.stream.IntStream;

import org.saddlepoint.solvers.InvalidInputException;
import org.saddlepoint.solvers.iteration.IterationListener;
import org.saddlepoint.solvers.iteration.IterationMonitor;
import org.saddlepoint.solvers.iteration.SolverResult;
import org.saddlepoint.solvers.iteration.SolverStatus;
import org.saddlepoint.solvers.iteration.StoppingRule;
import org.saddlepoint.solvers.linalg.DenseMatrix;
import org.saddlepoint.solvers.linalg.Vectors;
import org.saddlepoint.solvers.operators.BilinearSaddleProblem;

/**
 * Restricted-game regret matching+: {@link RestartedRegretMatchingPlus} on the full matrix game
 * until its duality gap is {@value #SWITCH_GAP} of the payoff range, then on restricted games
 * A[S, T] of the strategies whose payoff against the current profile is within
 * {@value #MARGIN_FACTOR} times its gap of the best response, chosen again each time the gap has
 * fallen tenfold and whenever a profile solving the restricted game is not yet certified on the
 * full game: S and T then take in the strategies that beat the restricted game's value, the
 * best responses among them, as in the double oracle (McMahan, Gordon and Blum, "Planning in the
 * presence of cost functions controlled by an adversary", ICML 2003), and drop those that fell
 * out of the margin. The equilibria of uniform random n x n games have supports of about n/2 per
 * player, so near the end a round of the restricted game streams about a quarter of A.
 *
 * <p>A restricted phase: A[S, T] is copied into a contiguous matrix, and restarted RM+ runs on it
 * warm-started from the current profile restricted to S and T (renormalised, uniform where it puts
 * no mass there), each learner's regrets at the scale ||R||_1 it had reached (see
 * {@link RegretMatchingPlus#restartAt(double[], double)}). When its gap has fallen to
 * {@value #RECHOOSE_DECAY} times the gap at which S and T were chosen, or to
 * {@value #RESTRICTED_FACTOR} times the tolerance, its profile, embedded with zeros outside S and
 * T, is certified on the full game by one product pair: done if that gap meets the tolerance;
 * otherwise the {@link SupportCrossover} tries to complete the supports that the profile suggests
 * into an exact equilibrium (one factorization of order about the support size, and a small
 * linear complementarity problem), done if that meets the tolerance; otherwise S and T are chosen
 * by the rule above from the full products and a new phase starts from that profile.
 *
 * <p>With the crossover, on uniform random 2000 x 2000 games the run ends in an exact equilibrium
 * (gap about 2e-13 of the range) once a restricted phase has brought the gap to about 5e-5: at
 * game seed 20240917 after 250 rounds, the crossover on a core of 961 strategies per player with
 * 283 uncertain ones, 0.6 to 0.67 s in all on two threads; on seeds 1 to 4, 0.5 to 0.9 s (seeds 1 and 2
 * needed a second factorization after a core strategy came out with negative weight). On 500 x 500
 * games, seeds 1 to 5, 0.04 to 0.07 s where the run without the crossover took about 0.19 s.
 *
 * <p>Without the crossover (margin 30), measured in passes over A (entries streamed by products
 * and sub-matrix copies, divided by m n) to relative gap 1e-6 on uniform random games: at
 * n = 2000 (game seed 20240917) 1,487
 * against 3,664 for restarted RM+ and 6,890 for plain alternating RM+ (2.5 and 4.6 times fewer);
 * at n = 500, five seeds, 1,272 to 2,067 against 3,464 to 6,544 for restarted RM+ (2.5 to 3.2
 * times fewer on each seed). The equilibria had supports of 242 to 254 of 500 and about 1,010 of 2,000
 * strategies per player; the last restricted games had 242 to 254 and 1,014. Counts of RM+
 * move erratically with small changes (as noted in {@link RestartedRegretMatchingPlus}): switch
 * levels 1e-4 to 1e-1 and margins of 10 and 30 gaps gave 2.0 to 2.5 times fewer passes than
 * restarted RM+ at n = 2000 when S and T are chosen again every decade, and 1.0 to 2.0 when they
 * are only grown (switch levels 1e-3 to 1e-5, margins 3 to 100, restricted tolerances 0.5 to 0.9);
 * these constants were among the best at both sizes. A margin of 1 lost strategies of the support
 * and needed many restricted phases; warm-starting the restricted learners with fresh regrets or
 * a smaller regret scale took 1.3 to 4 times more rounds.
 *
 * <p>The certificate is always the full-game gap recomputed from the returned strategies: in the
 * full phase as in {@link RestartedRegretMatchingPlus}; in the restricted phases the gap of the
 * best embedded profile certified so far (starting with the profile the first phase started
 * from), so a run stopped by its time limit, iteration cap or an interrupt returns that profile.
 * One iteration is one round, of the full or a restricted game. The coupling must be a
 * {@link DenseMatrix} (its entries are copied). The same inputs give bitwise the same result.
 */
public final class RestrictedGameRegretMatchingPlus {
    /** The restricted phases start when the full game's gap is at most this fraction of max A - min A. */
    static final double SWITCH_GAP = 1e-2;
    /**
     * Strategies whose payoff is within this many gaps of the best response make the restricted
     * game. With the crossover, at n = 2000 (seed 20240917, tolerance 1e-6) margins of 20, 10, 5
     * and 3 took 0.76, 0.60, 0.53 and 0.89 s: smaller restricted games reach the crossover sooner,
     * until they lose support strategies and need more phases; 10 keeps a safety factor.
     */
    static final double MARGIN_FACTOR = 10;
    /** S and T are chosen again when the restricted gap has fallen to this fraction of the full gap they were chosen at. */
    static final double RECHOOSE_DECAY = 0.1;
    /** A restricted game is solved to this fraction of the tolerance before the full-game check. */
    static final double RESTRICTED_FACTOR = 0.9;

    public String name() {
        return "restricted-game regret matching+ (restarted, alternating, linear averaging, support crossover)";
    }

    public SolverResult solve(BilinearSaddleProblem problem, StoppingRule rule) {
        return solve(problem, rule, IterationListener.NONE);
    }

    /** Plays full, then restricted rounds until {@code rule} stops; returns the certified profile. */
    public SolverResult solve(BilinearSaddleProblem problem, StoppingRule rule, IterationListener listener) {
        SelfPlay.requireSimplices(problem);
        if (!(problem.coupling() instanceof DenseMatrix)) {
            throw new InvalidInputException("restricted-game regret matching+ copies sub-matrices and needs a dense"
                    + " matrix coupling, got " + problem.coupling().getClass().getSimpleName());
        }
        IterationMonitor monitor = new IterationMonitor(rule, listener);
        Phases phases = new Phases(problem, rule.tolerance(), () -> rule.timeLimitSeconds() - monitor.elapsedSeconds());
        SolverStatus status = monitor.start(phases.full.restart(problem.gap(phases.full.last)));
        int k = 0;
        while (status == null) {
            k++;
            phases.round();
            status = monitor.advance(k, phases::certify);
        }
        double[] point = k == 0 ? phases.full.last : phases.point();
        return new SolverResult(name(), status, k, monitor.elapsedSeconds(), monitor.lastCertificate(),
                point, phases.embed(phases.stages().last), phases.embed(phases.stages().average), monitor.history());
    }

    /**
     * The strategies whose payoff is within {@code margin} of the best: the largest for the row
     * player ({@code maximize}), the smallest for the column player, who pays it.
     */
    static int[] nearBest(double[] payoff, double margin, boolean maximize) {
        double best = maximize ? Vectors.max(payoff) : Vectors.min(payoff);
        return IntStream.range(0, payoff.length)
                .filter(r -> maximize ? payoff[r] >= best - margin : payoff[r] <= best + margin).toArray();
    }

    /** The full game's stages, then the restricted game's, with the best certified embedded profile. */
    private static final class Phases {
        private final BilinearSaddleProblem problem;
        private final DenseMatrix a;
        private final double tolerance;
        private final double switchGap;
        final RestartStages full;
        private final SupportCrossover crossover;
        private final DoubleSupplier secondsLeft;
        private RestartStages restricted;
        private int[] rows;
        private int[] cols;
        private double chosenAtGap;
        private double[] certified;
        private double certifiedGap;

        Phases(BilinearSaddleProblem problem, double tolerance, DoubleSupplier secondsLeft) {
            this.problem = problem;
            this.secondsLeft = secondsLeft;
            this.a = (DenseMatrix) problem.coupling();
            this.tolerance = tolerance;
            this.switchGap = SWITCH_GAP * (a.max() - a.min());
            this.full = new RestartStages(problem);
            this.crossover = new SupportCrossover(problem);
        }

        /** A round of the current phase; the full phase hands over once its gap is small enough. */
        void round() {
            if (restricted != null) {
                restricted.round();
                return;
            }
            full.round();
            double gap = full.bestGap();
            if (gap > tolerance && gap <= switchGap) {
                certify(full.best().clone(), full.rowScale(), full.columnScale());
            }
        }

        /** The phase's stages. */
        RestartStages stages() {
            return restricted == null ? full : restricted;
        }

        /**
         * The full phase's certificate, or the gap of the best certified profile, after certifying the
         * restricted phase's profile on the full game when its gap has fallen tenfold or met the tolerance.
         */
        double certify() {
            if (restricted == null) {
                return full.certify(tolerance);
            }
            double gap = restricted.bestGap();
            if (gap <= RESTRICTED_FACTOR * tolerance || gap <= RECHOOSE_DECAY * chosenAtGap) {
                certify(embed(restricted.best()), restricted.rowScale(), restricted.columnScale());
            }
            return certifiedGap;
        }

        /** The returned profile: the full phase's best, or the best certified one. */
        double[] point() {
            return restricted == null ? full.best() : certified;
        }

        /**
         * Computes the full gap of {@code p} (one product pair) and keeps p if it is the best so far;
         * unless it meets the tolerance, keeps the crossover's profile from p if that is better, and
         * unless that meets the tolerance, starts a restricted phase from p, at the given regret
         * scales, on the strategies within the margin of the best responses to p.
         */
        private void certify(double[] p, double rowScale, double columnScale) {
            double[] ky = new double[problem.rows()];
            double[] ktx = new double[problem.cols()];
            double gap = keepIfBest(p, ky, ktx);
            if (gap > tolerance) {
                crossover.solve(p, ky, ktx, tolerance, secondsLeft.getAsDouble())
                        .ifPresent(c -> keepIfBest(c.profile(), c.gap()));
            }
            if (certifiedGap > tolerance) {
                double margin = MARGIN_FACTOR * gap;
                restrict(nearBest(ky, margin, true), nearBest(ktx, margin, false), p, gap, rowScale, columnScale);
            }
        }

        /** The full gap of p, with (ky, ktx) = (K y, K^T x); p becomes the certified profile if it is the best so far. */
        private double keepIfBest(double[] p, double[] ky, double[] ktx) {
            a.multiplyBoth(problem.minPart(p), problem.maxPart(p), ky, ktx);
            double gap = problem.gapFromProducts(ky, ktx);
            keepIfBest(p, gap);
            return gap;
        }

        /** p, whose full gap is {@code gap}, becomes the certified profile if it is the best so far. */
        private void keepIfBest(double[] p, double gap) {
            if (certified == null || gap < certifiedGap) {
                certified = p;
                certifiedGap = gap;
            }
        }

        /** A new restricted phase on A[rows, cols] from the full game's profile p, whose gap is {@code gap}. */
        private void restrict(int[] rows, int[] cols, double[] p, double gap, double rowScale, double columnScale) {
            this.rows = rows;
            this.cols = cols;
            chosenAtGap = gap;
            BilinearSaddleProblem game = BilinearSaddleProblem.onSimplices(a.submatrix(rows, cols));
            restricted = new RestartStages(game, restrict(problem.maxPart(p), rows), restrict(problem.minPart(p), cols),
                    rowScale, columnScale);
            restricted.restart(game.gap(restricted.last));
        }

        /** p restricted to {@code index}, renormalised; uniform where p puts no mass there. */
        private static double[] restrict(double[] p, int[] index) {
            double[] q = new double[index.length];
            double sum = 0;
            for (int c = 0; c < index.length; c++) {
                q[c] = p[index[c]];
                sum += q[c];
            }
            if (sum > 0) {
                for (int c = 0; c < q.length; c++) {
                    q[c] /= sum;
                }
            } else {
                Arrays.fill(q, 1.0 / index.length);
            }
            return q;
        }

        /** A profile of the current phase's game as a profile of the full game (zeros outside S and T). */
        double[] embed(double[] u) {
            if (restricted == null) {
                return u;
            }
            int m = problem.rows();
            double[] p = new double[m + problem.cols()];
            for (int r = 0; r < rows.length; r++) {
                p[rows[r]] = u[r];
            }
            for (int c = 0; c < cols.length; c++) {
                p[m + cols[c]] = u[rows.length + c];
            }
            return p;
        }
    }
}
