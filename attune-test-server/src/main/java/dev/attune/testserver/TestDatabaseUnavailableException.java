package dev.attune.testserver;

/**
 * No PostgreSQL server for the database tests: none configured and none could be started. Database tests fail, they never
 * skip. The message names the cause and the alternatives.
 */
public class TestDatabaseUnavailableException extends TestServerException {

    private static final long serialVersionUID = 1L;

    /** How every message of this exception starts. */
    static final String PREFIX = "No PostgreSQL server for the database tests: ";

    /**
     * An exception with {@code message}, which says how to provide a server.
     *
     * @param message the cause and how to provide a server
     */
    public TestDatabaseUnavailableException(String message) {
        super(message);
    }

    /**
     * An exception with {@code message}, caused by {@code cause}.
     *
     * @param message the cause and how to provide a server
     * @param cause   the underlying failure
     */
    public TestDatabaseUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    private TestDatabaseUnavailableException(String message, boolean writableStackTrace) {
        super(message, null, writableStackTrace);
    }

    /**
     * The short exception of every attempt after {@code first} in the same JVM: its first line only, no cause and no
     * stack trace, so that the build log shows the full explanation once.
     */
    static TestDatabaseUnavailableException repeated(TestDatabaseUnavailableException first) {
        String cause = first.getMessage().lines().findFirst().orElse("").replaceFirst("^" + PREFIX, "");
        return new TestDatabaseUnavailableException(PREFIX + "see the first error of this JVM, above (" + cause + ")",
                false);
    }
}
