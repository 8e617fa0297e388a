package dev.attune.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.attune.testserver.PgBouncer;
import dev.attune.testserver.ScratchDatabase;
import dev.attune.testserver.TestDatabaseServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code role-statement}, {@code migrate} and {@code validate} with {@code database.pooler: transaction} through a real
 * PgBouncer of the test's own, in front of a database and role of the test's own.
 */
class PoolerCommandsTest {

    @Test
    void theRoleStatementIsPrintedAndItsStatementMakesValidateWorkThroughThePooler(@TempDir Path dir)
            throws IOException {
        Optional<String> unavailable = PgBouncer.unavailableReason();
        unavailable.ifPresent(reason -> System.err.println("SKIPPED PgBouncer CLI test: " + reason));
        assumeTrue(unavailable.isEmpty(), () -> "PgBouncer tests skipped: " + unavailable.orElseThrow());

        try (ScratchDatabase scratch = ScratchDatabase.create(TestDatabaseServer.get())) {
            String statement = "ALTER ROLE \"" + scratch.role() + "\" IN DATABASE \"" + scratch.name()
                    + "\" SET search_path = attune;";
            try (PgBouncer pgbouncer = PgBouncer.inFrontOf(scratch).start()) {
                Path direct = config(dir.resolve("direct.yaml"), scratch, pgbouncer, true);

                CliRun printed = CliRun.run(Map.of(), "role-statement", "--config", direct.toString());
                assertThat(printed.exitCode()).as(printed.err()).isEqualTo(ExitCodes.OK);
                assertThat(printed.out().strip()).isEqualTo(statement);

                // Without the role setting the pool refuses its first connection and says what to run.
                CliRun refused = CliRun.run(Map.of(), "validate", "--config", direct.toString());
                assertThat(refused.exitCode()).isEqualTo(ExitCodes.FAILED);
                assertThat(refused.err()).contains("expected search_path 'attune', got '\"$user\", public'")
                        .contains(statement);

                scratch.executeAsAdmin(printed.out().strip());
            }
            // A new PgBouncer: its server connections start with the role setting.
            try (PgBouncer pgbouncer = PgBouncer.inFrontOf(scratch).start()) {
                Path direct = config(dir.resolve("direct.yaml"), scratch, pgbouncer, true);
                Path pooledOnly = config(dir.resolve("pooled-only.yaml"), scratch, pgbouncer, false);

                CliRun throughPooler = CliRun.run(Map.of(), "migrate", "--config", pooledOnly.toString());
                assertThat(throughPooler.exitCode()).isEqualTo(ExitCodes.FAILED);
                assertThat(throughPooler.err()).contains("database.pooler is transaction")
                        .contains("database.direct_url is not set");

                CliRun migrated = CliRun.run(Map.of(), "migrate", "--config", direct.toString());
                assertThat(migrated.exitCode()).as(migrated.err()).isEqualTo(ExitCodes.OK);
                assertThat(migrated.out()).contains("Schema attune: applied 13 migration(s)");

                CliRun validated = CliRun.run(Map.of(), "validate", "--config", direct.toString());
                assertThat(validated.exitCode()).as(validated.err()).isEqualTo(ExitCodes.OK);
                assertThat(validated.out()).contains("Schema attune: OK");
            }
        }
    }

    private static Path config(Path file, ScratchDatabase scratch, PgBouncer pgbouncer, boolean direct)
            throws IOException {
        return Files.writeString(file, """
                environment: production
                database:
                  url: %s
                  user: %s
                  password: %s
                  schema: attune
                  max_connections: 2
                  pooler: transaction
                %s""".formatted(pgbouncer.url(), scratch.role(), scratch.password(),
                direct ? "  direct_url: " + scratch.url() + "\n" : ""));
    }
}
