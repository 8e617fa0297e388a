package dev.attune.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.attune.migrations.Migrator;
import dev.attune.provisioning.internal.CatalogFingerprint;
import dev.attune.testserver.TestDatabaseServer;
import java.sql.Connection;
import java.time.Instant;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Upgrading a schema with data from 20260122000001 (before the two data migrations) to the latest version: webhook
 * columns become {@code trigger.webhook_config}, {@code workflow_task_execution} rows become
 * {@code execution.workflow_task}, with true UTC timestamps even when the migrating session is not in UTC.
 */
@Execution(ExecutionMode.CONCURRENT)
class UpgradePathTest {

    private static final String BEFORE_DATA_MIGRATIONS = "20260122000001";
    /** +05:45: a session in this zone turns Attune's "local time + Z" rendering visibly wrong. */
    private static final String SESSION_TIME_ZONE = "Asia/Kathmandu";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void upgradingMigratesWebhookSettingsAndWorkflowTasksIntoJson() throws Exception {
        try (ScratchSchema scratch = ScratchSchema.create()) {
            DataSource dataSource = scratch.closeLater(dataSourceInNonUtcSession(scratch));
            DSLContext dsl = DSL.using(dataSource, SQLDialect.POSTGRES, Database.jooqSettings());

            MigrateResult first = flyway(dataSource, scratch.name(), BEFORE_DATA_MIGRATIONS).migrate();
            assertThat(first.migrationsExecuted).isEqualTo(10);
            assertThat(first.targetSchemaVersion).isEqualTo(BEFORE_DATA_MIGRATIONS);
            assertTheSessionWouldExposeAttunesTimeZoneDefect(dsl);

            Fixture fixture = insertVersion20260122Data(dsl);

            MigrateResult second = flyway(dataSource, scratch.name(), null).migrate();

            assertThat(second.migrationsExecuted).isEqualTo(3);
            assertThat(second.targetSchemaVersion).isEqualTo("20260129000001");
            assertWebhookConfig(dsl, fixture);
            assertWorkflowTasks(dsl, fixture, scratch.name());
            assertThatTheUpgradedCatalogEqualsAFreshOne(scratch);
        }
    }

    private record Fixture(long fullWebhook, long plain, long disabledWithKey, long configuredByOldFunction,
            String oldFunctionKey, long workflowExecution, long workflowParent, long task, long retriedTask) {
    }

    private static Fixture insertVersion20260122Data(DSLContext dsl) {
        long pack = id(dsl, "insert into pack (ref, label, version) values ('core', 'Core', '1.0.0') returning id");

        long fullWebhook = id(dsl, """
                insert into trigger (ref, pack, pack_ref, label, webhook_enabled, webhook_key, webhook_secret,
                    webhook_hmac_enabled, webhook_hmac_secret, webhook_hmac_algorithm,
                    webhook_rate_limit_enabled, webhook_rate_limit_requests, webhook_rate_limit_window_seconds,
                    webhook_ip_whitelist_enabled, webhook_ip_whitelist, webhook_payload_size_limit_kb)
                values ('core.full', ?, 'core', 'Full', true, 'wh_full', 'top-secret',
                    true, 'hmac-secret', 'sha512',
                    true, 30, 90,
                    true, array['192.168.1.5', '10.0.0.0/8'], 256)
                returning id""", pack);
        long plain = id(dsl, """
                insert into trigger (ref, pack, pack_ref, label, webhook_rate_limit_enabled, webhook_hmac_enabled)
                values ('core.plain', ?, 'core', 'Plain', true, true) returning id""", pack);
        long disabledWithKey = id(dsl, """
                insert into trigger (ref, pack, pack_ref, label, webhook_enabled, webhook_key)
                values ('core.disabled', ?, 'core', 'Disabled', false, 'wh_disabled') returning id""", pack);
        long configured = id(dsl, """
                insert into trigger (ref, pack, pack_ref, label)
                values ('core.configured', ?, 'core', 'Configured') returning id""", pack);
        // At this version the functions work on the per-feature columns; there is only the one-argument enable.
        String oldFunctionKey = dsl.fetchSingle("select webhook_key from enable_trigger_webhook(?)", configured)
                .get(0, String.class);
        dsl.fetch("select * from configure_trigger_webhook_rate_limit(?, true, 12, 600)", configured);
        dsl.fetch("select * from configure_trigger_webhook_ip_whitelist(?, true, array['172.16.0.0/12'])", configured);

        long definition = id(dsl, """
                insert into workflow_definition (ref, pack, pack_ref, label, version, definition)
                values ('core.deploy', ?, 'core', 'Deploy', '1.0.0', '{"tasks": []}') returning id""", pack);
        long parent = id(dsl, "insert into execution (action_ref, status) values ('core.deploy', 'running') returning id");
        long workflowExecution = id(dsl, """
                insert into workflow_execution (execution, workflow_def, task_graph)
                values (?, ?, '{}') returning id""", parent, definition);
        long task = id(dsl, """
                insert into execution (action_ref, parent, status) values ('core.build', ?, 'completed') returning id""",
                parent);
        dsl.execute("""
                insert into workflow_task_execution (workflow_execution, execution, task_name, task_index, task_batch,
                    status, started_at, completed_at, duration_ms, retry_count, max_retries, next_retry_at,
                    timeout_seconds, timed_out)
                values (?, ?, 'build', 2, 1, 'completed', ?::timestamptz, ?::timestamptz, 4500, 1, 3, ?::timestamptz,
                    600, false)""", workflowExecution, task, "2026-01-25 10:15:30.123456+00",
                "2026-01-25 10:15:34.623456+00", "2026-01-25 11:00:00+00");
        long retriedTask = id(dsl, """
                insert into execution (action_ref, parent) values ('core.test', ?) returning id""", parent);
        dsl.execute("""
                insert into workflow_task_execution (workflow_execution, execution, task_name, timed_out)
                values (?, ?, 'first', false)""", workflowExecution, retriedTask);
        dsl.execute("""
                insert into workflow_task_execution (workflow_execution, execution, task_name, timed_out)
                values (?, ?, 'second', true)""", workflowExecution, retriedTask);

        return new Fixture(fullWebhook, plain, disabledWithKey, configured, oldFunctionKey, workflowExecution, parent,
                task, retriedTask);
    }

