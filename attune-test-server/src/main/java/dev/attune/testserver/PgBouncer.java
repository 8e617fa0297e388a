package dev.attune.testserver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * A PgBouncer of the test's own, in transaction mode, in front of one {@link ScratchDatabase}: its ini and user list
 * live in a temporary folder, it listens on a free port of 127.0.0.1 (no Unix socket), runs as the {@code postgres} OS
 * user when the tests run as root (PgBouncer refuses root), and {@link #close()} stops it and deletes the folder. No
 * service configuration is read or changed.
 *
 * <pre>
 * try (PgBouncer pgbouncer = PgBouncer.inFrontOf(database).ignoreStartupParameters("search_path").start()) {
 *     String url = pgbouncer.url(); // jdbc:postgresql://127.0.0.1:&lt;port&gt;/&lt;database&gt;
 * }
 * </pre>
 *
 * <p>Tests check {@link #unavailableReason()} first and skip with that reason when PgBouncer is not installed.
 */
public final class PgBouncer implements AutoCloseable {

    private static final List<Path> SEARCHED = List.of(Path.of("/usr/sbin"), Path.of("/usr/bin"),
            Path.of("/usr/local/sbin"), Path.of("/usr/local/bin"));
    private static final long START_MILLIS = 15_000;

    private final Process process;
    private final Path folder;
    private final int port;
    private final String database;
    private boolean closed;

    private PgBouncer(Process process, Path folder, int port, String database) {
        this.process = process;
        this.folder = folder;
        this.port = port;
        this.database = database;
    }

    /** {@return why no PgBouncer can be started here, or empty when one can} */
    public static Optional<String> unavailableReason() {
        if (executable().isEmpty()) {
            return Optional.of("pgbouncer is not installed (looked in PATH and " + SEARCHED + "); install it with"
                    + " 'apt-get install -y pgbouncer' (.ci/run does)");
        }
        if (runningAsRoot() && !Files.isExecutable(Path.of("/usr/sbin/runuser")) && !Files.isExecutable(Path.of("/sbin/runuser"))) {
            return Optional.of("pgbouncer refuses to run as root and runuser is missing to start it as user postgres");
        }
        return Optional.empty();
    }

    /**
     * Settings for a PgBouncer in front of {@code target}, with defaults: ignore nothing, 4 server connections.
     *
     * @param target the database PgBouncer forwards to
     * @return the settings; {@link Builder#start()} starts it
     */
    public static Builder inFrontOf(ScratchDatabase target) {
        return new Builder(target);
    }

    /** {@return the JDBC URL of the database through this PgBouncer (no credentials)} */
    public String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** {@return the port PgBouncer listens on} */
    public int port() {
        return port;
    }

    /** {@return the last lines of PgBouncer's log, for failure messages} */
    public String logTail() {
        return tail(folder.resolve("pgbouncer.log"));
    }

    /** Stops PgBouncer (and the runuser wrapper) and deletes its folder. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(process.toHandle());
        // Killed, not asked: a test's PgBouncer has nothing to keep, and the shutdown SIGTERM asks for took 3.8 s
        // (PgBouncer in front of a closed pool, the runuser wrapper between) — the longest part of a pooler test.
        all.forEach(ProcessHandle::destroyForcibly);
        List<Long> running = new ArrayList<>();
        for (ProcessHandle handle : all) {
            try {
                handle.onExit().get(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running.add(handle.pid());
            } catch (ExecutionException | TimeoutException e) {
                running.add(handle.pid());
            }
        }
        deleteRecursively(folder);
        if (!running.isEmpty()) {
            throw new TestServerException("pgbouncer processes " + running + " did not exit within 10 s of SIGKILL");
        }
    }

    @Override
    public String toString() {
        return "PgBouncer[127.0.0.1:" + port + "/" + database + "]";
    }

    /** Settings of one PgBouncer; {@link #start()} starts it. */
    public static final class Builder {
        private final ScratchDatabase target;
        private String ignoreStartupParameters = "";
        private int poolSize = 4;

        private Builder(ScratchDatabase target) {
            this.target = target;
        }

        /**
         * PgBouncer's {@code ignore_startup_parameters}: startup parameters it drops instead of refusing.
         *
         * @param parameters comma-separated parameter names
         * @return this builder
         */
        public Builder ignoreStartupParameters(String parameters) {
            this.ignoreStartupParameters = parameters;
            return this;
        }

        /**
         * {@code default_pool_size}: server connections per user and database.
         *
         * @param poolSize the number of server connections
         * @return this builder
         */
        public Builder poolSize(int poolSize) {
            this.poolSize = poolSize;
            return this;
        }

        /**
         * Writes the ini and user list into a new temporary folder, starts PgBouncer and waits until it accepts
         * connections.
         *
         * @return the running PgBouncer; close it to stop it
         * @throws TestServerException when it is not installed or does not start (with the end of its log)
         */
        public PgBouncer start() {
            unavailableReason().ifPresent(reason -> {
                throw new TestServerException(reason);
            });
            Path folder;
            int port = freePort();
            try {
                folder = Files.createTempDirectory("attune-pgbouncer-");
                Files.writeString(folder.resolve("userlist.txt"), quote(target.role()) + " " + quote(target.password())
                        + "\n");
                Files.writeString(folder.resolve("pgbouncer.ini"), String.join("\n",
                        "[databases]",
                        target.name() + " = host=" + target.host() + " port=" + target.port() + " dbname="
                                + target.name(),
                        "[pgbouncer]",
                        "listen_addr = 127.0.0.1",
                        "listen_port = " + port,
                        "unix_socket_dir =",
                        "auth_type = trust",
                        "auth_file = " + folder.resolve("userlist.txt"),
                        "pool_mode = transaction",
                        "default_pool_size = " + poolSize,
                        "max_client_conn = 200",
                        "ignore_startup_parameters = " + ignoreStartupParameters,
                        "logfile = " + folder.resolve("pgbouncer.log"),
                        "pidfile = " + folder.resolve("pgbouncer.pid"),
                        ""));
                if (runningAsRoot()) {
                    UserPrincipal postgres = folder.getFileSystem().getUserPrincipalLookupService()
                            .lookupPrincipalByName("postgres");
                    try (Stream<Path> files = Files.list(folder)) {
                        for (Path file : files.toList()) {
                            Files.setOwner(file, postgres);
                        }
                    }
                    Files.setOwner(folder, postgres);
                }
            } catch (IOException e) {
                throw new TestServerException("cannot prepare PgBouncer's folder: " + e.getMessage(), e);
            }
            List<String> command = new ArrayList<>();
            if (runningAsRoot()) {
                command.addAll(List.of("runuser", "-u", "postgres", "--"));
            }
            command.add(executable().orElseThrow().toString());
            command.add(folder.resolve("pgbouncer.ini").toString());
            Process process;
            try {
                process = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(folder.resolve("stdout.log").toFile()).start();
            } catch (IOException e) {
                deleteRecursively(folder);
                throw new TestServerException("cannot start " + command + ": " + e.getMessage(), e);
            }
            PgBouncer pgbouncer = new PgBouncer(process, folder, port, target.name());
            awaitListening(pgbouncer);
            return pgbouncer;
        }

        private static void awaitListening(PgBouncer pgbouncer) {
            long deadline = System.currentTimeMillis() + START_MILLIS;
            while (System.currentTimeMillis() < deadline) {
                if (!pgbouncer.process.isAlive()) {
                    String output = tail(pgbouncer.folder.resolve("stdout.log")) + pgbouncer.logTail();
                    pgbouncer.close();
                    throw new TestServerException("pgbouncer exited at start: " + output);
                }
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress("127.0.0.1", pgbouncer.port), 200);
                    return;
                } catch (IOException notYet) {
                    sleep(50);
                }
            }
            String log = pgbouncer.logTail();
            pgbouncer.close();
            throw new TestServerException("pgbouncer did not listen on port " + pgbouncer.port + " within "
                    + START_MILLIS + " ms: " + log);
        }
    }

    private static Optional<Path> executable() {
        List<Path> candidates = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            for (String entry : path.split(":")) {
                if (!entry.isEmpty()) {
                    candidates.add(Path.of(entry));
                }
            }
        }
        candidates.addAll(SEARCHED);
        return candidates.stream().map(folder -> folder.resolve("pgbouncer")).filter(Files::isExecutable).findFirst();
    }

    private static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static String quote(String value) {
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free local port", e);
        }
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 10), lines.size()));
        } catch (IOException e) {
            return "(no " + file.getFileName() + ")";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TestServerException("interrupted while waiting for pgbouncer", e);
        }
    }

    private static void deleteRecursively(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + folder, e);
        }
    }
}
