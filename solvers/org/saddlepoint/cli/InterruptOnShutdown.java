package org.saddlepoint.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Makes Ctrl-C (SIGINT, or any JVM shutdown) stop a solve gracefully instead of killing it: a
 * shutdown hook interrupts the thread that opened this guard, whose iterative method then stops
 * with status INTERRUPTED, and the hook keeps the JVM alive until {@link #close()} (or at most
 * {@link #GRACE_SECONDS}), so the command still prints its result. Use it around both the solve
 * and the output:
 * <pre>{@code
 * try (InterruptOnShutdown guard = InterruptOnShutdown.install()) {
 *     Solution s = solve(...);
 *     guard.clearInterrupt();
 *     print(s);
 * }
 * }</pre>
 * The JVM then exits with the shell's code for SIGINT (130). Methods that do not poll the
 * interrupt flag (a native LP solver) finish their work within the grace period or are cut off.
 */
public final class InterruptOnShutdown implements AutoCloseable {
    /** How long the hook waits for the interrupted command to print its result. */
    public static final long GRACE_SECONDS = 10;

    private final Thread owner;
    private final CountDownLatch done = new CountDownLatch(1);
    private final Thread hook;
    private volatile boolean fired;

    private InterruptOnShutdown() {
        this.owner = Thread.currentThread();
        this.hook = new Thread(this::onShutdown, "saddlepoint-interrupt");
    }

    /** Registers the hook for the current thread. */
    public static InterruptOnShutdown install() {
        InterruptOnShutdown guard = new InterruptOnShutdown();
        try {
            Runtime.getRuntime().addShutdownHook(guard.hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: nothing to guard
        }
        return guard;
    }

    private void onShutdown() {
        fired = true;
        owner.interrupt();
        try {
            done.await(GRACE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** True once a shutdown (Ctrl-C) has interrupted the guarded thread. */
    public boolean fired() {
        return fired;
    }

    /**
     * Clears the current thread's interrupt flag (which an interrupted method leaves set) so that
     * writing the result is not disturbed; returns whether it was set.
     */
    public boolean clearInterrupt() {
        return Thread.interrupted();
    }

    /** Lets the JVM finish shutting down if it is, and otherwise unregisters the hook. */
    @Override
    public void close() {
        done.countDown();
        if (!fired) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // shutdown has begun; the hook returns at once since done is counted down
            }
        }
    }
}
