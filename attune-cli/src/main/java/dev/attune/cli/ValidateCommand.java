package dev.attune.cli;

import dev.attune.db.Database;
import dev.attune.db.MigrationException;
import dev.attune.db.Migrator;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
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
                List<String> problems = problems(e, migrator);
                problems.forEach(context.out()::println);
                throw new OperationFailedException("schema " + database.schema() + " does not match the migrations ("
                        + (problems.size() - 1) + " problem(s) listed on standard output)", e);
            }
            context.out().println("Schema " + database.schema() + ": OK");
        }
        return ExitCodes.OK;
    }

    /** A heading line, then one indented line per problem. */
    private static List<String> problems(MigrationException e, Migrator migrator) {
        List<String> lines = new ArrayList<>(e.getMessage().lines().toList());
        if (lines.size() == 1) {
            // Flyway reports some failures (e.g. a schema that does not exist yet) without listing a migration, and
            // Migrator.validate() then names no problem: say what is pending instead of printing a bare heading.
            List<MigrationInfo> pending = migrator.info().stream()
                    .filter(migration -> migration.getState() == MigrationState.PENDING)
                    .toList();
            if (!pending.isEmpty()) {
                lines.add("  " + pending.size() + " migration(s) pending, up to version "
                        + pending.get(pending.size() - 1).getVersion() + ": run 'attune migrate'");
            } else {
                lines.add("  (Flyway gave no details; run with --verbose)");
            }
        }
        return lines;
    }
}
