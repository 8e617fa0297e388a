package dev.attune.repositories;

/** No {@code entity} row has {@code field} = {@code value}. */
public class NotFoundException extends RepositoryException {

    private static final long serialVersionUID = 1L;

    private final transient Object value;

    /**
     * No {@code entity} row has {@code field} = {@code value}; no cause.
     *
     * @param entity the table looked in
     * @param field  the column looked up, e.g. {@code "id"} or {@code "ref"}
     * @param value  the value looked up
     */
    public NotFoundException(String entity, String field, Object value) {
        this(entity, field, value, null);
    }

    /**
     * With the error that reported the missing row, e.g. a database function's exception.
     *
     * @param entity the table looked in
     * @param field  the column looked up, e.g. {@code "id"} or {@code "ref"}
     * @param value  the value looked up
     * @param cause  the error that reported the missing row
     */
    public NotFoundException(String entity, String field, Object value, Throwable cause) {
        super(entity, field, entity + " with " + field + " = " + value + " not found", cause);
        this.value = value;
    }

    /**
     * The value looked up.
     *
     * @return the value
     */
    public Object value() {
        return value;
    }
}
