package dev.attune.db;

/**
 * A connection's effective schema is not the configured one, so it was refused before anything was read or written.
 *
 * <p>The message names the expected schema, the actual {@code search_path} and {@code current_schema()}, the user and
 * database the server reported, and the fix (for a pooler: the exact {@code ALTER ROLE … IN DATABASE … SET search_path}
 * statement).
 */
public class SchemaBindingException extends AttuneDbException {

    private static final long serialVersionUID = 1L;

    private final String expected;
    private final String actual;

    /**
     * Refuses a connection bound to the wrong schema.
     *
     * @param message  the full explanation and fix
     * @param expected the configured schema
     * @param actual   the connection's {@code search_path}
     */
    public SchemaBindingException(String message, String expected, String actual) {
        super(message);
        this.expected = expected;
        this.actual = actual;
    }

    /** {@return the configured schema, which must be the whole search path} */
    public String expected() {
        return expected;
    }

    /** {@return the {@code search_path} the server reported} */
    public String actual() {
        return actual;
    }
}
