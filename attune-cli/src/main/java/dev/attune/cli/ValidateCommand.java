package dev.attune.cli;

import dev.attune.db.Database;
import dev.attune.migrations.MigrationException;
import dev.attune.migrations.Migrator;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code attune validate}: checks that the migrations applied to the configured schema match the scripts (checksums,
 * names, nothing pending or missing). Prints {@code OK}, or the problems on standard output and exits with
 * {@link ExitCodes#FAILED}.
 */
@Command(name = "validate", description = "Check that the applied migrations match the scripts; print OK or the problems.")
final class ValidateCommand implements Callable<Integer> {

    @Mixin
    private CommonOptions options;

    private final CliContext context;

    ValidateCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        try (Database database = context.openDatabase(options)) {
            Migrator migrator = new Migrator(database);
            try {
                migrator.validate();
            } catch (MigrationException e) {
                context.out().println("schema " + database.schema() + " does not match the migrations:");
                e.problems().forEach(problem -> context.out().println("  " + problem));
                throw new OperationFailedException("schema " + database.schema() + " does not match the migrations ("
                        + e.problems().size() + " problem(s) listed on standard output)", e);
            }
            context.out().println("Schema " + database.schema() + ": OK");
        }
        return ExitCodes.OK;
    }
}
