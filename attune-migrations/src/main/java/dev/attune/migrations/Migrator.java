package dev.attune.migrations;

import dev.attune.db.Database;
import dev.attune.db.DirectConnectionRequiredException;
import dev.attune.db.SchemaName;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.output.MigrateResult;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the Attune migrations with Flyway to the schema of a {@link Database}.
 *
 * <p>The schema is created when absent; {@code clean} is disabled; placeholders are off, so the SQL that runs is exactly
 * the SQL in {@code migrations/}. Flyway's lock is per history table, so different schemas of one database migrate
 * concurrently. When the configuration names a service role, the migrator grants it, after migrating, {@code USAGE} on the
 * schema, DML on all tables, {@code USAGE, SELECT} on all sequences and {@code EXECUTE} on all functions.
 *
 * <p>Flyway gets unpooled connections of its own (it holds more than one at a time, which a small service pool must not
 * be asked for), opened with {@code database.direct_url} when set, else {@code database.url}, and checked like every
 * pooled connection. Flyway sends session-level statements ({@code set_config('search_path', …)}, {@code SET ROLE});
 * on these connections they end with the session, which is why, with {@code database.pooler: transaction}, a migrator
 * without {@code database.direct_url} is refused instead of migrating through the pooler.
 */
public final class Migrator {

    /** Where the migration scripts are on the classpath (copied there from {@code migrations/} at build time). */
    public static final String LOCATION = "classpath:" + MigrationScripts.CLASSPATH_FOLDER;

    private static final Logger LOG = LoggerFactory.getLogger(Migrator.class);

    private final Database database;
    private final Flyway flyway;

    /**
     * A migrator for {@code database}'s schema. Connects only when an operation runs.
     *
     * @param database the open database whose schema is migrated
     * @throws DirectConnectionRequiredException with {@code database.pooler: transaction} and no
     *                                           {@code database.direct_url}
     */
    public Migrator(Database database) {
        this.database = database;
        this.flyway = Flyway.configure(Migrator.class.getClassLoader())
                .dataSource(database.directDataSource("attune-migrator:" + database.schema(), "migrations (Flyway)",
                        "Flyway's session-level statements (set_config('search_path'), SET ROLE)"))
                .schemas(database.schema().value())
                .createSchemas(true)
                .locations(LOCATION)
                .failOnMissingLocations(true)
                .placeholderReplacement(false)
                .validateMigrationNaming(true)
                .cleanDisabled(true)
                // Through SLF4J like the rest of the library: without a backend Flyway would print to the console.
                .loggers("slf4j")
                .load();
    }

    /**
     * Applies every pending migration, then grants privileges to the service role if one is configured.
     *
     * @return what was applied and granted
     * @throws MigrationException when a migration or the grants fail
     */
    public MigrationReport migrate() {
        SchemaName schema = database.schema();
        MigrateResult result;
        try {
            result = flyway.migrate();
        } catch (FlywayException e) {
            throw new MigrationException("migrating schema " + schema + " failed: " + e.getMessage(), e);
        }
        List<MigrationReport.Applied> applied = result.migrations.stream()
                .map(m -> new MigrationReport.Applied(m.version, m.description, m.executionTime))
                .toList();
        Optional<String> grantedTo = database.config().serviceRole();
        grantedTo.ifPresent(role -> {
            try {
                grant(database.dsl(), schema, role);
            } catch (org.jooq.exception.DataAccessException e) {
                throw new MigrationException("schema " + schema + " was migrated (" + applied.size() + " migration(s)"
                        + " applied), but granting privileges to role '" + role + "' failed: " + e.getMessage(), e);
            }
        });
        MigrationReport report = new MigrationReport(schema, Optional.ofNullable(result.initialSchemaVersion),
                Optional.ofNullable(result.targetSchemaVersion).or(() -> Optional.ofNullable(result.initialSchemaVersion)),
                applied, grantedTo);
        LOG.info("Schema {}: applied {} migration(s), now at version {}", schema, applied.size(),
                report.currentVersion().orElse("<empty>"));
        return report;
    }

    /**
     * {@return the state of every known migration (applied, pending, failed, ...), oldest first}
     *
     * @throws MigrationException when the schema history cannot be read
     */
    public List<MigrationStatus> info() {
        try {
            return Arrays.stream(flyway.info().all()).map(Migrator::status).toList();
        } catch (FlywayException e) {
            throw new MigrationException("reading migration state of schema " + database.schema() + " failed: "
                    + e.getMessage(), e);
        }
    }

    private static MigrationStatus status(MigrationInfo migration) {
        return new MigrationStatus(migration.getVersion() == null ? "" : migration.getVersion().getVersion(),
                migration.getDescription(), migration.getState().getDisplayName(),
                migration.getState() == MigrationState.PENDING,
                Optional.ofNullable(migration.getInstalledOn()).map(Date::toInstant));
    }

    /**
     * Checks that the applied migrations match the scripts (checksums, names, nothing pending or missing).
     *
     * @throws MigrationException listing each problem in {@link MigrationException#problems()}
     */
    public void validate() {
        org.flywaydb.core.api.output.ValidateResult result;
        try {
            result = flyway.validateWithResult();
        } catch (FlywayException e) {
            throw new MigrationException("validating schema " + database.schema() + " failed: " + e.getMessage(), e);
        }
        if (!result.validationSuccessful) {
            List<String> problems = new ArrayList<>();
            result.invalidMigrations.forEach(invalid -> problems.add(
                    (invalid.version == null ? "" : invalid.version + " ") + invalid.errorDetails.errorMessage));
            if (problems.isEmpty()) {
                // Flyway reports some failures (a schema not migrated yet) without naming a migration: say what is pending.
                List<MigrationStatus> pending = info().stream().filter(MigrationStatus::pending).toList();
                problems.add(!pending.isEmpty()
                        ? pending.size() + " migration(s) pending, up to version "
                                + pending.get(pending.size() - 1).version() + ": run 'attune migrate'"
                        : result.errorDetails != null ? result.errorDetails.errorMessage : "Flyway gave no details");
            }
            throw MigrationException.validationFailed("schema " + database.schema() + " does not match the migrations",
                    problems);
        }
    }

    private static void grant(DSLContext dsl, SchemaName schema, String role) {
        boolean roleExists = dsl.fetchExists(DSL.selectOne().from("pg_catalog.pg_roles").where("rolname = ?", role));
        if (!roleExists) {
            throw new MigrationException("database.service_role '" + role + "' does not exist: create the role first"
                    + " (roles are cluster-wide and never created by migrations)", null);
        }
        // Identifiers cannot be bind values; both are validated names, rendered quoted by jOOQ.
        var s = DSL.name(schema.value());
        var r = DSL.name(role);
        dsl.execute("grant usage on schema {0} to {1}", s, r);
        dsl.execute("grant select, insert, update, delete on all tables in schema {0} to {1}", s, r);
        dsl.execute("grant usage, select on all sequences in schema {0} to {1}", s, r);
        dsl.execute("grant execute on all functions in schema {0} to {1}", s, r);
        LOG.info("Granted privileges on schema {} to role {}", schema, role);
    }
}
