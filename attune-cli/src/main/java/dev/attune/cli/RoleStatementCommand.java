package dev.attune.cli;

import dev.attune.db.ConfigurationException;
import dev.attune.db.RoleStatement;
import picocli.CommandLine.Command;

/**
 * {@code attune role-statement}: prints the {@code ALTER ROLE … IN DATABASE … SET search_path = …} statement that binds
 * the configured user to the configured schema — what {@code database.pooler: transaction} relies on. Connects to
 * nothing.
 */
@Command(name = "role-statement",
        description = "Print the ALTER ROLE ... IN DATABASE ... SET search_path statement for the configured user"
                + " (needed behind a transaction pooler). Connects to nothing.")
final class RoleStatementCommand extends ConfiguredCommand {

    RoleStatementCommand(CliContext context) {
        super(context);
    }

    @Override
    public Integer call() {
        RoleStatement statement;
        try {
            statement = RoleStatement.forConfig(context.loadConfig(options));
        } catch (ConfigurationException e) {
            throw new UsageException(e.getMessage(), e);
        }
        context.out().println(statement.sql());
        return ExitCodes.OK;
    }
}
