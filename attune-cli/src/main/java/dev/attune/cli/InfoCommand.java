package dev.attune.cli;

import dev.attune.db.Database;
import dev.attune.migrations.Migrator;
import java.time.ZoneId;
import picocli.CommandLine.Command;

/** {@code attune info}: prints the state of every migration of the configured schema. Changes nothing. */
@Command(name = "info", description = "Print version, description, state and installation time of every migration.")
final class InfoCommand extends DatabaseCommand {

    InfoCommand(CliContext context) {
        super(context);
    }

    @Override
    void run(Database database) {
        context.out().println("Schema " + database.schema() + ":");
        new MigrationTable(ZoneId.systemDefault()).print(new Migrator(database).info(), context.out());
    }
}
