package dev.attune.testserver;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TestDatabaseUnavailableExceptionTest {

    @Test
    void laterFailuresOfTheSameJvmAreOneLinePointingBackWithoutCauseOrStackTrace() {
        TestDatabaseUnavailableException first = new TestDatabaseUnavailableException(
                "No PostgreSQL server for the database tests: unshare is not installed.\nAlternatives: set a URL",
                new IllegalStateException("initdb failed"));

        TestDatabaseUnavailableException later = TestDatabaseUnavailableException.repeated(first);

        assertThat(later.getMessage()).isEqualTo("No PostgreSQL server for the database tests (the first attempt in this"
                + " JVM failed; its full error is above): No PostgreSQL server for the database tests: unshare is not"
                + " installed.");
        assertThat(later.getCause()).isNull();
        assertThat(later.getStackTrace()).isEmpty();
    }
}
