package dev.attune.cli;

import dev.attune.db.ConfigurationException;
import dev.attune.db.RoleStatement;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code attune role-statement}: prints the {@code ALTER ROLE … IN DATABASE … SET search_path = …} statement that binds
 * the configured user to the configured schema — what {@code database.pooler: transaction} relies on. Connects to
 * nothing.
 */
@Command(name = "role-statement",
        description = "Print the ALTER ROLE ... IN DATABASE ... SET search_path statement for the configured user"
                + " (needed behind a transaction pooler). Connects to nothing.")
final class RoleStatementCommand implements Callable<Integer> {

    @Mixin
    private CommonOptions options;

    private final CliContext context;

    RoleStatementCommand(CliContext context) {
        this.context = context;
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
