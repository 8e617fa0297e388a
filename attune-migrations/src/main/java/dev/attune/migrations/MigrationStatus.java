package dev.attune.migrations;

import java.time.Instant;
import java.util.Optional;

/**
 * One migration as the schema's history sees it, in the library's own terms (no Flyway type leaves the library).
 *
 * @param version     the migration's version, e.g. {@code 20250101000001}; empty for a migration without one
 * @param description the description from the script's name, e.g. {@code initial setup}
 * @param state       the state as a person reads it: {@code Success}, {@code Pending}, {@code Failed}, ...
 * @param pending     whether the migration is still to be applied
 * @param installedOn when it was applied; empty while pending
 */
public record MigrationStatus(String version, String description, String state, boolean pending,
        Optional<Instant> installedOn) {
}
