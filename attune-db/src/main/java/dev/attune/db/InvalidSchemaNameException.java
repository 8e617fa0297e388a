package dev.attune.db;

/** A schema name broke one of the rules of {@link SchemaName}. */
public class InvalidSchemaNameException extends AttuneDbException {

    private static final long serialVersionUID = 1L;

    private final String rejectedName;

    /**
     * Rejects {@code rejectedName}.
     *
     * @param rejectedName the name as given (quoted and escaped in the message)
     * @param rule         the rule it breaks
     */
    public InvalidSchemaNameException(String rejectedName, String rule) {
        super("schema " + quote(rejectedName) + " is invalid: " + rule);
        this.rejectedName = rejectedName;
    }

    /** {@return the rejected name, exactly as given (may be {@code null})} */
    public String rejectedName() {
        return rejectedName;
    }

    private static String quote(String name) {
        return name == null ? "null" : "'" + name + "'";
    }
}
