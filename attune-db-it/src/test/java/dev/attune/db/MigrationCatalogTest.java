package dev.attune.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.attune.migrations.MigrationReport;
import dev.attune.migrations.MigrationStatus;
import dev.attune.migrations.Migrator;
import dev.attune.provisioning.internal.CatalogFingerprint;
import java.sql.Connection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/** Flyway, the production path, builds exactly the specified Jan-2026 schema, the same in every schema. */
@Execution(ExecutionMode.CONCURRENT)
class MigrationCatalogTest {

    /** Spec §2.13: the 25 tables after all 13 migrations. */
    private static final Set<String> TABLES = Set.of(
            "pack", "runtime", "worker", "identity", "permission_set", "permission_assignment", "policy", "key",
            "trigger", "sensor", "event", "enforcement", "action", "rule", "execution", "inquiry", "workflow_definition",
            "workflow_execution", "notification", "artifact", "queue_stats", "webhook_event_log", "webhook_rate_limit",
            "pack_test_execution", "pack_installation");

    private static final Set<String> ENUMS = Set.of(
            "runtime_type_enum", "worker_type_enum", "worker_status_enum", "enforcement_status_enum",
            "enforcement_condition_enum", "execution_status_enum", "inquiry_status_enum", "policy_method_enum",
            "owner_type_enum", "notification_status_enum", "artifact_type_enum", "artifact_retention_enum");

    private static final Set<String> VIEWS = Set.of(
            "workflow_execution_summary", "workflow_action_link", "webhook_stats", "pack_test_summary", "pack_latest_test");

    /** Spec §3.2's 14, plus disable_trigger_webhook and regenerate_trigger_webhook_key (kept deliberately). */
    private static final Set<String> FUNCTIONS = Set.of(
            "update_updated_column()", "validate_key_owner()", "notify_on_insert()", "notify_execution_change()",
            "update_pack_test_metadata()", "generate_webhook_key()",
            "enable_trigger_webhook(p_trigger_id bigint, p_config jsonb)",
            "disable_trigger_webhook(p_trigger_id bigint)", "regenerate_trigger_webhook_key(p_trigger_id bigint)",
            "generate_webhook_hmac_secret()",
            "configure_trigger_webhook_rate_limit(p_trigger_id bigint, p_enabled boolean, p_requests integer,"
                    + " p_window_seconds integer)",
            "configure_trigger_webhook_ip_whitelist(p_trigger_id bigint, p_enabled boolean, p_ip_list text[])",
            "check_webhook_rate_limit(p_webhook_key character varying, p_max_requests integer, p_window_seconds integer)",
            "check_webhook_ip_whitelist(p_source_ip inet, p_whitelist text[])",
            "get_pack_test_stats(p_pack_id bigint)",
            "pack_has_passing_tests(p_pack_id bigint, p_hours_ago integer)");

    /** Spec §3.1: 19 update_<table>_updated triggers plus five others. */
    private static final Set<String> TRIGGERS = Set.of(
            "update_pack_updated", "update_runtime_updated", "update_worker_updated", "update_identity_updated",
            "update_permission_set_updated", "update_policy_updated", "update_key_updated", "update_trigger_updated",
            "update_sensor_updated", "update_event_updated", "update_enforcement_updated", "update_action_updated",
            "update_rule_updated", "update_execution_updated", "update_inquiry_updated",
            "update_workflow_definition_updated", "update_workflow_execution_updated", "update_notification_updated",
            "update_artifact_updated", "pack_installation_updated_trigger", "validate_key_owner_trigger",
            "notify_on_notification_insert", "notify_execution_change", "trigger_update_pack_test_metadata");

    private static final Pattern NAME_AFTER_PREFIX = Pattern.compile("^\\S+ (?:r |CREATE TRIGGER )?(\\w+)");

    @Test
    void flywayBuildsTheSpecifiedInventory() throws Exception {
        try (ScratchSchema scratch = ScratchSchema.create()) {
            MigrationReport report = new Migrator(scratch.open(2)).migrate();

            assertThat(report.previousVersion()).isEmpty();
            assertThat(report.currentVersion()).contains("20260129000001");
            assertThat(report.applied()).hasSize(13);

            CatalogFingerprint catalog = fingerprint(scratch);
            assertThat(catalog.count("relation r ")).isEqualTo(25);
            assertThat(catalog.count("enum ")).isEqualTo(12);
            assertThat(catalog.count("view ")).isEqualTo(5);
            assertThat(catalog.count("trigger ")).isEqualTo(24);
            assertThat(catalog.count("function ")).isEqualTo(16);

            assertThat(names(catalog, "relation r ")).isEqualTo(new TreeSet<>(TABLES));
            assertThat(names(catalog, "enum ")).isEqualTo(new TreeSet<>(ENUMS));
            assertThat(names(catalog, "view ")).isEqualTo(new TreeSet<>(VIEWS));
            assertThat(names(catalog, "trigger ")).isEqualTo(new TreeSet<>(TRIGGERS));
            assertThat(functionSignatures(catalog)).isEqualTo(new TreeSet<>(FUNCTIONS));
        }
    }

