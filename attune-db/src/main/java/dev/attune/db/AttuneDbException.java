package dev.attune.db;

/**
 * Base of the unchecked exceptions thrown by the Attune database layer.
 *
 * <p>Messages are written for the operator: they name what was being done, the rule that failed and the offending value.
 */
public class AttuneDbException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * An error without an underlying cause.
     *
     * @param message what was being done, the rule that failed and the offending value
     */
    public AttuneDbException(String message) {
        super(message);
    }

    /**
     * An error caused by another one, typically a JDBC or Flyway failure.
     *
     * @param message what was being done, the rule that failed and the offending value
     * @param cause   the underlying failure
     */
    public AttuneDbException(String message, Throwable cause) {
        super(message, cause);
    }
}
