package dev.attune.testserver;

/** Neither {@code ATTUNE_TEST_DATABASE_URL} nor a Docker engine is available: database tests fail, they never skip. */
public class TestDatabaseUnavailableException extends TestServerException {

    private static final long serialVersionUID = 1L;

    /** An exception with {@code message}, which says how to provide a server. */
    public TestDatabaseUnavailableException(String message) {
        super(message);
    }
}
