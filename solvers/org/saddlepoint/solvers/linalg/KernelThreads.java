package org.saddlepoint.solvers.linalg;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.IntConsumer;

import org.saddlepoint.solvers.InvalidInputException;

/**
 * The threads that the dense matrix-vector kernels of {@link MatVec} split a large product over
 * (as EJML's {@code EjmlConcurrency} does for its own kernels): one pass over a matrix that does
 * not fit in cache is bound by what one core can stream, and a second core streams about as much
 * again (bench/README.md, "matvec").
 *
 * <p>The count is process-wide: {@link #setCount(int)}, else the system property
 * {@value #PROPERTY}, else {@link Runtime#availableProcessors()}. Count 1 runs every product on
 * the calling thread. The blocks of a product write disjoint outputs and each output is computed
 * by the same operations in the same order whatever the count, so results are bitwise identical
 * for every thread count. The calling thread works on the first block and waits for the others
 * without giving up its interrupt status (a solver polls it between iterations).
 */
public final class KernelThreads {
    /** System property that sets the initial count, for example {@code -Dsaddlepoint.threads=1}. */
    public static final String PROPERTY = "saddlepoint.threads";

    private static final Object LOCK = new Object();
    private static int count;
    private static ExecutorService workers;

    private KernelThreads() {
    }

    /** The number of threads a large product runs on (the calling thread included). */
    public static int count() {
        synchronized (LOCK) {
            if (count == 0) {
                count = initialCount();
            }
            return count;
        }
    }

    /**
     * Sets the number of threads a large product runs on, the calling thread included; 1 turns
     * the splitting off.
     *
     * @throws InvalidInputException if {@code threads < 1}
     */
    public static void setCount(int threads) {
        if (threads < 1) {
            throw new InvalidInputException("kernel thread count must be at least 1, got " + threads);
        }
        synchronized (LOCK) {
            if (threads != count && workers != null) {
                workers.shutdown();
                workers = null;
            }
            count = threads;
        }
    }

    /**
     * Runs {@code block.accept(b)} for b = 0, ..., blocks - 1: block 0 on the calling thread, the
     * others on the workers, and returns when all are done. A block's exception is rethrown.
     */
    static void run(int blocks, IntConsumer block) {
        ExecutorService pool = pool();
        Future<?>[] pending = new Future<?>[blocks];
        for (int b = 1; b < blocks; b++) {
            int index = b;
            try {
                pending[b] = pool.submit(() -> block.accept(index));
            } catch (RejectedExecutionException e) {
                pending[b] = CompletableFuture.runAsync(() -> block.accept(index), Runnable::run);
            }
        }
        block.accept(0);
        boolean interrupted = false;
        for (int b = 1; b < blocks; b++) {
            interrupted |= awaitUninterruptibly(pending[b]);
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits for {@code f}; returns whether the wait was interrupted. */
    private static boolean awaitUninterruptibly(Future<?> f) {
        boolean interrupted = false;
        while (true) {
            try {
                f.get();
                return interrupted;
            } catch (InterruptedException e) {
                interrupted = true;
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException r) {
                    throw r;
                }
                throw new IllegalStateException("kernel block failed", cause);
            }
        }
    }

    private static ExecutorService pool() {
        synchronized (LOCK) {
            if (workers == null) {
                workers = Executors.newFixedThreadPool(Math.max(1, count() - 1), task -> {
                    Thread t = new Thread(task, "saddlepoint-kernel");
                    t.setDaemon(true);
                    return t;
                });
            }
            return workers;
        }
    }

    private static int initialCount() {
        String value = System.getProperty(PROPERTY);
        if (value == null || value.isBlank()) {
            return Runtime.getRuntime().availableProcessors();
        }
        try {
            int threads = Integer.parseInt(value.trim());
            if (threads >= 1) {
                return threads;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidInputException("system property " + PROPERTY + " must be a positive integer, got '"
                + value + "'");
    }
}
