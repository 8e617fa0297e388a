package dev.attune.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.attune.junit.IsolatedSchemaTest;
import dev.attune.provisioning.IsolatedSchema;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Every one of the 16 functions of the final schema, called directly or fired by the insert/update it is attached to.
 * Plain SQL on purpose: these are tests of the SQL functions themselves, not of a repository.
 */
@IsolatedSchemaTest
class CallableFunctionsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The functions this class exercises; {@link #theSchemaHasExactlyTheSixteenFunctionsExercisedHere} keeps it honest. */
    private static final Set<String> EXERCISED = Set.of(
            "update_updated_column", "validate_key_owner", "notify_on_insert", "notify_execution_change",
            "update_pack_test_metadata", "generate_webhook_key", "enable_trigger_webhook", "disable_trigger_webhook",
            "regenerate_trigger_webhook_key", "generate_webhook_hmac_secret", "configure_trigger_webhook_rate_limit",
            "configure_trigger_webhook_ip_whitelist", "check_webhook_rate_limit", "check_webhook_ip_whitelist",
            "get_pack_test_stats", "pack_has_passing_tests");

    @Test
    void theSchemaHasExactlyTheSixteenFunctionsExercisedHere(DSLContext dsl) {
        List<String> functions = dsl.fetchValues(
                "select p.proname from pg_catalog.pg_proc p join pg_catalog.pg_namespace n on n.oid = p.pronamespace"
                        + " where n.nspname = current_schema()")
                .stream().map(String::valueOf).toList();

        assertThat(functions).hasSize(16).containsExactlyInAnyOrderElementsOf(EXERCISED);
    }

    // --- key and secret generators -------------------------------------------------------------------------------

    @Test
    void generateWebhookKeyReturnsWhAnd32RandomLowerCaseHexDigits(DSLContext dsl) {
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            keys.add((String) dsl.fetchValue("select generate_webhook_key()"));
        }

