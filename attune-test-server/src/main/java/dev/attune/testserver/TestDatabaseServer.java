package dev.attune.testserver;

import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The PostgreSQL server that database tests run against, resolved once per JVM:
 * <ol>
 *   <li>the JDBC URL (credentials included) in the system property {@value #URL_PROPERTY}, else in the environment
 *       variable {@value #URL_VARIABLE};</li>
 *   <li>otherwise one Testcontainers PostgreSQL container shared by the whole JVM, when a Docker engine is reachable;</li>
 *   <li>otherwise a {@link TestDatabaseUnavailableException} that says both ways to provide one — tests never skip.</li>
 * </ol>
 */
public final class TestDatabaseServer {

    /** Environment variable holding the test server's JDBC URL, e.g. {@code jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres}. */
    public static final String URL_VARIABLE = "ATTUNE_TEST_DATABASE_URL";
    /** System property alternative to {@link #URL_VARIABLE}. */
    public static final String URL_PROPERTY = "attune.test.database.url";
    /** Image used when falling back to Testcontainers. */
    public static final String IMAGE = "postgres:16-alpine";

    private static final Logger LOG = LoggerFactory.getLogger(TestDatabaseServer.class);

    private static TestDatabaseServer instance;
    private static RuntimeException failure;

    private final String url;
    private final String user;
    private final String password;
    private final String description;

    private TestDatabaseServer(String url, String user, String password, String description) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.description = description;
    }

    /**
     * The server of this JVM, resolved on first use.
     *
     * @throws TestDatabaseUnavailableException on every call when no server could be found
     */
    public static synchronized TestDatabaseServer get() {
        if (instance == null && failure == null) {
            try {
                instance = resolve();
            } catch (RuntimeException e) {
                failure = e;
            }
        }
        if (failure != null) {
            throw failure;
        }
        return instance;
    }

    /** The pgjdbc URL of the server (may carry credentials as parameters). */
    public String url() {
        return url;
    }

    /** The user to connect as, when not given in the URL. */
    public String user() {
        return user;
    }

    /** The password, when not given in the URL. */
    public String password() {
        return password;
    }

    /** Where this server came from, for logs and error messages. */
    public String description() {
        return description;
    }

    private static TestDatabaseServer resolve() {
        // As for every attune.test.* setting, a system property wins over the environment variable.
        String configured = firstNonBlank(System.getProperty(URL_PROPERTY), System.getenv(URL_VARIABLE));
        if (configured != null) {
            LOG.info("Test database: {} ({})", redact(configured), URL_VARIABLE);
            return new TestDatabaseServer(configured, null, null, URL_VARIABLE);
        }
        if (dockerAvailable()) {
            PostgreSQLContainer container = new PostgreSQLContainer(IMAGE).withCommand("postgres", "-c", "max_connections=200");
            container.start();
            // Stopped by Testcontainers' Ryuk when the JVM exits: the container is shared by every test of this JVM.
            LOG.info("Test database: Testcontainers {} at {}", IMAGE, container.getJdbcUrl());
            return new TestDatabaseServer(container.getJdbcUrl(), container.getUsername(), container.getPassword(),
                    "Testcontainers " + IMAGE);
        }
        throw new TestDatabaseUnavailableException("No PostgreSQL server for the database tests. Either set " + URL_VARIABLE
                + " to a JDBC URL with credentials (e.g. jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres), or start a"
                + " Docker engine so that Testcontainers can run " + IMAGE + ".");
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value.trim();
            }
        }
        return null;
    }

    private static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&]*", "$1****");
    }

    @Override
    public String toString() {
        return "TestDatabaseServer[" + description + ", " + redact(Objects.requireNonNull(url)) + "]";
    }

}
