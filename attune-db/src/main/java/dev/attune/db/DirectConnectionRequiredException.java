package dev.attune.db;

/**
 * An operation that needs its own PostgreSQL session (Flyway, {@code LISTEN}) was asked for while
 * {@code database.pooler} is {@code transaction} and {@code database.direct_url} is not set. It is refused rather than
 * sent through the pooler, where its session-level statements would land on server connections that other clients use
 * next.
 */
public class DirectConnectionRequiredException extends AttuneDbException {

    private static final long serialVersionUID = 1L;

    /**
     * Refuses an operation that needs PostgreSQL itself.
     *
     * @param message the operation refused and the fix (set {@code database.direct_url})
     */
    public DirectConnectionRequiredException(String message) {
        super(message);
    }
}
