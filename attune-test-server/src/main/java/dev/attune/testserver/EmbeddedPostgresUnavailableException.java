package dev.attune.testserver;

/** The embedded PostgreSQL cannot start on this machine; the message names the cause. */
public class EmbeddedPostgresUnavailableException extends TestServerException {

    private static final long serialVersionUID = 1L;

    /**
     * An exception with {@code message}, which names the cause.
     *
     * @param message why the server cannot start
     */
    public EmbeddedPostgresUnavailableException(String message) {
        super(message);
    }

    /**
     * An exception with {@code message}, caused by {@code cause}.
     *
     * @param message why the server cannot start
     * @param cause   the underlying failure
     */
    public EmbeddedPostgresUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