    private static void assertWebhookConfig(DSLContext dsl, Fixture fixture) throws Exception {
        assertThat(config(dsl, fixture.fullWebhook())).isEqualTo(JSON.readTree("""
                {"secret": "top-secret",
                 "hmac": {"enabled": true, "secret": "hmac-secret", "algorithm": "sha512"},
                 "rate_limit": {"enabled": true, "requests": 30, "window_seconds": 90},
                 "ip_whitelist": {"enabled": true, "ips": ["192.168.1.5", "10.0.0.0/8"]},
                 "payload_size_limit_kb": 256}"""));
        assertThat(config(dsl, fixture.plain())).as("neither enabled nor keyed: untouched")
                .isEqualTo(JSON.readTree("{}"));
        assertThat(config(dsl, fixture.disabledWithKey())).as("a key is enough to migrate, with column defaults")
                .isEqualTo(JSON.readTree("""
                        {"secret": null,
                         "hmac": {"enabled": false, "secret": null, "algorithm": "sha256"},
                         "rate_limit": {"enabled": false, "requests": 100, "window_seconds": 60},
                         "ip_whitelist": {"enabled": false, "ips": []},
                         "payload_size_limit_kb": 1024}"""));
        JsonNode configured = config(dsl, fixture.configuredByOldFunction());
        assertThat(configured.path("rate_limit")).isEqualTo(JSON.readTree(
                "{\"enabled\": true, \"requests\": 12, \"window_seconds\": 600}"));
        assertThat(configured.path("ip_whitelist")).isEqualTo(JSON.readTree(
                "{\"enabled\": true, \"ips\": [\"172.16.0.0/12\"]}"));

        assertThat(dsl.fetch("select ref, webhook_enabled, webhook_key from trigger order by id")
                .map(r -> r.get(0) + "|" + r.get(1) + "|" + r.get(2))).containsExactly(
                "core.full|true|wh_full", "core.plain|false|null", "core.disabled|false|wh_disabled",
                "core.configured|true|" + fixture.oldFunctionKey());
        assertThat(dsl.fetch("select column_name from information_schema.columns where table_schema = current_schema()"
                + " and table_name = 'trigger' and column_name like 'webhook%'").getValues(0, String.class))
                .containsExactlyInAnyOrder("webhook_enabled", "webhook_key", "webhook_config");
    }

