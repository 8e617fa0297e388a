package dev.attune.cli;

import dev.attune.db.Database;
import dev.attune.migrations.MigrationReport;
import dev.attune.migrations.Migrator;
import java.io.PrintWriter;
import picocli.CommandLine.Command;

/**
 * {@code attune migrate}: applies the pending migrations to the configured schema, creating it when absent, then grants
 * the configured service role its privileges.
 */
@Command(name = "migrate", description = "Apply pending migrations to the configured schema (created when absent).")
final class MigrateCommand extends DatabaseCommand {

    MigrateCommand(CliContext context) {
        super(context);
    }

    @Override
    void run(Database database) {
        print(new Migrator(database).migrate(), context.out());
    }

    /** {@code Schema attune: applied 13 migration(s), now at version …} and one line per migration, or "up to date". */
    static void print(MigrationReport report, PrintWriter out) {
        String version = report.currentVersion().orElse("<empty>");
        if (report.applied().isEmpty()) {
            out.println("Schema " + report.schema() + " is up to date at version " + version);
        } else {
            out.println("Schema " + report.schema() + ": applied " + report.applied().size() + " migration(s), now at version "
                    + version);
            report.applied().forEach(applied -> out.printf("  %-14s  %s (%d ms)%n", applied.version(), applied.description(),
                    applied.executionMillis()));
        }
        report.grantedTo().ifPresent(role -> out.println("Granted privileges on schema " + report.schema() + " to role "
                + role));
    }
}
