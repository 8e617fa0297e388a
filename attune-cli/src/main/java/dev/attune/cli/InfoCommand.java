package dev.attune.cli;

import dev.attune.db.Database;
import dev.attune.migrations.Migrator;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code attune info}: prints the state of every migration of the configured schema. Changes nothing. */
@Command(name = "info", description = "Print version, description, state and installation time of every migration.")
final class InfoCommand implements Callable<Integer> {

    @Mixin
    private CommonOptions options;

    private final CliContext context;

    InfoCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        try (Database database = context.openDatabase(options)) {
            context.out().println("Schema " + database.schema() + ":");
            new MigrationTable(ZoneId.systemDefault()).print(new Migrator(database).info(), context.out());
        }
        return ExitCodes.OK;
    }
}
