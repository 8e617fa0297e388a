package dev.attune.cli;

import dev.attune.db.Database;
import dev.attune.db.DatabaseConfig;
import dev.attune.db.JdbcUrls;
import dev.attune.migrations.MigrationReport;
import dev.attune.migrations.Migrator;
import dev.attune.repositories.execution.ExecutionChange;
import dev.attune.repositories.execution.ExecutionNotifications;
import dev.attune.testserver.EmbeddedPostgresServer;
import dev.attune.testserver.EmbeddedPostgresUnavailableException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code attune demo}: shows the data layer at work with no set-up. Without {@code --config} it starts a private
 * PostgreSQL from the binaries in the CLI (nothing to install), migrates schema {@code attune} with the real
 * {@link Migrator}, walks Attune's main flow through the repositories ({@link DemoFlow}) while listening on the schema's
 * notification channel, prints both, and stops the server (its data is deleted). With {@code --config} it does the
 * same on the configured database and schema, where the demo's rows stay (under a pack ref {@code demo_<random>}).
 */
@Command(name = "demo", description = {
    "Run Attune's main flow (pack, trigger, sensor, rule, event, enforcement, execution, inquiry, notification)",
    "through the repositories and print it. Without --config: on a private embedded PostgreSQL started and",
    "stopped for the occasion (nothing to install). With --config: on that database (the rows stay)."})
final class DemoCommand implements Callable<Integer> {

    /** Upper bound for the last execution change to arrive; reached only when notifications are broken. */
    private static final long NOTIFICATION_WAIT_SECONDS = 10;

    @Option(names = "--config", paramLabel = "<file>",
            description = "Run against the database of this YAML configuration file instead of an embedded PostgreSQL.")
    private Path config;

    @Option(names = "--verbose", description = "Print stack traces with errors and log dev.attune at DEBUG.")
    private boolean verbose;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    private final CliContext context;

    DemoCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        PrintWriter out = context.out();
        if (config != null) {
            DatabaseConfig databaseConfig = context.loadConfig(config);
            out.println("Attune demo on " + JdbcUrls.redact(databaseConfig.url()) + ", schema " + databaseConfig.schema());
            run(databaseConfig, out, false);
            return ExitCodes.OK;
        }
        Path parent = temporaryDirectory();
        try {
            out.println("Starting an embedded PostgreSQL (private, deleted afterwards) ...");
            out.flush();
            try (EmbeddedPostgresServer server = startServer(parent)) {
                out.printf("Attune demo on embedded PostgreSQL %s (port %d, started in %.1f s), schema attune%n",
                        server.version(), server.port(), server.startupTime().toMillis() / 1000.0);
                run(DatabaseConfig.builder().url(server.jdbcUrl()).schema("attune").maxConnections(2).build(), out,
                        true);
            }
            out.println("Stopped the embedded PostgreSQL; its data is deleted.");
        } finally {
            deleteQuietly(parent);
        }
        return ExitCodes.OK;
    }

    private static EmbeddedPostgresServer startServer(Path parent) {
        try {
            return EmbeddedPostgresServer.start(parent);
        } catch (EmbeddedPostgresUnavailableException e) {
            throw new OperationFailedException(e.getMessage() + " Run the demo on your own PostgreSQL instead:"
                    + " attune demo --config <file>.", e);
        }
    }

    private static void run(DatabaseConfig config, PrintWriter out, boolean embedded) {
        BlockingQueue<ExecutionChange> changes = new LinkedBlockingQueue<>();
        try (Database database = Database.open(config, "attune-demo")) {
            MigrationReport report = new Migrator(database).migrate();
            out.println("Migrated: " + (report.applied().isEmpty() ? "up to date" : report.applied().size()
                    + " migration(s) applied") + ", schema " + report.schema() + " at version "
                    + report.currentVersion().orElse("<empty>"));
            String prefix = "demo_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(0, 6);
            out.println();
            out.println("The flow, one transaction per step:");
            long execution;
            try (ExecutionNotifications notifications = ExecutionNotifications.listen(database, changes::add)) {
                execution = new DemoFlow(database.dsl(), prefix, out::println).run();
                out.println();
                out.println("Heard on channel " + notifications.schema().notificationChannel() + ":");
                for (ExecutionChange change : awaitChanges(changes, execution)) {
                    out.printf("  execution #%d %-10s (action %s)%n", change.entityId(), change.status().getLiteral(),
                            change.actionRef());
                }
            }
            out.println();
            out.println(embedded ? "Done." : "Done. The demo's rows stay in schema " + config.schema() + " under pack "
                    + prefix + ".");
        }
    }

    /** The changes of execution {@code id}, in commit order, until it completed (or the wait ran out). */
    private static List<ExecutionChange> awaitChanges(BlockingQueue<ExecutionChange> changes, long id) {
        List<ExecutionChange> heard = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(NOTIFICATION_WAIT_SECONDS);
        try {
            while (heard.size() < DemoFlow.EXECUTION_STATES.size()) {
                ExecutionChange change = changes.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (change == null) {
                    throw new OperationFailedException("heard " + heard.size() + " of the "
                            + DemoFlow.EXECUTION_STATES.size() + " execution changes within " + NOTIFICATION_WAIT_SECONDS
                            + " s on the notification channel", null);
                }
                if (change.entityId() == id) {
                    heard.add(change);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OperationFailedException("interrupted while waiting for notifications", e);
        }
        return heard;
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("attune-demo-");
        } catch (IOException e) {
            throw new OperationFailedException("cannot create a temporary directory for the embedded PostgreSQL: "
                    + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path directory) {
        try (var paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // A temporary directory: the system cleans it eventually.
        }
    }
}
