package dev.attune.repositories;

/** A unique constraint refused the row: another {@code entity} already has {@code field} = {@code value}. */
public class AlreadyExistsException extends RepositoryException {

    private static final long serialVersionUID = 1L;

    private final String value;

    /**
     * A unique constraint refused the row.
     *
     * @param entity the table
     * @param field  the unique column(s), or the constraint name when the database did not say
     * @param value  the duplicate value as the database reported it
     * @param cause  the database error
     */
    public AlreadyExistsException(String entity, String field, String value, Throwable cause) {
        super(entity, field, entity + " with " + field + " = " + value + " already exists", cause);
        this.value = value;
    }

    /**
     * The duplicate value as the database reported it; may be null.
     *
     * @return the value; may be null
     */
    public String value() {
        return value;
    }
}
