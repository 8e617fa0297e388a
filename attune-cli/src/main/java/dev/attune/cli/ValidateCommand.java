package dev.attune.cli;

import dev.attune.db.Database;
import dev.attune.migrations.MigrationException;
import dev.attune.migrations.Migrator;
import picocli.CommandLine.Command;

/**
 * {@code attune validate}: checks that the migrations applied to the configured schema match the scripts (checksums,
 * names, nothing pending or missing). Prints {@code OK}, or the problems on standard output and exits with
 * {@link ExitCodes#FAILED}.
 */
@Command(name = "validate", description = "Check that the applied migrations match the scripts; print OK or the problems.")
final class ValidateCommand extends DatabaseCommand {

    ValidateCommand(CliContext context) {
        super(context);
    }

    @Override
    void run(Database database) {
        try {
            new Migrator(database).validate();
        } catch (MigrationException e) {
            context.out().println("schema " + database.schema() + " does not match the migrations:");
            e.problems().forEach(problem -> context.out().println("  " + problem));
            throw new OperationFailedException("schema " + database.schema() + " does not match the migrations ("
                    + e.problems().size() + " problem(s) listed on standard output)", e);
        }
        context.out().println("Schema " + database.schema() + ": OK");
    }
}
