package dev.attune.repositories;

/**
 * A value broke a rule: caught before any SQL ran, or reported by a CHECK constraint, a NOT NULL column or a
 * validation trigger. The message names the entity, the field (or constraint), the rule and the value.
 */
public class ValidationException extends RepositoryException {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final transient Object value;
    private final String rule;

    public ValidationException(String entity, String field, Object value, String rule) {
        this(entity, field, value, rule, null);
    }

    public ValidationException(String entity, String field, Object value, String rule, Throwable cause) {
        super(entity, entity + "." + field + (value == null ? "" : " = '" + value + "'") + " is invalid: " + rule, cause);
        this.field = field;
        this.value = value;
        this.rule = rule;
    }

    /** The field, or the constraint name when the database did not say which column. */
    public String field() {
        return field;
    }

    public Object value() {
        return value;
    }

    public String rule() {
        return rule;
    }
}
