package dev.attune.migrations;

import dev.attune.db.SchemaName;
import java.util.List;
import java.util.Optional;

/**
 * What one {@link Migrator#migrate()} call did.
 *
 * @param schema          the migrated schema
 * @param previousVersion the version before the call (empty for a new schema)
 * @param currentVersion  the version after the call
 * @param applied         the migrations applied by this call, in order (empty when the schema was up to date)
 * @param grantedTo       the service role that received privileges, if one is configured
 */
public record MigrationReport(
        SchemaName schema,
        Optional<String> previousVersion,
        Optional<String> currentVersion,
        List<Applied> applied,
        Optional<String> grantedTo) {

    /**
     * Copies {@code applied}, so the report is immutable.
     *
     * @param schema          the schema migrated
     * @param previousVersion the version before the call
     * @param currentVersion  the version after the call
     * @param applied         the migrations applied by this call, in order
     * @param grantedTo       the service role that received privileges, if any
     */
    public MigrationReport {
        applied = List.copyOf(applied);
    }

    /** One applied migration. */
    public record Applied(String version, String description, int executionMillis) {
    }
}