    @Test
    void transientObjectsOfEarlierVersionsAreGone() throws Exception {
        try (ScratchSchema scratch = ScratchSchema.create()) {
            scratch.migrated();

            CatalogFingerprint catalog = fingerprint(scratch);
            assertThat(catalog.lines()).noneMatch(line -> line.contains("workflow_task_execution"))
                    .noneMatch(line -> line.startsWith("view workflow_task_detail"))
                    .noneMatch(line -> line.startsWith("view webhook_stats_detailed"))
                    .noneMatch(line -> line.startsWith("column trigger.webhook_secret"))
                    .noneMatch(line -> line.startsWith("column trigger.webhook_hmac"))
                    .noneMatch(line -> line.startsWith("function enable_trigger_webhook_hmac"))
                    .noneMatch(line -> line.matches("function enable_trigger_webhook\\(p_trigger_id bigint\\) .*"));
            assertThat(catalog.lines()).filteredOn(line -> line.startsWith("column trigger.webhook"))
                    .extracting(line -> line.split(" ")[1])
                    .containsExactlyInAnyOrder("trigger.webhook_enabled", "trigger.webhook_key", "trigger.webhook_config");
        }
    }

    @Test
    void twoSchemasMigratedConcurrentlyHaveEqualCatalogs() throws Exception {
        try (ScratchSchema first = ScratchSchema.create(); ScratchSchema second = ScratchSchema.create()) {
            // Flyway's lock is per history table: two schemas migrate side by side.
            CompletableFuture<MigrationReport> a = CompletableFuture.supplyAsync(() -> new Migrator(first.open(2)).migrate());
            CompletableFuture<MigrationReport> b = CompletableFuture.supplyAsync(() -> new Migrator(second.open(2)).migrate());

            assertThat(List.of(a.get(), b.get())).allSatisfy(report -> assertThat(report.applied()).hasSize(13));
            CatalogFingerprint left = fingerprint(first);
            CatalogFingerprint right = fingerprint(second);
            assertThat(left).as("difference: %s", left.differenceFrom(right)).isEqualTo(right);
            assertThat(left.lines()).isEqualTo(right.lines()).hasSizeGreaterThan(500);
            assertThat(String.join("\n", left.lines())).doesNotContain(first.name().value());
        }
    }

    @Test
    void migratingAnUpToDateSchemaAppliesNothingAndValidates() throws Exception {
        try (ScratchSchema scratch = ScratchSchema.create()) {
            Database database = scratch.migrated();
            CatalogFingerprint before = fingerprint(scratch);

            Migrator again = new Migrator(database);
            MigrationReport report = again.migrate();

            assertThat(report.applied()).isEmpty();
            assertThat(report.previousVersion()).contains("20260129000001");
            assertThat(report.currentVersion()).contains("20260129000001");
            assertThatCode(again::validate).doesNotThrowAnyException();
            // Flyway also records that it created the schema; every entry is applied, none pending or failed.
            assertThat(again.info()).extracting(MigrationStatus::state).containsOnly("Success");
            assertThat(again.info()).filteredOn(info -> !info.description().startsWith("<<")).hasSize(13);
            assertThat(fingerprint(scratch)).isEqualTo(before);
        }
    }

    private static CatalogFingerprint fingerprint(ScratchSchema scratch) throws Exception {
        try (Connection admin = scratch.admin()) {
            return CatalogFingerprint.of(admin, scratch.name().value());
        }
    }

    /** The object names of the fingerprint lines of one kind. */
    private static Set<String> names(CatalogFingerprint catalog, String prefix) {
        Set<String> names = new TreeSet<>();
        for (String line : catalog.lines()) {
            if (line.startsWith(prefix)) {
                Matcher matcher = NAME_AFTER_PREFIX.matcher(line);
                assertThat(matcher.find()).as("name in '%s'", line).isTrue();
                names.add(matcher.group(1));
            }
        }
        return names;
    }

    /** {@code name(arguments)} of every function line. */
    private static Set<String> functionSignatures(CatalogFingerprint catalog) {
        Set<String> signatures = new TreeSet<>();
        for (String line : catalog.lines()) {
            if (line.startsWith("function ")) {
                String rest = line.substring("function ".length());
                signatures.add(rest.substring(0, rest.indexOf(')') + 1));
            }
        }
        return signatures;
    }
}
