package dev.attune.repositories;

/** Limits shared by the repositories. */
public final class Limits {

    /**
     * Most rows returned by the {@code list()} of a high-volume entity (events, enforcements, executions, inquiries,
     * notifications, artifacts, workflow definitions and executions), newest first; also the cap of
     * {@code EventRepository.findByTrigger}/{@code findByTriggerRef} and {@code WebhookRepository.findWebhookEvents}.
     */
    public static final int LIST_LIMIT = 1000;

    /**
     * Largest page a caller may ask for: {@link Page#limit()}, and the {@code limit} of
     * {@code PackTestRepository.getFailedByPack}.
     */
    public static final int MAX_PAGE_SIZE = 1000;

    /**
     * Longest ref, login, name, label or other text kept in an index, in characters (Unicode code points). 255
     * characters take at most 1,020 bytes in UTF-8, so even an index over two such columns stays under PostgreSQL's
     * 2,704-byte btree row limit; longer values are refused before any SQL runs.
     */
    public static final int MAX_INDEXED_TEXT_LENGTH = 255;

    /**
     * Deepest nesting of a JSON value written by a repository (an array or object counts one level). Reading has no
     * such limit: anything PostgreSQL stored is read back.
     */
    public static final int MAX_JSON_DEPTH = 1000;

    /** Largest age ("older than") a repository accepts: 100 years, so that {@code now() - age} is a valid timestamp. */
    public static final int MAX_AGE_DAYS = 36_525;

    private Limits() {
    }
}
