package dev.attune.repositories;

/** A unique constraint refused the row: another {@code entity} already has {@code field} = {@code value}. */
public class AlreadyExistsException extends RepositoryException {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final String value;

    public AlreadyExistsException(String entity, String field, String value, Throwable cause) {
        super(entity, entity + " with " + field + " = " + value + " already exists", cause);
        this.field = field;
        this.value = value;
    }

    public String field() {
        return field;
    }

    public String value() {
        return value;
    }
}
