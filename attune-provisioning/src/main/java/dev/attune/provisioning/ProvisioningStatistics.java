package dev.attune.provisioning;

import java.time.Duration;

/**
 * What a run has done so far.
 *
 * @param leases      schemas leased
 * @param replayed    schemas built by replaying the migrations
 * @param recycled    released schemas verified, emptied and queued again
 * @param replaced    released schemas that were changed or still in use, dropped and replaced
 * @param reused      ready schemas of earlier runs taken over at the start
 * @param recycleTime background time spent recycling, in total
 */
public record ProvisioningStatistics(int leases, int replayed, int recycled, int replaced, int reused,
        Duration recycleTime) {

    /** {@return one line for logs} */
    public String summary() {
        return leases + " lease(s), " + replayed + " schema(s) replayed, " + recycled + " recycled ("
                + (recycled == 0 ? 0 : recycleTime.toNanos() / recycled / 1000) / 1000.0 + " ms each), " + replaced
                + " replaced, " + reused + " reused from earlier runs";
    }
}
