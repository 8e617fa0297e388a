package dev.attune.repositories;

/** Limits shared by the repositories. */
public final class Limits {

    /**
     * Most rows returned by the {@code list()} of a high-volume entity (events, enforcements, executions, inquiries,
     * notifications, artifacts, workflow definitions and executions), newest first.
     */
    public static final int LIST_LIMIT = 1000;

    private Limits() {
    }
}
