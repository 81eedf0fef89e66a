package org.saddlepoint.solvers.regret;

import java.util.Objects;
import java.util.function.DoubleSupplier;
import java.util.function.IntFunction;

import org.saddlepoint.solvers.InvalidInputException;
import org.saddlepoint.solvers.firstorder.IterateCertifier;
import org.saddlepoint.solvers.iteration.IterationListener;
import org.saddlepoint.solvers.iteration.IterationMonitor;
import org.saddlepoint.solvers.iteration.SolverResult;
import org.saddlepoint.solvers.iteration.SolverStatus;
import org.saddlepoint.solvers.iteration.StoppingRule;
import org.saddlepoint.solvers.linalg.LinearOperator;
import org.saddlepoint.solvers.operators.BilinearSaddleProblem;
import org.saddlepoint.solvers.operators.Domain;

/**
 * Self-play of two no-regret learners on the matrix game max_{x in simplex} min_{y in simplex}
 * x^T K y: the row learner gains K y, the column learner gains -K^T x. If both have external
 * regret at most R_T after T rounds, the uniformly averaged strategies have duality gap at most
 * 2 R_T / T (Freund and Schapire, "Adaptive game playing using multiplicative weights", GEB
 * 29, 1999); weighted averages and alternation are the practical accelerations of CFR+.
 * <ul>
 *   <li>Simultaneous: round t plays x_t and y_t (the learners' current strategies); one fused
 *       pass over K gives K y_t and K^T x_t.</li>
 *   <li>Alternating (Tammelin, Burch, Johanson and Bowling, IJCAI 2015; the self-play with
 *       alternation of Farina et al.): round t plays x_t, the column learner observes
 *       -K^T x_t and answers with y_t, then the row learner observes K y_t. Two products per
 *       round.</li>
 * </ul>
 * The average weighs (x_t, y_t) by the {@link Averaging}. The certificate is the duality gap
 * max_i (K y)_i - min_j (K^T x)_j of the better of the last profile (x_t, y_t) and the
 * average; points are stacked as u = (x, y). The learners are created afresh for every solve,
 * so with deterministic factories the same inputs give bitwise the same result. The
 * constructor asks each factory for a one-action learner, to read its name.
 */
public final class SelfPlay {
    private final IntFunction<? extends RegretMinimizer> rowLearners;
    private final IntFunction<? extends RegretMinimizer> columnLearners;
    private final boolean alternating;
    private final Averaging averaging;
    private final String name;

    /** Both players run the learner {@code learners} makes for their number of actions. */
    public SelfPlay(IntFunction<? extends RegretMinimizer> learners, boolean alternating, Averaging averaging) {
        this(learners, learners, alternating, averaging);
    }

    /**
     * @param rowLearners    makes the row (maximizing) player's learner for a given number of actions
     * @param columnLearners makes the column (minimizing) player's learner
     * @param alternating    Tammelin's alternation when true, simultaneous play otherwise
     * @param averaging      the weights of the averaged strategies
     */
    public SelfPlay(IntFunction<? extends RegretMinimizer> rowLearners,
                    IntFunction<? extends RegretMinimizer> columnLearners, boolean alternating, Averaging averaging) {
        this.rowLearners = Objects.requireNonNull(rowLearners, "rowLearners");
        this.columnLearners = Objects.requireNonNull(columnLearners, "columnLearners");
        this.alternating = alternating;
        this.averaging = Objects.requireNonNull(averaging, "averaging");
        this.name = describe(learner(rowLearners, 1), learner(columnLearners, 1));
    }

    /** CFR+ on a matrix game: alternating regret matching+ with linear averaging. */
    public static SelfPlay regretMatchingPlus() {
        return new SelfPlay(RegretMatchingPlus::new, true, Averaging.LINEAR);
    }

    /** Predictive CFR+ on a matrix game: alternating predictive regret matching+, quadratic averaging. */
    public static SelfPlay predictiveRegretMatchingPlus() {
        return new SelfPlay(PredictiveRegretMatchingPlus::new, true, Averaging.QUADRATIC);
    }

    /** For example "regret matching+ self-play (alternating, linear averaging)". */
    public String name() {
        return name;
    }

    public SolverResult solve(BilinearSaddleProblem problem, StoppingRule rule) {
        return solve(problem, rule, IterationListener.NONE);
    }

