package dev.attune.repositories;

import dev.attune.repositories.internal.Texts;

/**
 * A value broke a rule: caught before any SQL ran, or reported by a CHECK constraint, a NOT NULL column or a
 * validation trigger. The message names the entity, the field (or constraint), the rule and the value; in the message
 * the value is quoted with every character outside printable ASCII escaped as {@code \}{@code uXXXX} (so a
 * zero-width space or a look-alike letter shows) and cut after 80 characters; {@link #value()} is the value itself.
 */
public class ValidationException extends RepositoryException {

    private static final long serialVersionUID = 1L;

    private final transient Object value;
    private final String rule;

    /**
     * A value broke {@code rule}; no cause. The message is built from all four arguments.
     *
     * @param entity the table or area involved
     * @param field  the field, or the constraint name when the database did not say which column
     * @param value  the refused value; null when the database reported the violation
     * @param rule   the rule, e.g. {@code "must be 0 or more"}
     */
    public ValidationException(String entity, String field, Object value, String rule) {
        this(entity, field, value, rule, null);
    }

    /**
     * A value broke {@code rule}, reported by {@code cause} (e.g. the database error).
     *
     * @param entity the table or area involved
     * @param field  the field, or the constraint name when the database did not say which column
     * @param value  the refused value; null when the database reported the violation
     * @param rule   the rule, e.g. {@code "must be 0 or more"}
     * @param cause  the error that reported it
     */
    public ValidationException(String entity, String field, Object value, String rule, Throwable cause) {
        super(entity, field,
                entity + "." + field + (value == null ? "" : " = '" + quoted(value) + "'") + " is invalid: " + rule,
                cause);
        this.value = value;
        this.rule = rule;
    }

    /** Text as {@link Texts#escape} shows it (invisible and non-ASCII characters as escapes, long values cut). */
    private static String quoted(Object value) {
        return Texts.escape(String.valueOf(value));
    }

    /**
     * The refused value itself (not escaped or cut); null when the database reported the violation.
     *
     * @return the value
     */
    public Object value() {
        return value;
    }

    /**
     * The rule, as in the message, e.g. {@code "must be 0 or more"}.
     *
     * @return the rule
     */
    public String rule() {
        return rule;
    }
}
