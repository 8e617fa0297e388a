package dev.attune.repositories;

/** No {@code entity} row has {@code field} = {@code value}. */
public class NotFoundException extends RepositoryException {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final transient Object value;

    public NotFoundException(String entity, String field, Object value) {
        super(entity, entity + " with " + field + " = " + value + " not found", null);
        this.field = field;
        this.value = value;
    }

    public String field() {
        return field;
    }

    public Object value() {
        return value;
    }
}
