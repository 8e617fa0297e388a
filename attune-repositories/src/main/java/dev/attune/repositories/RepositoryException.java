package dev.attune.repositories;

/**
 * Base of every exception thrown by the Attune repositories. Unchecked; the specific subclasses carry the entity, the
 * field and the value involved, and the database error (if any) stays attached as the cause.
 */
public class RepositoryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String entity;
    private final String field;

    /**
     * An error about {@code entity} as a whole.
     *
     * @param entity  the table or area involved, e.g. {@code "pack"}
     * @param message the complete message
     * @param cause   the underlying error; may be null
     */
    public RepositoryException(String entity, String message, Throwable cause) {
        this(entity, null, message, cause);
    }

    /**
     * An error about one field of {@code entity}: the subclasses' common part.
     *
     * @param entity  the table or area involved, e.g. {@code "pack"}
     * @param field   the column(s) or constraint involved
     * @param message the complete message
     * @param cause   the underlying error; may be null
     */
    protected RepositoryException(String entity, String field, String message, Throwable cause) {
        super(message, cause);
        this.entity = entity;
        this.field = field;
    }

    /**
     * The entity the failed operation was about.
     *
     * @return the table or area, e.g. {@code pack}
     */
    public String entity() {
        return entity;
    }

    /**
     * The field the error is about; each subclass says what it names.
     *
     * @return the column(s) or constraint; null for an error about the entity as a whole
     */
    public String field() {
        return field;
    }
}
