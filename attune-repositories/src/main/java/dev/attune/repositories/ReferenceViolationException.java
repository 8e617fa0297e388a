package dev.attune.repositories;

/**
 * A foreign key refused the change: the row points at a missing {@code referencedEntity}, or (on delete) other rows
 * still point at it.
 */
public class ReferenceViolationException extends RepositoryException {

    private static final long serialVersionUID = 1L;

    private final String value;
    private final String otherTable;

    /**
     * A foreign key refused the change.
     *
     * @param entity     the table that was written or deleted from
     * @param field      the referencing column(s)
     * @param value      the referencing value as the database reported it; may be null
     * @param otherTable the missing parent table (insert/update) or the referring table (delete)
     * @param message    the complete message
     * @param cause      the database error
     */
    public ReferenceViolationException(String entity, String field, String value, String otherTable, String message,
            Throwable cause) {
        super(entity, field, message, cause);
        this.value = value;
        this.otherTable = otherTable;
    }

    /**
     * The referencing value as the database reported it; may be null.
     *
     * @return the value; may be null
     */
    public String value() {
        return value;
    }

    /**
     * The missing parent table (insert/update) or the table whose rows still refer to this one (delete).
     *
     * @return the table
     */
    public String otherTable() {
        return otherTable;
    }
}
