package dev.attune.testserver;

/** The embedded PostgreSQL cannot start on this machine; the message names the cause. */
public class EmbeddedPostgresUnavailableException extends TestServerException {

    private static final long serialVersionUID = 1L;

    /** An exception with {@code message}, which names the cause. */
    public EmbeddedPostgresUnavailableException(String message) {
        super(message);
    }

    /** An exception with {@code message}, caused by {@code cause}. */
    public EmbeddedPostgresUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
