package dev.attune.repositories;

/** Limits shared by the repositories. */
public final class Limits {

    /**
     * Most rows returned by the {@code list()} of a high-volume entity (events, enforcements, executions, inquiries,
     * notifications, artifacts, workflow definitions and executions), newest first; also the cap of
     * {@code EventRepository.findByTrigger}/{@code findByTriggerRef} and {@code TriggerRepository.findWebhookEvents}.
     */
    public static final int LIST_LIMIT = 1000;

    /**
     * Largest page a caller may ask for: {@link Pagination#perPage()} and the {@code limit} of the
     * {@link dev.attune.repositories.pack.PackTestRepository} lists.
     */
    public static final int MAX_PAGE_SIZE = 1000;

    private Limits() {
    }
}
