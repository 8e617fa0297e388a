package dev.attune.cli;

import dev.attune.db.DatabaseConfig;
import dev.attune.db.PoolerMode;
import dev.attune.provisioning.janitor.CleanupReport;
import dev.attune.provisioning.janitor.DatabaseJanitor;
import dev.attune.provisioning.janitor.Janitor;
import dev.attune.testserver.ServerConnections;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code attune cleanup-test-schemas}: lists, and with {@code --force} drops, the test schemas and test databases of
 * dead test runs on the configured server. Only schemas named {@code test_<8 hex>_<n>} and databases named
 * {@code attune_test_<run>} that carry their run's marker and whose run holds no lease are touched.
 */
@Command(name = "cleanup-test-schemas",
        description = "List (dry run, the default) or drop (--force) test schemas and databases left behind by dead"
                + " test runs.")
final class CleanupTestSchemasCommand extends ConfiguredCommand {

    @Option(names = "--force", description = "Drop the leaked schemas (one per transaction). Without it, only list them.")
    private boolean force;

    CleanupTestSchemasCommand(CliContext context) {
        super(context);
    }

    @Override
    public Integer call() {
        ServerConnections connections = connections(context.loadConfig(options));
        print("schemas", new Janitor(connections).clean(!force, context.out()::println));
        print("databases", new DatabaseJanitor(connections).clean(!force, context.out()::println));
        return ExitCodes.OK;
    }

    private void print(String what, CleanupReport report) {
        report.alive().forEach(name -> context.out().println("kept " + name + " (its run is alive)"));
        report.unmarked().forEach(name -> context.out().println("ignored " + name + " (no test-run marker)"));
        context.out().println((force ? "" : "dry run: ") + "test " + what + ": " + report.summary()
                + (force || report.leaked().isEmpty() ? "" : "; run again with --force to drop them"));
    }

    /** The janitor reads session-level advisory locks: it needs PostgreSQL itself, never a transaction pooler. */
    private static ServerConnections connections(DatabaseConfig config) {
        if (config.directUrl().isPresent()) {
            return ServerConnections.of(config.directUrl().get(), config.user(), config.password(),
                    "database.direct_url of the configuration");
        }
        if (config.pooler() == PoolerMode.TRANSACTION) {
            throw new UsageException("cleanup-test-schemas needs a direct connection to PostgreSQL (it checks"
                    + " session-level advisory locks), but database.pooler is transaction and database.direct_url is"
                    + " not set: set database.direct_url", null);
        }
        return ServerConnections.of(config.url(), config.user(), config.password(), "database.url of the configuration");
    }
}
