package dev.attune.provisioning.internal;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** What a run did, counted as it happens (read for the closing log line and the benchmark). */
public final class RunCounters {

    final AtomicInteger leases = new AtomicInteger();
    final AtomicInteger replayed = new AtomicInteger();
    final AtomicInteger recycled = new AtomicInteger();
    final AtomicInteger replaced = new AtomicInteger();
    final AtomicInteger reused = new AtomicInteger();
    final AtomicLong recycleNanos = new AtomicLong();

    /** Counts a lease handed out. */
    public void leased() {
        leases.incrementAndGet();
    }

    /** {@return the leases handed out} */
    public int leases() {
        return leases.get();
    }

    /** {@return the schemas built by replaying the migrations} */
    public int replayed() {
        return replayed.get();
    }

    /** {@return the released schemas verified, emptied and queued again} */
    public int recycled() {
        return recycled.get();
    }

    /** {@return the released schemas that could not be recycled (changed, in use, failed) and were dropped} */
    public int replaced() {
        return replaced.get();
    }

    /** {@return the ready schemas of earlier runs taken over by this run} */
    public int reused() {
        return reused.get();
    }

    /** {@return the background time spent recycling, in total, in nanoseconds} */
    public long recycleNanos() {
        return recycleNanos.get();
    }
}
