package dev.attune.testserver;

/** The test server could not be reached or used; the message says what was being done. */
public class TestServerException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * An exception with {@code message} and no cause.
     *
     * @param message what failed
     */
    public TestServerException(String message) {
        super(message);
    }

    /**
     * An exception with {@code message}, caused by {@code cause}.
     *
     * @param message what failed
     * @param cause   the underlying failure
     */
    public TestServerException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * An exception with {@code message} and {@code cause}, with a stack trace only when {@code writableStackTrace}.
     *
     * @param message            what failed
     * @param cause              the underlying failure, or null
     * @param writableStackTrace whether to record a stack trace
     */
    protected TestServerException(String message, Throwable cause, boolean writableStackTrace) {
        super(message, cause, true, writableStackTrace);
    }
}
