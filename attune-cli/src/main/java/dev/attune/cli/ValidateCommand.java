package dev.attune.cli;

import dev.attune.db.Database;
import dev.attune.db.MigrationException;
import dev.attune.db.Migrator;
import java.util.List;
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
            try {
                new Migrator(database).validate();
            } catch (MigrationException e) {
                // The message is a heading line followed by one indented line per problem.
                List<String> lines = e.getMessage().lines().toList();
                lines.forEach(context.out()::println);
                throw new OperationFailedException("schema " + database.schema() + " does not match the migrations ("
                        + Math.max(1, lines.size() - 1) + " problem(s) listed on standard output)", e);
            }
            context.out().println("Schema " + database.schema() + ": OK");
        }
        return ExitCodes.OK;
    }
}
