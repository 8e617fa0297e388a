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

        assertThat(later.getMessage()).isEqualTo("No PostgreSQL server for the database tests: see the first error of"
                + " this JVM, above (unshare is not installed.)");
        assertThat(later.getCause()).isNull();
        assertThat(later.getStackTrace()).isEmpty();
    }
}
