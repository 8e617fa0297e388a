package dev.attune.provisioning.janitor;

import java.util.List;

/**
 * What the janitor found and did.
 *
 * @param leaked   marked schemas of runs whose lease is not held: safe to drop
 * @param alive    marked schemas of runs still holding their lease: left alone
 * @param unmarked schemas named like test schemas but without our marker: never touched
 * @param dropped  the leaked and stale schemas actually dropped (empty in a dry run)
 * @param shared   shared templates and spare schemas of the current migrations: kept for later runs
 * @param stale    shared templates and spare schemas of other migrations, library or server versions: dropped when no
 *                 run uses them
 */
public record CleanupReport(List<String> leaked, List<String> alive, List<String> unmarked, List<String> dropped,
        List<String> shared, List<String> stale) {

    /**
     * Copies every list, so the report is immutable.
     *
     * @param leaked   marked schemas of runs whose lease is not held: safe to drop
     * @param alive    marked schemas of runs still holding their lease: left alone
     * @param unmarked schemas named like test schemas but without our marker: never touched
     * @param dropped  the leaked and stale schemas actually dropped (empty in a dry run)
     * @param shared   shared templates and spare schemas of the current migrations: kept for later runs
     * @param stale    shared templates and spare schemas of other migrations, library or server versions
     */
    public CleanupReport {
        leaked = List.copyOf(leaked);
        alive = List.copyOf(alive);
        unmarked = List.copyOf(unmarked);
        dropped = List.copyOf(dropped);
        shared = List.copyOf(shared);
        stale = List.copyOf(stale);
    }

    CleanupReport withDropped(List<String> droppedNow) {
        return new CleanupReport(leaked, alive, unmarked, droppedNow, shared, stale);
    }

    /** {@return whether there is anything to drop} */
    public boolean hasWork() {
        return !leaked.isEmpty() || !stale.isEmpty();
    }

    /** {@return one line for logs and the CLI} */
    public String summary() {
        return leaked.size() + " leaked (" + dropped.size() + " dropped), " + alive.size() + " of live runs kept, "
                + unmarked.size() + " unmarked look-alikes ignored, " + shared.size() + " shared template/spare schemas"
                + " kept, " + stale.size() + " stale ones";
    }
}
