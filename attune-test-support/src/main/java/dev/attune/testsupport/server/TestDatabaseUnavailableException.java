package dev.attune.testsupport.server;

import dev.attune.db.AttuneDbException;

/** Neither {@code ATTUNE_TEST_DATABASE_URL} nor a Docker engine is available: database tests fail, they never skip. */
public class TestDatabaseUnavailableException extends AttuneDbException {

    private static final long serialVersionUID = 1L;

    public TestDatabaseUnavailableException(String message) {
        super(message);
    }
}
