package dev.attune.provisioning.janitor;

import java.util.List;

/**
 * What the janitor found and did.
 *
 * @param leaked   marked schemas of runs whose lease is not held: safe to drop
 * @param alive    marked schemas of runs still holding their lease: left alone
 * @param unmarked schemas named like test schemas but without our marker: never touched
 * @param dropped  the leaked schemas actually dropped (empty in a dry run)
 */
public record CleanupReport(List<String> leaked, List<String> alive, List<String> unmarked, List<String> dropped) {

    public CleanupReport {
        leaked = List.copyOf(leaked);
        alive = List.copyOf(alive);
        unmarked = List.copyOf(unmarked);
        dropped = List.copyOf(dropped);
    }

    CleanupReport withDropped(List<String> droppedNow) {
        return new CleanupReport(leaked, alive, unmarked, droppedNow);
    }

    /** One line for logs and the CLI. */
    public String summary() {
        return leaked.size() + " leaked (" + dropped.size() + " dropped), " + alive.size() + " of live runs kept, "
                + unmarked.size() + " unmarked look-alikes ignored";
    }
}
