package dev.attune.repositories;

/** No {@code entity} row has {@code field} = {@code value}. */
public class NotFoundException extends RepositoryException {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final transient Object value;

    /** No {@code entity} row has {@code field} = {@code value}; no cause. */
    public NotFoundException(String entity, String field, Object value) {
        this(entity, field, value, null);
    }

    /** With the error that reported the missing row, e.g. a database function's exception. */
    public NotFoundException(String entity, String field, Object value, Throwable cause) {
        super(entity, entity + " with " + field + " = " + value + " not found", cause);
        this.field = field;
        this.value = value;
    }

    /** The column looked up, e.g. {@code "id"} or {@code "ref"}. */
    public String field() {
        return field;
    }

    /** The value looked up. */
    public Object value() {
        return value;
    }
}