        assertThat(keys).hasSize(50).allMatch(key -> key.matches("^wh_[0-9a-f]{32}$"));
    }

    @Test
    void generateWebhookHmacSecretReturns128RandomLowerCaseHexDigits(DSLContext dsl) {
        Set<String> secrets = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            secrets.add((String) dsl.fetchValue("select generate_webhook_hmac_secret()"));
        }

        assertThat(secrets).hasSize(20).allMatch(secret -> secret.matches("^[0-9a-f]{128}$"));
    }

    // --- enable / disable / regenerate ---------------------------------------------------------------------------

    @Test
    void enableTriggerWebhookWithOneArgumentIsUnambiguousAndReturnsKeyUrlAndDefaultConfig(DSLContext dsl) {
        long trigger = trigger(dsl, "core.webhook");

        Record result = dsl.fetchSingle(
                "select webhook_enabled, webhook_key, webhook_url, webhook_config::text as config"
                        + " from enable_trigger_webhook(?)", trigger);

        String key = result.get("webhook_key", String.class);
        assertThat(result.get("webhook_enabled", Boolean.class)).isTrue();
        assertThat(key).matches("^wh_[0-9a-f]{32}$");
        assertThat(result.get("webhook_url", String.class)).isEqualTo("/api/v1/webhooks/" + key);
        assertThat(json(result.get("config", String.class))).isEqualTo(json("""
                {"hmac": {"enabled": false, "algorithm": "sha256"},
                 "rate_limit": {"enabled": false},
                 "ip_whitelist": {"enabled": false, "ips": []}}"""));
        Record row = dsl.fetchSingle("select webhook_enabled, webhook_key, webhook_config::text as config from trigger"
                + " where id = ?", trigger);
        assertThat(row.get("webhook_enabled", Boolean.class)).isTrue();
        assertThat(row.get("webhook_key", String.class)).isEqualTo(key);
        assertThat(json(row.get("config", String.class))).isEqualTo(json(result.get("config", String.class)));
    }

    @Test
    void enableTriggerWebhookKeepsAnExistingKeyAndReplacesTheConfig(DSLContext dsl) {
        long trigger = trigger(dsl, "core.webhook");
        String key = dsl.fetchValue("select webhook_key from enable_trigger_webhook(?)", trigger).toString();

        Record again = dsl.fetchSingle("select webhook_key, webhook_config::text as config"
                + " from enable_trigger_webhook(?, ?::jsonb)", trigger,
                "{\"rate_limit\": {\"enabled\": true, \"requests\": 5, \"window_seconds\": 10}, \"payload_size_limit_kb\": 64}");

        assertThat(again.get("webhook_key", String.class)).isEqualTo(key);
        assertThat(json(again.get("config", String.class))).isEqualTo(json("""
                {"hmac": {"enabled": false, "algorithm": "sha256"},
                 "rate_limit": {"enabled": true, "requests": 5, "window_seconds": 10},
                 "ip_whitelist": {"enabled": false, "ips": []},
                 "payload_size_limit_kb": 64}"""));
    }

    @Test
    void webhookFunctionsRejectAnUnknownTrigger(DSLContext dsl) {
        long missing = trigger(dsl, "core.gone") + 1000;

        assertThatThrownBy(() -> dsl.fetch("select * from enable_trigger_webhook(?)", missing))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("Trigger with id " + missing + " does not exist");
        assertThatThrownBy(() -> dsl.fetch("select disable_trigger_webhook(?)", missing))
                .hasMessageContaining("Trigger with id " + missing + " does not exist");
        assertThatThrownBy(() -> dsl.fetch("select * from regenerate_trigger_webhook_key(?)", missing))
                .hasMessageContaining("Trigger with id " + missing + " does not exist");
        assertThatThrownBy(() -> dsl.fetch("select * from configure_trigger_webhook_rate_limit(?, true)", missing))
                .hasMessageContaining("Trigger with id " + missing + " does not exist");
        assertThatThrownBy(() -> dsl.fetch("select * from configure_trigger_webhook_ip_whitelist(?, true)", missing))
                .hasMessageContaining("Trigger with id " + missing + " does not exist");
    }

    /** Regression: Attune's migration of 29 Jan 2026 dropped disable_trigger_webhook by accident. */
    @Test
    void regressionJan2026DisableTriggerWebhookExistsAndKeepsKeyAndConfig(DSLContext dsl) {
        long trigger = trigger(dsl, "core.webhook");
        dsl.fetch("select * from enable_trigger_webhook(?, ?::jsonb)", trigger,
                "{\"hmac\": {\"enabled\": true, \"algorithm\": \"sha512\"}}");
        Record before = dsl.fetchSingle("select webhook_key, webhook_config::text as config from trigger where id = ?",
                trigger);

        Boolean disabled = (Boolean) dsl.fetchValue("select disable_trigger_webhook(?)", trigger);

        Record after = dsl.fetchSingle("select webhook_enabled, webhook_key, webhook_config::text as config from trigger"
                + " where id = ?", trigger);
        assertThat(disabled).isTrue();
        assertThat(after.get("webhook_enabled", Boolean.class)).isFalse();
        assertThat(after.get("webhook_key", String.class)).isEqualTo(before.get("webhook_key", String.class)).isNotNull();
        assertThat(json(after.get("config", String.class))).isEqualTo(json(before.get("config", String.class)));
        assertThat(json(after.get("config", String.class)).at("/hmac/algorithm").asString()).isEqualTo("sha512");
    }

    /** Regression: Attune's migration of 29 Jan 2026 dropped regenerate_trigger_webhook_key by accident. */
    @Test
    void regressionJan2026RegenerateTriggerWebhookKeyStoresANewKeyAndRevokesTheOldOne(DSLContext dsl) {
        long trigger = trigger(dsl, "core.webhook");
        String oldKey = dsl.fetchValue("select webhook_key from enable_trigger_webhook(?)", trigger).toString();

        Record regenerated = dsl.fetchSingle("select webhook_key, previous_key_revoked from regenerate_trigger_webhook_key(?)",
                trigger);

        String newKey = regenerated.get("webhook_key", String.class);
        assertThat(newKey).matches("^wh_[0-9a-f]{32}$").isNotEqualTo(oldKey);
        assertThat(regenerated.get("previous_key_revoked", Boolean.class)).isTrue();
        assertThat(dsl.fetchValue("select webhook_key from trigger where id = ?", trigger)).isEqualTo(newKey);
        assertThat(dsl.fetchValue("select count(*) from trigger where webhook_key = ?", oldKey)).isEqualTo(0L);
    }

    @Test
    void regenerateOnATriggerWithoutKeyReportsNothingRevoked(DSLContext dsl) {
        long trigger = trigger(dsl, "core.plain");

        Record regenerated = dsl.fetchSingle("select webhook_key, previous_key_revoked from regenerate_trigger_webhook_key(?)",
                trigger);

        assertThat(regenerated.get("previous_key_revoked", Boolean.class)).isFalse();
        assertThat(regenerated.get("webhook_key", String.class)).matches("^wh_[0-9a-f]{32}$");
        assertThat(dsl.fetchValue("select webhook_enabled from trigger where id = ?", trigger))
                .as("regenerating does not enable").isEqualTo(false);
    }

    // --- rate-limit / IP-whitelist configuration (migration-level design fix) ----------------------------------

    /** Regression: in Attune these functions updated columns dropped on 27 Jan 2026 and failed at call time. */
    @Test
    void regressionJan2026ConfigureRateLimitWritesWebhookConfigAndLeavesOtherKeys(DSLContext dsl) {
        long trigger = trigger(dsl, "core.webhook");
        dsl.fetch("select * from enable_trigger_webhook(?, ?::jsonb)", trigger,
                "{\"hmac\": {\"enabled\": true, \"algorithm\": \"sha1\"}, \"payload_size_limit_kb\": 512}");

        Record result = dsl.fetchSingle(
                "select * from configure_trigger_webhook_rate_limit(?, true, 50, 120)", trigger);

        assertThat(result.get("rate_limit_enabled", Boolean.class)).isTrue();
        assertThat(result.get("rate_limit_requests", Integer.class)).isEqualTo(50);
        assertThat(result.get("rate_limit_window_seconds", Integer.class)).isEqualTo(120);
        assertThat(config(dsl, trigger)).isEqualTo(json("""
                {"hmac": {"enabled": true, "algorithm": "sha1"},
                 "rate_limit": {"enabled": true, "requests": 50, "window_seconds": 120},
                 "ip_whitelist": {"enabled": false, "ips": []},
                 "payload_size_limit_kb": 512}"""));
    }

    @Test
    void configureRateLimitDefaultsToOneHundredRequestsPerMinute(DSLContext dsl) {
        long trigger = trigger(dsl, "core.webhook");

        Record result = dsl.fetchSingle("select * from configure_trigger_webhook_rate_limit(?, false)", trigger);

        assertThat(result.get("rate_limit_requests", Integer.class)).isEqualTo(100);
        assertThat(result.get("rate_limit_window_seconds", Integer.class)).isEqualTo(60);
        assertThat(config(dsl, trigger)).isEqualTo(json("""
                {"rate_limit": {"enabled": false, "requests": 100, "window_seconds": 60}}"""));
    }

    @Test
    void configureRateLimitTurnsANullConfigIntoAnObject(DSLContext dsl) {
        long trigger = trigger(dsl, "core.webhook");
        dsl.execute("update trigger set webhook_config = null where id = ?", trigger);

        dsl.fetch("select * from configure_trigger_webhook_rate_limit(?, true, 1, 1)", trigger);

        assertThat(config(dsl, trigger)).isEqualTo(json("""
                {"rate_limit": {"enabled": true, "requests": 1, "window_seconds": 1}}"""));
    }

    @ParameterizedTest(name = "requests={0}, window={1}")
    @CsvSource({
        "0, 60, Rate limit requests must be between 1 and 10000",
        "10001, 60, Rate limit requests must be between 1 and 10000",
        "-5, 60, Rate limit requests must be between 1 and 10000",
        "100, 0, Rate limit window must be between 1 and 3600 seconds",
        "100, 3601, Rate limit window must be between 1 and 3600 seconds"})
    void configureRateLimitRejectsOutOfRangeValuesAndChangesNothing(int requests, int window, String message,
            DSLContext dsl) {
        long trigger = trigger(dsl, "core.webhook");
        dsl.fetch("select * from configure_trigger_webhook_rate_limit(?, true, 10000, 3600)", trigger);
        JsonNode before = config(dsl, trigger);

        assertThatThrownBy(() -> dsl.fetch("select * from configure_trigger_webhook_rate_limit(?, true, ?, ?)",
                trigger, requests, window))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining(message);
        assertThat(config(dsl, trigger)).isEqualTo(before);
    }

    /** Regression: in Attune this function updated columns dropped on 27 Jan 2026 and failed at call time. */
    @Test
    void regressionJan2026ConfigureIpWhitelistWritesWebhookConfigKeepingTheOrder(DSLContext dsl) {
        long trigger = trigger(dsl, "core.webhook");
        dsl.fetch("select * from enable_trigger_webhook(?)", trigger);
        dsl.fetch("select * from configure_trigger_webhook_rate_limit(?, true, 7, 70)", trigger);

        Record result = dsl.fetchSingle(
                "select ip_whitelist_enabled, array_to_string(ip_whitelist, ',') as ips"
                        + " from configure_trigger_webhook_ip_whitelist(?, true, array[?, ?, ?]::text[])",
                trigger, "192.168.1.5", "10.0.0.0/8", "2001:db8::/32");

        assertThat(result.get("ip_whitelist_enabled", Boolean.class)).isTrue();
        assertThat(result.get("ips", String.class)).isEqualTo("192.168.1.5,10.0.0.0/8,2001:db8::/32");
        assertThat(config(dsl, trigger)).isEqualTo(json("""
                {"hmac": {"enabled": false, "algorithm": "sha256"},
                 "rate_limit": {"enabled": true, "requests": 7, "window_seconds": 70},
                 "ip_whitelist": {"enabled": true, "ips": ["192.168.1.5", "10.0.0.0/8", "2001:db8::/32"]}}"""));
    }

    @Test
    void configureIpWhitelistDefaultsToAnEmptyList(DSLContext dsl) {
        long trigger = trigger(dsl, "core.webhook");

        dsl.fetch("select * from configure_trigger_webhook_ip_whitelist(?, false)", trigger);

        assertThat(config(dsl, trigger)).isEqualTo(json("{\"ip_whitelist\": {\"enabled\": false, \"ips\": []}}"));
    }

    // --- checks ---------------------------------------------------------------------------------------------------

    @Test
    void checkWebhookRateLimitAllowsMaxRequestsPerWindowThenRefuses(DSLContext dsl) {
        // One transaction: now() is fixed, so all calls fall into the same window whatever the clock does.
        List<Object> answers = dsl.transactionResult(cfg -> {
            DSLContext tx = DSL.using(cfg);
            return List.of(
                    tx.fetchValue("select check_webhook_rate_limit(?, 2, 3600)", "wh_limited"),
                    tx.fetchValue("select check_webhook_rate_limit(?, 2, 3600)", "wh_limited"),
                    tx.fetchValue("select check_webhook_rate_limit(?, 2, 3600)", "wh_limited"),
                    tx.fetchValue("select check_webhook_rate_limit(?, 2, 3600)", "wh_other"));
        });

        assertThat(answers).containsExactly(true, true, false, true);
        assertThat(dsl.fetchValue("select request_count from webhook_rate_limit where webhook_key = ?", "wh_limited"))
                .isEqualTo(3);
    }

    @Test
    void checkWebhookRateLimitPurgesWindowsOlderThanAnHour(DSLContext dsl) {
        dsl.execute("insert into webhook_rate_limit (webhook_key, window_start, request_count)"
                + " values ('wh_stale', now() - interval '2 hours', 99)");

        dsl.fetchValue("select check_webhook_rate_limit(?, 5, 60)", "wh_fresh");

        assertThat(dsl.fetch("select webhook_key from webhook_rate_limit").getValues(0, String.class))
                .containsExactly("wh_fresh");
    }

    @ParameterizedTest(name = "{0} in {1} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "10.1.2.3      | array['10.0.0.0/8']::text[]                  | true",
        "192.168.1.5   | array['10.0.0.0/8', '192.168.1.5']::text[]   | true",
        "192.168.1.6   | array['10.0.0.0/8', '192.168.1.5']::text[]   | false",
        "2001:db8::1   | array['2001:db8::/32']::text[]               | true",
        "11.0.0.1      | array['10.0.0.0/8']::text[]                  | false",
        "10.1.2.3      | array[]::text[]                              | false",
        "10.1.2.3      | null::text[]                                 | false"})
    void checkWebhookIpWhitelistMatchesAddressesAndCidrBlocks(String ip, String whitelist, boolean allowed,
            DSLContext dsl) {
        assertThat(dsl.fetchValue("select check_webhook_ip_whitelist(?::inet, " + whitelist + ")", ip)).isEqualTo(allowed);
    }

    @Test
    void checkWebhookIpWhitelistRejectsAnInvalidEntry(DSLContext dsl) {
        assertThatThrownBy(() -> dsl.fetchValue("select check_webhook_ip_whitelist('10.0.0.1'::inet, array['not-an-ip'])"))
                .isInstanceOf(DataAccessException.class)
                .satisfies(e -> assertThat(((DataAccessException) e).sqlState()).isEqualTo("22P02"));
    }

    // --- pack tests -----------------------------------------------------------------------------------------------

    @Test
    void getPackTestStatsReturnsOneEmptyRowForAPackWithoutTests(DSLContext dsl) {
        long pack = pack(dsl, "untested");

        var rows = dsl.fetch("select * from get_pack_test_stats(?)", pack);

        assertThat(rows).hasSize(1);
        Record stats = rows.get(0);
        assertThat(stats.get("total_executions", Long.class)).isZero();
        assertThat(stats.get("successful_executions", Long.class)).isZero();
        assertThat(stats.get("failed_executions", Long.class)).isZero();
        assertThat(stats.get("avg_pass_rate")).isNull();
        assertThat(stats.get("avg_duration_ms")).isNull();
        assertThat(stats.get("last_test_time")).isNull();
        assertThat(stats.get("last_test_passed")).isNull();
    }

    @Test
    void getPackTestStatsSummarisesThePacksRunsOnly(DSLContext dsl) {
        long pack = pack(dsl, "tested");
        long other = pack(dsl, "other");
        packTest(dsl, pack, "3 hours", 10, 10, 0, "1.0000", 100);
        packTest(dsl, pack, "2 hours", 10, 8, 2, "0.8000", 200);
        packTest(dsl, pack, "1 hour", 4, 4, 0, "1.0000", 300);
        packTest(dsl, other, "10 minutes", 5, 0, 5, "0.0000", 999);

        Record stats = dsl.fetchSingle("select *, last_test_time = (select max(execution_time) from pack_test_execution"
                + " where pack_id = ?) as last_is_max from get_pack_test_stats(?)", pack, pack);

        assertThat(stats.get("total_executions", Long.class)).isEqualTo(3);
        assertThat(stats.get("successful_executions", Long.class)).isEqualTo(2);
        assertThat(stats.get("failed_executions", Long.class)).isEqualTo(1);
        assertThat(stats.get("avg_pass_rate", BigDecimal.class)).isCloseTo(new BigDecimal("0.93333"),
                within(new BigDecimal("0.00001")));
        assertThat(stats.get("avg_duration_ms", Long.class)).isEqualTo(200);
        assertThat(stats.get("last_is_max", Boolean.class)).isTrue();
        assertThat(stats.get("last_test_passed", Boolean.class)).isTrue();
    }

    @Test
    void getPackTestStatsReportsAFailedLatestRun(DSLContext dsl) {
        long pack = pack(dsl, "flaky");
        packTest(dsl, pack, "2 hours", 3, 3, 0, "1.0000", 10);
        packTest(dsl, pack, "1 hour", 3, 2, 1, "0.6667", 10);

        assertThat(dsl.fetchValue("select last_test_passed from get_pack_test_stats(?)", pack)).isEqualTo(false);
    }

    @Test
    void packHasPassingTestsLooksForAPassingNonEmptyRunInTheWindow(DSLContext dsl) {
        long recent = pack(dsl, "recent");
        packTest(dsl, recent, "1 hour", 4, 4, 0, "1.0000", 10);
        long old = pack(dsl, "old");
        packTest(dsl, old, "30 hours", 4, 4, 0, "1.0000", 10);
        long failing = pack(dsl, "failing");
        packTest(dsl, failing, "1 hour", 4, 3, 1, "0.7500", 10);
        long empty = pack(dsl, "empty");
        packTest(dsl, empty, "1 hour", 0, 0, 0, "0.0000", 10);

        assertThat(dsl.fetchValue("select pack_has_passing_tests(?)", recent)).isEqualTo(true);
        assertThat(dsl.fetchValue("select pack_has_passing_tests(?)", old)).isEqualTo(false);
        assertThat(dsl.fetchValue("select pack_has_passing_tests(?, 48)", old)).isEqualTo(true);
        assertThat(dsl.fetchValue("select pack_has_passing_tests(?)", failing)).isEqualTo(false);
        assertThat(dsl.fetchValue("select pack_has_passing_tests(?)", empty)).isEqualTo(false);
    }

    @Test
    void updatePackTestMetadataFiresOnInsertAndLeavesTheRowAsInserted(DSLContext dsl) {
        long pack = pack(dsl, "metadata");

        long id = packTest(dsl, pack, "1 minute", 2, 2, 0, "1.0000", 5);

        Record row = dsl.fetchSingle("select pack_version, total_tests, pass_rate from pack_test_execution where id = ?", id);
        assertThat(row.get("pack_version", String.class)).isEqualTo("1.0.0");
        assertThat(row.get("total_tests", Integer.class)).isEqualTo(2);
        assertThat(row.get("pass_rate", BigDecimal.class)).isEqualByComparingTo("1");
        assertThat(dsl.fetchValue("select count(*) from pg_catalog.pg_trigger t join pg_catalog.pg_proc p"
                + " on p.oid = t.tgfoid where t.tgrelid = 'pack_test_execution'::regclass"
                + " and t.tgname = 'trigger_update_pack_test_metadata' and p.proname = 'update_pack_test_metadata'"))
                .isEqualTo(1L);
    }

    // --- trigger functions ---------------------------------------------------------------------------------------

    @Test
    void updateUpdatedColumnSetsUpdatedToTheTransactionTimestamp(DSLContext dsl) {
        long pack = value(dsl, "insert into pack (ref, label, version, updated) values ('stamped', 'S', '1.0.0',"
                + " timestamptz '2000-01-01 00:00:00+00') returning id", Long.class);
        long installation = value(dsl, "insert into pack_installation (pack_id, source_type, storage_path, updated)"
                + " values (?, 'git', '/packs/stamped', timestamptz '2000-01-01 00:00:00+00') returning id",
                Long.class, pack);

        List<Boolean> stamped = dsl.transactionResult(cfg -> {
            DSLContext tx = DSL.using(cfg);
            return List.of(
                    value(tx, "update pack set label = 'changed' where id = ? returning updated = now()",
                            Boolean.class, pack),
                    value(tx, "update pack_installation set source_url = 'x' where id = ? returning updated = now()",
                            Boolean.class, installation));
        });

        assertThat(stamped).containsExactly(true, true);
        assertThat(value(dsl, "select updated from pack where id = ?", OffsetDateTime.class, pack))
                .isAfter(OffsetDateTime.parse("2000-01-01T00:00:00Z"));
    }

    @Test
    void validateKeyOwnerDerivesOwnerFromTheOwnerColumnAndOverwritesTheCallersValue(DSLContext dsl) {
        long pack = pack(dsl, "owner");

        String packOwner = value(dsl, "insert into key (ref, owner_type, owner, owner_pack, name, encrypted, value)"
                + " values ('owner.token', 'pack', 'bogus', ?, 'token', false, 'v') returning owner", String.class, pack);
        String systemOwner = value(dsl, "insert into key (ref, owner_type, owner, name, encrypted, value)"
                + " values ('token', 'system', 'bogus', 'token', false, 'v') returning owner", String.class);

        assertThat(packOwner).isEqualTo(Long.toString(pack));
        assertThat(systemOwner).isEqualTo("system");
    }

    @Test
    void validateKeyOwnerRejectsInconsistentOwnerFields(DSLContext dsl) {
        long pack = pack(dsl, "owner");
        long identity = value(dsl, "insert into identity (login) values ('alice') returning id", Long.class);

        assertThatThrownBy(() -> dsl.execute("insert into key (ref, owner_type, owner_pack, name, encrypted, value)"
                + " values ('k1', 'system', ?, 'k1', false, 'v')", pack))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("System owner cannot have specific owner fields set")
                .satisfies(e -> assertThat(((DataAccessException) e).sqlState()).isEqualTo("23514"));
        assertThatThrownBy(() -> dsl.execute("insert into key (ref, owner_type, name, encrypted, value)"
                + " values ('k2', 'pack', 'k2', false, 'v')"))
                .hasMessageContaining("Exactly one owner field must be set for owner_type pack");
        assertThatThrownBy(() -> dsl.execute("insert into key (ref, owner_type, owner_pack, owner_identity, name,"
                + " encrypted, value) values ('k3', 'pack', ?, ?, 'k3', false, 'v')", pack, identity))
                .hasMessageContaining("Exactly one owner field must be set for owner_type pack");
        assertThatThrownBy(() -> dsl.execute("insert into key (ref, owner_type, owner_identity, name, encrypted, value)"
                + " values ('k4', 'pack', ?, 'k4', false, 'v')", identity))
                .hasMessageContaining("owner_pack must be set for owner_type pack");
        assertThat(value(dsl, "select count(*) from key", Long.class)).isZero();
    }

    @Test
    void validateKeyOwnerAlsoChecksUpdates(DSLContext dsl) {
        long pack = pack(dsl, "owner");
        long key = value(dsl, "insert into key (ref, owner_type, name, encrypted, value)"
                + " values ('k', 'system', 'k', false, 'v') returning id", Long.class);

        assertThatThrownBy(() -> dsl.execute("update key set owner_pack = ? where id = ?", pack, key))
                .hasMessageContaining("System owner cannot have specific owner fields set");
        assertThat(value(dsl, "update key set owner_type = 'pack', owner_pack = ? where id = ? returning owner",
                String.class, pack, key)).isEqualTo(Long.toString(pack));
    }

    @Test
    void notifyOnInsertPublishesTheNotificationOnItsOwnChannel(IsolatedSchema schema, DataSource dataSource)
            throws Exception {
        // The channel is database-wide: make it unique to this test's schema.
        String channel = schema.name().value() + "_custom";
        try (Connection listener = dataSource.getConnection()) {
            try (Statement statement = listener.createStatement()) {
                statement.execute("listen \"" + channel + "\"");
            }
            long id = value(schema.dsl(), "insert into notification (channel, entity_type, entity, activity, content)"
                    + " values (?, 'execution', '42', 'created', ?::jsonb) returning id", Long.class,
                    channel, "{\"big\": \"not sent\"}");

            PGNotification[] received = listener.unwrap(PGConnection.class).getNotifications(30_000);

            try (Statement statement = listener.createStatement()) {
                statement.execute("unlisten *");
            }
            assertThat(received).as("a notification on %s", channel).hasSize(1);
            assertThat(received[0].getName()).isEqualTo(channel);
            assertThat(json(received[0].getParameter())).isEqualTo(json(
                    "{\"id\": " + id + ", \"entity_type\": \"execution\", \"entity\": \"42\", \"activity\": \"created\"}"));
        }
    }

    // --- fixtures -----------------------------------------------------------------------------------------------

    private static long pack(DSLContext dsl, String ref) {
        return value(dsl, "insert into pack (ref, label, version) values (?, ?, '1.0.0') returning id",
                Long.class, ref, ref);
    }

    private static long trigger(DSLContext dsl, String ref) {
        String packRef = ref.substring(0, ref.indexOf('.'));
        long packId = dsl.fetchOptional("select id from pack where ref = ?", packRef)
                .map(row -> row.get(0, Long.class))
                .orElseGet(() -> pack(dsl, packRef));
        return value(dsl, "insert into trigger (ref, pack, pack_ref, label) values (?, ?, ?, ?) returning id",
                Long.class, ref, packId, packRef, ref);
    }

    private static long packTest(DSLContext dsl, long pack, String age, int total, int passed, int failed,
            String passRate, long durationMs) {
        return value(dsl, "insert into pack_test_execution (pack_id, pack_version, execution_time, trigger_reason,"
                + " total_tests, passed, failed, skipped, pass_rate, duration_ms, result)"
                + " values (?, '1.0.0', now() - ?::interval, 'manual', ?, ?, ?, 0, ?::numeric, ?, '{}') returning id",
                Long.class, pack, age, total, passed, failed, passRate, durationMs);
    }

    /** The single value of a one-row, one-column query, converted to {@code type} (null when the value is NULL). */
    private static <T> T value(DSLContext dsl, String sql, Class<T> type, Object... bindings) {
        return dsl.fetchSingle(sql, bindings).get(0, type);
    }

    private static JsonNode config(DSLContext dsl, long trigger) {
        return json(value(dsl, "select webhook_config::text from trigger where id = ?", String.class, trigger));
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }
}
