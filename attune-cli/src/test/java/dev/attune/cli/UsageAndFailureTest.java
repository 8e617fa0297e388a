package dev.attune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exit codes and one-line messages for bad command lines, bad configuration and an unreachable server. */
class UsageAndFailureTest {

    private static final String PRODUCTION_CONFIG = RepositoryFiles.file("config.production.yaml").toString();
    private static final String UNREACHABLE_URL = "jdbc:postgresql://no-such-host.invalid:5432/attune";

    @Test
    void missingDatabaseUrlIsAConfigurationErrorNamingTheVariable() {
        CliRun run = CliRun.run(Map.of(), "migrate", "--config", PRODUCTION_CONFIG);

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.errLines()).singleElement().asString()
                .startsWith("error: database.url: refers to environment variable DATABASE_URL, which is not set")
                .contains(PRODUCTION_CONFIG);
    }

    @Test
    void unknownConfigurationKeyIsAConfigurationErrorNamingTheKey(@TempDir Path dir) throws IOException {
        Path config = Files.writeString(dir.resolve("typo.yaml"), """
                environment: production
                database:
                  url: jdbc:postgresql://127.0.0.1:5432/postgres
                  shema: attune
                """);

        CliRun run = CliRun.run(Map.of(), "validate", "--config", config.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.errLines()).singleElement().asString()
                .startsWith("error: database.shema: is not a known key");
    }

    @Test
    void configFileDefaultsToTheOneNamedByAttuneConfig(@TempDir Path dir) {
        Path missing = dir.resolve("from-environment.yaml");

        CliRun run = CliRun.run(Map.of("ATTUNE_CONFIG", missing.toString()), "info");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.errLines()).singleElement().asString()
                .contains("file " + missing + " does not exist", "--config", "ATTUNE_CONFIG");
    }

    @Test
    void unreachableServerFailsTheOperationWithOneLine() {
        CliRun run = CliRun.run(Map.of("DATABASE_URL", UNREACHABLE_URL), "migrate", "--config", PRODUCTION_CONFIG);

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).singleElement().asString()
                .startsWith("error: cannot open a connection pool to " + UNREACHABLE_URL + " for schema attune")
                .contains("no-such-host.invalid");
    }

    @Test
    void verboseAddsTheStackTraceAfterTheErrorLine() {
        CliRun run = CliRun.run(Map.of("DATABASE_URL", UNREACHABLE_URL), "info", "--verbose", "--config", PRODUCTION_CONFIG);

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(run.errLines()).first().asString().startsWith("error: cannot open a connection pool");
        assertThat(run.errLines()).hasSizeGreaterThan(2)
                .anySatisfy(line -> assertThat(line).startsWith("\tat dev.attune.db.Database.open"));
    }

    @Test
    void unknownOptionIsAUsageError() {
        CliRun run = CliRun.run(Map.of(), "migrate", "--schema", "attune");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.errLines()).singleElement().asString()
                .isEqualTo("error: Unknown options: '--schema', 'attune' (see 'attune migrate --help')");
    }

    @Test
    void missingSubcommandIsAUsageError() {
        CliRun run = CliRun.run(Map.of());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.errLines()).singleElement().asString().startsWith("error: Missing required subcommand");
    }

    @Test
    void helpListsTheSubcommandsAndExitCodes() {
        CliRun run = CliRun.run(Map.of(), "--help");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("migrate", "info", "validate", "Exit codes:", "${VAR:-default}");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void multiLineMessagesAreJoinedIntoOneLine() {
        assertThat(ErrorHandler.oneLine("Migration V1 failed\n-------------\nSQL State: 42P01\n\nMessage: boom\n"))
                .isEqualTo("Migration V1 failed | SQL State: 42P01 | Message: boom");
    }
}
