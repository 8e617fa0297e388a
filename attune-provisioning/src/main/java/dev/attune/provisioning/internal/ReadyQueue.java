package dev.attune.provisioning.internal;

import dev.attune.db.AttuneDbException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Schemas ready to lease, or being made ready in the background (built, or recycled after a release). A lease takes
 * one that is ready if any is, and waits for the earliest otherwise; the queue is topped up to its target in the
 * background so that a test rarely waits.
 *
 * <p>Schemas in the queue keep their pools, so the queue never holds more than the target plus the schemas released
 * by leases: with at most {@code L} leases at once, at most {@code L + target} pools exist.
 */
public final class ReadyQueue {

    private final int target;
    private final int initial;
    private int taken;
    private final Supplier<Optional<CompletableFuture<PooledSchema>>> build;
    private final LinkedList<CompletableFuture<PooledSchema>> queue = new LinkedList<>();

    /**
     * @param target  how many schemas to keep ready ahead of demand
     * @param initial how many of them {@link #fill()} prepares before the first lease; the queue is topped up to
     *                {@code target} from the second lease on (a run of one test never builds a schema it cannot use,
     *                while the released schema of a recycling run comes back through the queue anyway)
     * @param build   starts building a schema in the background; empty when the run is closing
     */
    public ReadyQueue(int target, int initial, Supplier<Optional<CompletableFuture<PooledSchema>>> build) {
        this.target = target;
        this.initial = Math.min(initial, target);
        this.build = build;
    }

    /** Starts building schemas up to the target ({@code initial} before the first lease). */
    public synchronized void fill() {
        int goal;
        if (taken == 0) {
            goal = initial;
        } else if (taken == 1 && initial < target) {
            goal = 0; // the first lease's own schema comes back when released; grow only once a second one is asked for
        } else {
            goal = target;
        }
        while (queue.size() < goal) {
            Optional<CompletableFuture<PooledSchema>> next = build.get();
            if (next.isEmpty()) {
                return;
            }
            queue.add(next.get());
        }
    }

    /**
     * Queues a schema that becomes ready when {@code schema} completes (a recycle, or its replacement).
     *
     * @param schema the schema, once ready
     */
    public synchronized void add(CompletableFuture<PooledSchema> schema) {
        queue.add(schema);
    }

    /**
     * The next ready schema: one already ready, else the earliest to become ready (building one when none is on its
     * way). Tops the queue up.
     *
     * @param timeout how long to wait for a schema to become ready
     * @return the schema
     * @throws AttuneDbException when building failed, took longer than {@code timeout}, or the run is closing
     */
    public PooledSchema take(Duration timeout) {
        CompletableFuture<PooledSchema> next;
        synchronized (this) {
            taken = Math.min(taken + 1, 2);
            next = removeFirstDone();
            if (next == null) {
                next = queue.poll();
            }
            if (next == null) {
                next = build.get().orElseThrow(() -> new IllegalStateException("the test run is closed"));
            }
            fill();
        }
        try {
            return next.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof AttuneDbException known) {
                throw known;
            }
            throw new AttuneDbException("creating a test schema failed: " + cause.getMessage(), cause);
        } catch (TimeoutException e) {
            add(next); // whenever it arrives, a later lease (or the run's end) takes it
            throw new AttuneDbException("getting a test schema ready took longer than " + timeout.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            add(next);
            throw new AttuneDbException("interrupted while waiting for a test schema", e);
        }
    }

    /** {@return the schemas that became ready, taken out of the queue (call after the background work finished)} */
    public synchronized List<PooledSchema> drain() {
        List<PooledSchema> ready = new ArrayList<>();
        for (CompletableFuture<PooledSchema> schema : queue) {
            if (schema.isDone() && !schema.isCompletedExceptionally() && schema.join() != null) {
                ready.add(schema.join());
            }
        }
        queue.clear();
        return ready;
    }

    private CompletableFuture<PooledSchema> removeFirstDone() {
        for (Iterator<CompletableFuture<PooledSchema>> it = queue.iterator(); it.hasNext(); ) {
            CompletableFuture<PooledSchema> schema = it.next();
            if (schema.isDone() && !schema.isCompletedExceptionally()) {
                it.remove();
                return schema;
            }
        }
        return null;
    }
}