    /** Plays rounds until {@code rule} stops; certifies the better of the last and average profile. */
    public SolverResult solve(BilinearSaddleProblem problem, StoppingRule rule, IterationListener listener) {
        requireSimplices(problem);
        Rounds rounds = new Rounds(problem.coupling(), learner(rowLearners, problem.rows()),
                learner(columnLearners, problem.cols()));
        double[] avg = rounds.last.clone();
        IterateCertifier certifier = new IterateCertifier(problem.gapCertificate());
        IterationMonitor monitor = new IterationMonitor(rule, listener);
        SolverStatus status = monitor.start(problem.gap(rounds.last));
        DoubleSupplier certificate = () -> certifier.certify(rounds.last, avg);
        int k = 0;
        while (status == null) {
            k++;
            if (alternating) {
                rounds.alternating();
            } else {
                rounds.simultaneous();
            }
            averaging.accumulate(avg, rounds.last, k);
            status = monitor.advance(k, certificate);
        }
        double[] point = k == 0 ? rounds.last : certifier.point(rounds.last, avg);
        return new SolverResult(name, status, k, monitor.elapsedSeconds(), monitor.lastCertificate(),
                point, rounds.last, avg, monitor.history());
    }

    private String describe(RegretMinimizer row, RegretMinimizer column) {
        String players = row.name().equals(column.name()) ? row.name() : row.name() + " vs " + column.name();
        return players + " self-play (" + (alternating ? "alternating" : "simultaneous") + ", "
                + averaging.description() + ")";
    }

    private static RegretMinimizer learner(IntFunction<? extends RegretMinimizer> factory, int n) {
        RegretMinimizer learner = factory.apply(n);
        if (learner == null || learner.dimension() != n) {
            throw new InvalidInputException("the learner factory, asked for " + n + " action(s), returned "
                    + (learner == null ? "null" : "a learner over " + learner.dimension()));
        }
        return learner;
    }

    /** An {@link InvalidInputException} unless both players' domains are single probability simplices. */
    static void requireSimplices(BilinearSaddleProblem problem) {
        requireSimplex("max", problem.maxDomain());
        requireSimplex("min", problem.minDomain());
    }

    private static void requireSimplex(String side, Domain domain) {
        if (domain.blocks().size() != 1 || !domain.isSimplexProduct()) {
            throw new InvalidInputException("self-play needs a probability simplex as the " + side
                    + " player's domain, got " + domain.blocks());
        }
    }

    /** The two learners, the product buffers and the last profile (x_t, y_t), stacked. */
    private static final class Rounds {
        private final LinearOperator k;
        private final RegretMinimizer row;
        private final RegretMinimizer column;
        private final double[] rowUtility;
        private final double[] columnUtility;
        private final double[] last;

        Rounds(LinearOperator k, RegretMinimizer row, RegretMinimizer column) {
            this.k = k;
            this.row = row;
            this.column = column;
            this.rowUtility = new double[k.rows()];
            this.columnUtility = new double[k.cols()];
            this.last = new double[k.rows() + k.cols()];
            recordRow();
            recordColumn();
        }

        /** x_t; the column learner observes -K^T x_t and answers y_t; the row learner observes K y_t. */
        void alternating() {
            double[] x = recordRow();
            k.multiplyTranspose(x, columnUtility);
            negate(columnUtility);
            column.observe(columnUtility);
            k.multiply(recordColumn(), rowUtility);
            row.observe(rowUtility);
        }

        /** (x_t, y_t); one pass over K for K y_t and K^T x_t; both learners observe. */
        void simultaneous() {
            double[] x = recordRow();
            double[] y = recordColumn();
            k.multiplyBoth(y, x, rowUtility, columnUtility);
            negate(columnUtility);
            row.observe(rowUtility);
            column.observe(columnUtility);
        }

        private double[] recordRow() {
            double[] x = row.strategy();
            System.arraycopy(x, 0, last, 0, x.length);
            return x;
        }

        private double[] recordColumn() {
            double[] y = column.strategy();
            System.arraycopy(y, 0, last, rowUtility.length, y.length);
            return y;
        }

        private static void negate(double[] v) {
            for (int i = 0; i < v.length; i++) {
                v[i] = -v[i];
            }
        }
    }
}