    private static void assertWorkflowTasks(DSLContext dsl, Fixture fixture, SchemaName schema) throws Exception {
        JsonNode task = workflowTask(dsl, fixture.task());
        assertThat(task).isEqualTo(JSON.readTree("""
                {"workflow_execution": %d, "task_name": "build", "task_index": 2, "task_batch": 1,
                 "retry_count": 1, "max_retries": 3, "next_retry_at": "2026-01-25T11:00:00.000000Z",
                 "timeout_seconds": 600, "timed_out": false, "duration_ms": 4500,
                 "started_at": "2026-01-25T10:15:30.123456Z", "completed_at": "2026-01-25T10:15:34.623456Z"}"""
                .formatted(fixture.workflowExecution())));
        assertThat(Instant.parse(task.path("started_at").asString())).isEqualTo(Instant.parse("2026-01-25T10:15:30.123456Z"));
        assertThat(Instant.parse(task.path("completed_at").asString())).isEqualTo(Instant.parse("2026-01-25T10:15:34.623456Z"));

        JsonNode retried = workflowTask(dsl, fixture.retriedTask());
        assertThat(retried.path("task_name").asString()).as("the task row with the highest id wins").isEqualTo("second");
        assertThat(retried.path("timed_out").asBoolean()).isTrue();
        assertThat(retried.has("started_at")).isTrue();
        assertThat(retried.path("started_at").isNull()).as("an absent timestamp stays JSON null").isTrue();
        assertThat(retried.path("retry_count").asInt()).isZero();

        assertThat(dsl.fetchSingle("select workflow_task is null from execution where id = ?", fixture.workflowParent())
                .get(0, Boolean.class)).as("an execution without task row has SQL NULL, not JSON null").isTrue();
        assertThat(dsl.fetchSingle("select to_regclass(?) is null and to_regclass(?) is null",
                schema.value() + ".workflow_task_execution", schema.value() + ".workflow_task_detail")
                .get(0, Boolean.class)).isTrue();
        assertThat(dsl.fetchSingle("select count(*) from execution where workflow_task ->> 'workflow_execution' = ?",
                Long.toString(fixture.workflowExecution())).get(0, Long.class)).isEqualTo(2);
    }

    private static void assertTheSessionWouldExposeAttunesTimeZoneDefect(DSLContext dsl) {
        // Attune's to_char(ts, '..."Z"') renders local time; this session is not UTC, so that would be wrong here.
        assertThat(dsl.fetchSingle("select current_setting('TimeZone')").get(0, String.class)).isEqualTo(SESSION_TIME_ZONE);
        assertThat(dsl.fetchSingle("select to_char(timestamptz '2026-01-25 10:15:30.123456+00',"
                + " 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')").get(0, String.class)).isEqualTo("2026-01-25T16:00:30.123456Z");
    }

    private static void assertThatTheUpgradedCatalogEqualsAFreshOne(ScratchSchema upgraded) throws Exception {
        try (ScratchSchema fresh = ScratchSchema.create()) {
            fresh.migrated();
            try (Connection admin = upgraded.admin()) {
                CatalogFingerprint upgradedCatalog = CatalogFingerprint.of(admin, upgraded.name().value());
                CatalogFingerprint freshCatalog = CatalogFingerprint.of(admin, fresh.name().value());
                assertThat(upgradedCatalog).as("upgraded vs fresh: %s", upgradedCatalog.differenceFrom(freshCatalog))
                        .isEqualTo(freshCatalog);
            }
        }
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    private static Flyway flyway(DataSource dataSource, SchemaName schema, String target) {
        FluentConfiguration configuration = Flyway.configure(Migrator.class.getClassLoader())
                .dataSource(dataSource)
                .schemas(schema.value())
                .locations(Migrator.LOCATION)
                .placeholderReplacement(false)
                .cleanDisabled(true);
        if (target != null) {
            configuration = configuration.target(target);
        }
        return configuration.load();
    }

    /** A small pool bound to the scratch schema whose sessions run in {@link #SESSION_TIME_ZONE}. */
    private static HikariDataSource dataSourceInNonUtcSession(ScratchSchema scratch) {
        TestDatabaseServer server = scratch.server();
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("attune-it-upgrade-" + scratch.name());
        hikari.setJdbcUrl(server.url());
        hikari.setUsername(server.user());
        hikari.setPassword(server.password());
        hikari.setMaximumPoolSize(2);
        hikari.setMinimumIdle(1);
        hikari.addDataSourceProperty("currentSchema", scratch.name().value());
        hikari.addDataSourceProperty("ApplicationName", "attune-it-upgrade:" + scratch.name());
        hikari.setConnectionInitSql("set time zone '" + SESSION_TIME_ZONE + "'");
        return new HikariDataSource(hikari);
    }

    private static long id(DSLContext dsl, String sql, Object... bindings) {
        return dsl.fetchSingle(sql, bindings).get(0, Long.class);
    }

    private static JsonNode config(DSLContext dsl, long trigger) throws Exception {
        return JSON.readTree(dsl.fetchSingle("select webhook_config::text from trigger where id = ?", trigger)
                .get(0, String.class));
    }

    private static JsonNode workflowTask(DSLContext dsl, long execution) throws Exception {
        return JSON.readTree(dsl.fetchSingle("select workflow_task::text from execution where id = ?", execution)
                .get(0, String.class));
    }
}
