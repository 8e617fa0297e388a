package dev.attune.repositories;

/**
 * A foreign key refused the change: the row points at a missing {@code referencedEntity}, or (on delete) other rows
 * still point at it.
 */
public class ReferenceViolationException extends RepositoryException {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final String value;
    private final String otherTable;

    public ReferenceViolationException(String entity, String field, String value, String otherTable, String message,
            Throwable cause) {
        super(entity, message, cause);
        this.field = field;
        this.value = value;
        this.otherTable = otherTable;
    }

    /** The referencing column(s) as the database named them. */
    public String field() {
        return field;
    }

    public String value() {
        return value;
    }

    /** The missing parent table (insert/update) or the table whose rows still refer to this one (delete). */
    public String otherTable() {
        return otherTable;
    }
}
