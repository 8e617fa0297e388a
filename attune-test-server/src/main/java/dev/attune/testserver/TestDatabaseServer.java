package dev.attune.testserver;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL server that database tests run against, resolved once per JVM from the {@link TestDatabaseSource}
 * chosen by {@code attune.test.database} / {@code ATTUNE_TEST_DATABASE}:
 * <ul>
 *   <li>{@code url} (the default when a URL is configured): the JDBC URL, credentials included, in the system property
 *       {@value #URL_PROPERTY}, else in the environment variable {@value #URL_VARIABLE};</li>
 *   <li>{@code embedded} (the default otherwise): an {@link EmbeddedPostgresServer} started by this JVM, its data under
 *       {@code target/embedded-postgres}, stopped when the JVM exits. When it cannot start and a Docker socket exists,
 *       the Docker source is tried instead;</li>
 *   <li>{@code docker}: one Testcontainers container ({@value #IMAGE}) for this JVM; needs
 *       {@code org.testcontainers:testcontainers-postgresql} on the test classpath.</li>
 * </ul>
 * When no server can be had, the first call to {@link #get()} throws a {@link TestDatabaseUnavailableException} with the
 * cause and the alternatives; every later call in the same JVM throws a short one pointing back to it, so that a build
 * without a server reports the problem once, not once per test class. Tests never skip.
 *
 * <p>Child JVMs that tests start must use the same server: pass them {@link #childJvmArguments()}.
 */
public final class TestDatabaseServer {

    /** Environment variable holding the test server's JDBC URL, e.g. {@code jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres}. */
    public static final String URL_VARIABLE = "ATTUNE_TEST_DATABASE_URL";
    /** System property alternative to {@link #URL_VARIABLE}; wins over it. */
    public static final String URL_PROPERTY = "attune.test.database.url";
    /** Image of the Docker source: the same major version as the embedded default. */
    public static final String IMAGE = "postgres:17-alpine";

    private static final Logger LOG = LoggerFactory.getLogger(TestDatabaseServer.class);
    private static final Path EMBEDDED_DATA_PARENT = Path.of("target", "embedded-postgres");
    private static final String TESTCONTAINERS_CLASS = "org.testcontainers.postgresql.PostgreSQLContainer";

    private static TestDatabaseServer instance;
    private static TestDatabaseUnavailableException failure;

    private final TestDatabaseSource source;
    private final String url;
    private final String user;
    private final String password;
    private final String description;

    private TestDatabaseServer(TestDatabaseSource source, String url, String user, String password, String description) {
        this.source = source;
        this.url = Objects.requireNonNull(url, "url");
        this.user = user;
        this.password = password;
        this.description = description;
    }

    static TestDatabaseServer of(TestDatabaseSource source, String url, String user, String password, String description) {
        return new TestDatabaseServer(source, url, user, password, description);
    }

    /**
     * The server of this JVM, resolved on first use.
     *
     * @return the server
     * @throws TestDatabaseUnavailableException when no server could be had: the first time with the cause and what to
     *     do, afterwards (same JVM) with a one-line message and no stack trace
     */
    public static synchronized TestDatabaseServer get() {
        if (failure != null) {
            throw TestDatabaseUnavailableException.repeated(failure);
        }
        if (instance == null) {
            try {
                instance = resolve();
            } catch (TestServerException e) {
                failure = e instanceof TestDatabaseUnavailableException unavailable
                        ? unavailable
                        : new TestDatabaseUnavailableException(e.getMessage(), e);
                throw failure;
            }
        }
        return instance;
    }

    /** {@return which source this server came from} */
    public TestDatabaseSource source() {
        return source;
    }

    /** {@return the pgjdbc URL of the server (may carry credentials as parameters)} */
    public String url() {
        return url;
    }

    /** {@return the user to connect as, when not given in the URL} */
    public String user() {
        return user;
    }

    /** {@return the password, when not given in the URL} */
    public String password() {
        return password;
    }

    /** {@return where this server came from, for logs and error messages} */
    public String description() {
        return description;
    }

    /**
     * The JVM options that make a child JVM started by a test use this very server instead of resolving its own:
     * {@code -Dattune.test.database=url -Dattune.test.database.url=<url with credentials>}. Put them before the main
     * class. The URL may carry a password (Docker source): it is visible in the process list of this machine.
     *
     * @return the two options
     */
    public List<String> childJvmArguments() {
        return List.of("-D" + TestDatabaseSource.PROPERTY + "=" + TestDatabaseSource.URL.settingValue(),
                "-D" + URL_PROPERTY + "=" + urlWithCredentials());
    }

    /** {@return {@link #url()} with {@link #user()} and {@link #password()} added as parameters when they are set} */
    public String urlWithCredentials() {
        StringBuilder result = new StringBuilder(url);
        appendParameter(result, "user", user);
        appendParameter(result, "password", password);
        return result.toString();
    }

    private static void appendParameter(StringBuilder url, String name, String value) {
        if (value != null) {
            url.append(url.indexOf("?") < 0 ? '?' : '&').append(name).append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }

    private static TestDatabaseServer resolve() {
        // As for every attune.test.* setting, a system property wins over the environment variable.
        String configuredUrl = firstNonBlank(System.getProperty(URL_PROPERTY), System.getenv(URL_VARIABLE));
        TestDatabaseSource source = TestDatabaseSource.parse(
                firstNonBlank(System.getProperty(TestDatabaseSource.PROPERTY), System.getenv(TestDatabaseSource.VARIABLE)),
                configuredUrl != null);
        return switch (source) {
            case URL -> fromUrl(configuredUrl);
            case EMBEDDED -> embedded();
            case DOCKER -> docker(null);
        };
    }

    private static TestDatabaseServer fromUrl(String configuredUrl) {
        if (configuredUrl == null) {
            throw new TestDatabaseUnavailableException(TestDatabaseSource.PROPERTY + "=url but no URL is set: set "
                    + URL_VARIABLE + " (or -D" + URL_PROPERTY + ") to a JDBC URL with credentials, e.g. "
                    + "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");
        }
        LOG.info("Test database: {} ({})", redact(configuredUrl), URL_VARIABLE);
        return new TestDatabaseServer(TestDatabaseSource.URL, configuredUrl, null, null, URL_VARIABLE);
    }

    private static TestDatabaseServer embedded() {
        EmbeddedPostgresServer server;
        try {
            server = EmbeddedPostgresServer.start(EMBEDDED_DATA_PARENT);
        } catch (EmbeddedPostgresUnavailableException e) {
            if (dockerSocketExists()) {
                LOG.warn("{}; a Docker socket exists, so the tests use Testcontainers instead", e.getMessage());
                return docker(e);
            }
            throw new TestDatabaseUnavailableException(TestDatabaseUnavailableException.PREFIX + e.getMessage()
                    + "\n" + alternatives(), e);
        }
        // The server stops when this JVM exits (shutdown hook): it serves every test of the JVM.
        return new TestDatabaseServer(TestDatabaseSource.EMBEDDED, server.jdbcUrl(), null, null,
                "embedded PostgreSQL " + server.version() + " on port " + server.port());
    }

    private static TestDatabaseServer docker(EmbeddedPostgresUnavailableException embeddedFailure) {
        String reason = embeddedFailure == null ? "" : embeddedFailure.getMessage() + "; ";
        if (!classPresent(TESTCONTAINERS_CLASS)) {
            throw new TestDatabaseUnavailableException(TestDatabaseUnavailableException.PREFIX + reason
                    + "the Docker source needs org.testcontainers:testcontainers-postgresql on the test classpath"
                    + " (add it as a test dependency), or set " + URL_VARIABLE + " to a JDBC URL with credentials.");
        }
        try {
            TestDatabaseServer server = DockerPostgres.start(IMAGE);
            LOG.info("Test database: Testcontainers {} at {}", IMAGE, server.url());
            return server;
        } catch (RuntimeException e) {
            throw new TestDatabaseUnavailableException(TestDatabaseUnavailableException.PREFIX + reason
                    + "Testcontainers could not start " + IMAGE + ": " + e.getMessage() + "\n" + alternatives(), e);
        }
    }

    private static String alternatives() {
        return "Alternatives: set " + URL_VARIABLE + " to a JDBC URL with credentials of a PostgreSQL 14-18 server"
                + " dedicated to tests (e.g. jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres), or run a Docker"
                + " engine and set " + TestDatabaseSource.VARIABLE + "=docker (with testcontainers-postgresql on the test"
                + " classpath).";
    }

    private static boolean dockerSocketExists() {
        String dockerHost = System.getenv("DOCKER_HOST");
        return (dockerHost != null && !dockerHost.isBlank()) || Files.exists(Path.of("/var/run/docker.sock"));
    }

    private static boolean classPresent(String name) {
        try {
            Class.forName(name, false, TestDatabaseServer.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
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

    // The same rule as attune-db's JdbcUrls.redact, kept here: this module depends on no Attune module.
    private static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&]*", "$1****");
    }

    @Override
    public String toString() {
        return "TestDatabaseServer[" + description + ", " + redact(url) + "]";
    }
}
