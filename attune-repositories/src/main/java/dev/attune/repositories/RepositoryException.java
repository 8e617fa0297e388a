package dev.attune.repositories;

/**
 * Base of every exception thrown by the Attune repositories. Unchecked; the specific subclasses carry the entity, the
 * field and the value involved, and the database error (if any) stays attached as the cause.
 */
public class RepositoryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String entity;

    /**
     * An error about {@code entity}.
     *
     * @param entity  the table or area involved, e.g. {@code "pack"}
     * @param message the complete message
     * @param cause   the underlying error; may be null
     */
    public RepositoryException(String entity, String message, Throwable cause) {
        super(message, cause);
        this.entity = entity;
    }

    /** The entity (table) the failed operation was about, e.g. {@code pack}. */
    public String entity() {
        return entity;
    }
}
