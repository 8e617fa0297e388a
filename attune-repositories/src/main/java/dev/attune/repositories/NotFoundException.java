package dev.attune.repositories;

/** No {@code entity} row has {@code field} = {@code value}. */
public class NotFoundException extends RepositoryException {

    private static final long serialVersionUID = 1L;

    private final transient Object value;

    /** No {@code entity} row has {@code field} = {@code value}; no cause. */
    public NotFoundException(String entity, String field, Object value) {
        this(entity, field, value, null);
    }

    /** With the error that reported the missing row, e.g. a database function's exception. */
    public NotFoundException(String entity, String field, Object value, Throwable cause) {
        super(entity, field, entity + " with " + field + " = " + value + " not found", cause);
        this.value = value;
    }

    /** The value looked up. */
    public Object value() {
        return value;
    }
}
