package org.saddlepoint.solvers.regret;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.DoubleSupplier;

import org.saddlepoint.solvers.firstorder.IterateCertifier;
import org.saddlepoint.solvers.iteration.IterationListener;
import org.saddlepoint.solvers.iteration.IterationMonitor;
import org.saddlepoint.solvers.iteration.SolverResult;
import org.saddlepoint.solvers.iteration.SolverStatus;
import org.saddlepoint.solvers.iteration.StoppingRule;
import org.saddlepoint.solvers.kernels.DeviceMatrix;
import org.saddlepoint.solvers.kernels.DeviceVector;
import org.saddlepoint.solvers.kernels.KernelBackend;
import org.saddlepoint.solvers.kernels.Kernels;
import org.saddlepoint.solvers.kernels.Precision;
import org.saddlepoint.solvers.linalg.DenseMatrix;
import org.saddlepoint.solvers.operators.BilinearSaddleProblem;

/**
 * CFR+ on a matrix game max_x min_y x^T A y, run on a {@link Kernels} backend: the algorithm of
 * {@link SelfPlay#regretMatchingPlus()} (alternating regret matching+, linear averaging; Tammelin,
 * Burch, Johanson and Bowling, IJCAI 2015) with the data resident in the backend.
 *
 * <p>A is uploaded once, in the chosen {@link Precision}. Every round t runs in the backend: the
 * column player observes -A^T x_t and answers y_t (fused RM+ step), the row player observes
 * A y_t, and the linearly weighted averages of x_t and y_t are updated there. The row player's
 * RM+ step is applied at the start of the next round, so that after each round the backend holds
 * the profile (x_t, y_t) itself; the products are the same two per round as in {@link SelfPlay}.
 *
 * <p>Only at the checkpoints of the {@link StoppingRule} are vectors read back: the last profile
 * and the averaged one (never the matrix). They are certified on the host, in double, against the
 * original double matrix: the certificate is always the double duality gap
 * max_i (A y)_i - min_j (A^T x)_j of the better of the two, whatever the backend's precision. In
 * float the strategies read back are renormalised in double onto the simplex before they are
 * certified, so the point returned is exactly what was certified.
 */
public final class DeviceRegretMatchingPlus {
    private final KernelBackend backend;
    private final Precision precision;

    /** Double precision on {@code backend}. */
    public DeviceRegretMatchingPlus(KernelBackend backend) {
        this(backend, Precision.DOUBLE);
    }

    /**
     * @param backend   opened with {@link Kernels#open(KernelBackend, long)} for the matrix's size, which
     *                  falls back to plain Java when OpenCL cannot start
     * @param precision of the matrix and vectors in the backend; the certificate is in double either way
     */
    public DeviceRegretMatchingPlus(KernelBackend backend, Precision precision) {
        this.backend = Objects.requireNonNull(backend, "backend");
        this.precision = Objects.requireNonNull(precision, "precision");
    }

    public KernelBackend backend() {
        return backend;
    }

    public Precision precision() {
        return precision;
    }

    public SolverResult solve(DenseMatrix a, StoppingRule rule) {
        return solve(a, rule, IterationListener.NONE);
    }

    /** Opens the backend, plays rounds until {@code rule} stops, closes the backend. */
    public SolverResult solve(DenseMatrix a, StoppingRule rule, IterationListener listener) {
        try (Kernels kernels = Kernels.open(backend, (long) a.rows() * a.cols())) {
            return solve(kernels, a, rule, listener);
        }
    }

    /**
     * Plays rounds on {@code kernels} (left open; the vectors and matrix made here are freed) until
     * {@code rule} stops; certifies the better of the last and average profile in double.
     */
    public SolverResult solve(Kernels kernels, DenseMatrix a, StoppingRule rule, IterationListener listener) {
        Objects.requireNonNull(kernels, "kernels");
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(rule, "rule");
        try (Rounds rounds = new Rounds(kernels, a, precision)) {
            return run(rounds, a, rule, listener, name(kernels));
        }
    }

    private String name(Kernels kernels) {
        return "regret matching+ self-play (alternating, linear averaging; " + kernels.description() + ", "
                + precision.name().toLowerCase() + ")";
    }

    private static SolverResult run(Rounds rounds, DenseMatrix a, StoppingRule rule, IterationListener listener,
                                    String name) {
        BilinearSaddleProblem problem = BilinearSaddleProblem.onSimplices(a);
        int m = a.rows();
        int n = a.cols();
        double[] last = new double[m + n];
        Arrays.fill(last, 0, m, 1.0 / m);
        Arrays.fill(last, m, m + n, 1.0 / n);
        double[] avg = last.clone();
        IterateCertifier certifier = new IterateCertifier(problem.gapCertificate());
        IterationMonitor monitor = new IterationMonitor(rule, listener);
        SolverStatus status = monitor.start(problem.gap(last));
        DoubleSupplier certificate = () -> {
            rounds.readBack(last, avg);
            return certifier.certify(last, avg);
        };
        int k = 0;
        while (status == null) {
            k++;
            rounds.play(Averaging.LINEAR.fraction(k));
            status = monitor.advance(k, certificate);
        }
        double[] point = k == 0 ? last : certifier.point(last, avg);
        return new SolverResult(name, status, k, monitor.elapsedSeconds(), monitor.lastCertificate(), point, last,
                avg, monitor.history());
    }

