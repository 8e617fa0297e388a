package dev.attune.provisioning.internal;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * The run's background threads (building, recycling and dropping schemas), with one rule: work is accepted until
 * {@link #shutdownAndWait()}, and everything accepted before finishes before it returns. At most two tasks run at a
 * time, which keeps the server's lock table and a two-core machine calm.
 */
public final class BackgroundWork {

    /** Threads doing background work; also the provisioning connections they hold at most. */
    public static final int THREADS = 2;

    private final ExecutorService executor = Executors.newFixedThreadPool(THREADS, runnable -> {
        Thread thread = new Thread(runnable, "attune-test-provisioning");
        thread.setDaemon(true);
        return thread;
    });
    /** Guards "not shut down yet → submit" against a concurrent shutdown. */
    private final Object lifecycle = new Object();
    private final AtomicBoolean shutDown = new AtomicBoolean();

    /**
     * Runs {@code task} in the background.
     *
     * @param <T>  the task's result
     * @param task the work
     * @return its result, or empty when the work was already shut down (the caller then does the work itself or
     *         gives up)
     */
    public <T> Optional<CompletableFuture<T>> submit(Supplier<T> task) {
        synchronized (lifecycle) {
            if (shutDown.get()) {
                return Optional.empty();
            }
            return Optional.of(CompletableFuture.supplyAsync(task, executor));
        }
    }

    /** {@return whether {@link #shutdownAndWait()} was called} */
    public boolean isShutDown() {
        return shutDown.get();
    }

    /**
     * Accepts no more work and waits (up to five minutes) for what was accepted.
     *
     * @return false when a first call did not finish in time; true otherwise (later calls return at once)
     */
    public boolean shutdownAndWait() {
        synchronized (lifecycle) {
            if (!shutDown.compareAndSet(false, true)) {
                return true;
            }
            executor.shutdown();
        }
        try {
            return executor.awaitTermination(5, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
