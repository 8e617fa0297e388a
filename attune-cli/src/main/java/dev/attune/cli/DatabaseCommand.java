package dev.attune.cli;

import dev.attune.db.Database;

/**
 * A subcommand that works on the configured schema: it opens the pool the configuration describes, runs, closes the
 * pool and exits with {@link ExitCodes#OK}. Failures are thrown; {@link ErrorHandler} turns them into exit codes.
 */
abstract class DatabaseCommand extends ConfiguredCommand {

    DatabaseCommand(CliContext context) {
        super(context);
    }

    @Override
    public final Integer call() {
        try (Database database = context.openDatabase(options)) {
            run(database);
        }
        return ExitCodes.OK;
    }

    /** The command's work on {@code database}, which is open until it returns. */
    abstract void run(Database database);
}
