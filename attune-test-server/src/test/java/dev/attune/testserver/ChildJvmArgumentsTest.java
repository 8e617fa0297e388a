package dev.attune.testserver;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChildJvmArgumentsTest {

    @Test
    void childJvmsGetTheUrlSourceAndTheUrlWithItsCredentials() {
        TestDatabaseServer server = TestDatabaseServer.of(TestDatabaseSource.DOCKER,
                "jdbc:postgresql://localhost:32768/test?loggerLevel=OFF", "test", "p&ss word", "Testcontainers");

        assertThat(server.childJvmArguments()).containsExactly("-Dattune.test.database=url",
                "-Dattune.test.database.url=jdbc:postgresql://localhost:32768/test?loggerLevel=OFF&user=test"
                        + "&password=p%26ss+word");
    }

    @Test
    void aUrlThatCarriesItsCredentialsIsPassedUnchanged() {
        TestDatabaseServer server = TestDatabaseServer.of(TestDatabaseSource.URL,
                "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres", null, null, "ATTUNE_TEST_DATABASE_URL");

        assertThat(server.childJvmArguments()).containsExactly("-Dattune.test.database=url",
                "-Dattune.test.database.url=jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");
    }
}