    /** The backend's copies of A, both players' regrets, strategies, utilities and averages. */
    private static final class Rounds implements AutoCloseable {
        private final Kernels k;
        private final Precision precision;
        private final DeviceMatrix a;
        private final DeviceVector x;
        private final DeviceVector y;
        private final DeviceVector rowRegret;
        private final DeviceVector columnRegret;
        private final DeviceVector rowUtility;
        private final DeviceVector columnUtility;
        private final DeviceVector avgX;
        private final DeviceVector avgY;
        private final DeviceVector[] all;
        private final double[] xHost;
        private final double[] yHost;
        private final float[] xFloat;
        private final float[] yFloat;
        /** The row player has observed A y_{t-1} but not yet updated (deferred to the next round). */
        private boolean rowPending;

        Rounds(Kernels k, DenseMatrix matrix, Precision precision) {
            this.k = k;
            this.precision = precision;
            int m = matrix.rows();
            int n = matrix.cols();
            double[] data = matrix.toRowMajor();
            a = precision == Precision.DOUBLE ? k.matrix(data, m, n) : k.matrix(toFloat(data), m, n);
            double[] ux = uniform(m);
            double[] uy = uniform(n);
            x = upload(ux);
            y = upload(uy);
            avgX = upload(ux);
            avgY = upload(uy);
            rowRegret = k.zeros(precision, m);
            columnRegret = k.zeros(precision, n);
            rowUtility = k.zeros(precision, m);
            columnUtility = k.zeros(precision, n);
            all = new DeviceVector[] {x, y, avgX, avgY, rowRegret, columnRegret, rowUtility, columnUtility};
            xHost = new double[m];
            yHost = new double[n];
            xFloat = precision == Precision.FLOAT ? new float[m] : null;
            yFloat = precision == Precision.FLOAT ? new float[n] : null;
        }

        /**
         * Round t: the row player's deferred RM+ step on A y_{t-1} gives x_t; the column player
         * observes -A^T x_t and answers y_t; A y_t is kept for the next round; the averages take in
         * (x_t, y_t) with weight {@code w} = w_t / W_t.
         */
        void play(double w) {
            if (rowPending) {
                k.regretMatchingPlus(rowRegret, rowUtility, x);
            }
            k.multiplyTranspose(a, x, columnUtility);
            k.scale(columnUtility, -1.0);
            k.regretMatchingPlus(columnRegret, columnUtility, y);
            k.multiply(a, y, rowUtility);
            rowPending = true;
            k.average(avgX, x, w);
            k.average(avgY, y, w);
        }

        /** Reads the last profile (x_t, y_t) and the average, stacked, into the host arrays. */
        void readBack(double[] last, double[] avg) {
            readStacked(x, y, last);
            readStacked(avgX, avgY, avg);
        }

        private void readStacked(DeviceVector first, DeviceVector second, double[] out) {
            read(first, xHost, xFloat);
            read(second, yHost, yFloat);
            System.arraycopy(xHost, 0, out, 0, xHost.length);
            System.arraycopy(yHost, 0, out, xHost.length, yHost.length);
        }

        /** Double as is; float widened and renormalised in double onto the simplex. */
        private void read(DeviceVector v, double[] out, float[] buffer) {
            if (precision == Precision.DOUBLE) {
                k.read(v, out);
                return;
            }
            k.read(v, buffer);
            double sum = 0;
            for (int i = 0; i < out.length; i++) {
                out[i] = Math.max(buffer[i], 0.0);
                sum += out[i];
            }
            if (!(sum > 0) || Double.isInfinite(sum)) {
                Arrays.fill(out, 1.0 / out.length);
                return;
            }
            for (int i = 0; i < out.length; i++) {
                out[i] /= sum;
            }
        }

        private DeviceVector upload(double[] values) {
            return precision == Precision.DOUBLE ? k.vector(values) : k.vector(toFloat(values));
        }

        private static double[] uniform(int n) {
            double[] u = new double[n];
            Arrays.fill(u, 1.0 / n);
            return u;
        }

        private static float[] toFloat(double[] d) {
            float[] f = new float[d.length];
            for (int i = 0; i < d.length; i++) {
                f[i] = (float) d[i];
            }
            return f;
        }

        @Override
        public void close() {
            for (DeviceVector v : all) {
                v.close();
            }
            a.close();
        }
    }
}
