package dev.attune.testserver;

import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Starts the Testcontainers PostgreSQL. Only loaded when the Docker source is chosen, so that a build that never asks
 * for Docker never touches Testcontainers (no Docker probing, no ERROR lines).
 */
final class DockerPostgres {

    private DockerPostgres() {
    }

    /** Starts one container for this JVM; Testcontainers' Ryuk removes it when the JVM exits. */
    static TestDatabaseServer start(String image) {
        PostgreSQLContainer container = new PostgreSQLContainer(image)
                .withCommand("postgres", "-c", "max_connections=" + EmbeddedPostgresServer.MAX_CONNECTIONS,
                        "-c", "fsync=off", "-c", "full_page_writes=off", "-c", "synchronous_commit=off");
        container.start();
        return TestDatabaseServer.of(TestDatabaseSource.DOCKER, container.getJdbcUrl(), container.getUsername(),
                container.getPassword(), "Testcontainers " + image);
    }
}
