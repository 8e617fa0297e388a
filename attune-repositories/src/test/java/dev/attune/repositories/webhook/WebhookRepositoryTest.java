package dev.attune.repositories.webhook;

import static dev.attune.repositories.Fixtures.json;
import static dev.attune.repositories.schema.Tables.WEBHOOK_EVENT_LOG;
import static dev.attune.repositories.schema.Tables.WEBHOOK_RATE_LIMIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.attune.junit.IsolatedSchemaTest;
import dev.attune.repositories.Fixtures;
import dev.attune.repositories.NotFoundException;
import dev.attune.repositories.ReferenceViolationException;
import dev.attune.repositories.ValidationException;
import dev.attune.repositories.schema.tables.pojos.ConfigureTriggerWebhookIpWhitelist;
import dev.attune.repositories.schema.tables.pojos.ConfigureTriggerWebhookRateLimit;
import dev.attune.repositories.schema.tables.pojos.Trigger;
import dev.attune.repositories.schema.tables.pojos.WebhookEventLog;
import dev.attune.repositories.schema.tables.records.TriggerRecord;
import dev.attune.repositories.schema.tables.records.WebhookRateLimitRecord;
import dev.attune.repositories.trigger.TriggerRepository;
import java.net.InetAddress;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@link WebhookRepository}, including the regressions of Attune's January 2026 defects. */
@IsolatedSchemaTest
class WebhookRepositoryTest {

    private static final String KEY_FORMAT = "wh_[0-9a-f]{32}";
    private static final JsonNode DEFAULT_CONFIG = json("{\"hmac\":{\"enabled\":false,\"algorithm\":\"sha256\"},"
            + "\"rate_limit\":{\"enabled\":false},\"ip_whitelist\":{\"enabled\":false,\"ips\":[]}}");

    private static TriggerRecord trigger(DSLContext dsl) {
        Fixtures fixtures = new Fixtures(dsl);
        return fixtures.trigger(fixtures.pack("core"), "hook");
    }

    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (Exception e) {
            throw new IllegalArgumentException(literal, e);
        }
    }

    // --- enable / find by key -----------------------------------------------------------------------------------

    @Test
    void enablingAWebhookGeneratesAKeyAndStoresTheDefaultConfiguration(DSLContext dsl) {
        TriggerRecord trigger = trigger(dsl);
        TriggerRepository triggers = new TriggerRepository(dsl);
        WebhookRepository webhooks = new WebhookRepository(dsl);

        WebhookInfo info = webhooks.enableWebhook(trigger.getId());

        assertThat(info.enabled()).isTrue();
        assertThat(info.webhookKey()).matches(KEY_FORMAT);
        assertThat(info.webhookUrl()).isEqualTo("/api/v1/webhooks/" + info.webhookKey());
        assertThat(info.webhookConfig()).isEqualTo(DEFAULT_CONFIG);
        Trigger stored = triggers.getById(trigger.getId());
        assertThat(stored.webhookEnabled()).isTrue();
        assertThat(stored.webhookKey()).isEqualTo(info.webhookKey());
        assertThat(stored.webhookConfig()).isEqualTo(DEFAULT_CONFIG);
        assertThat(webhooks.findByWebhookKey(info.webhookKey())).contains(stored);
        assertThat(webhooks.findByWebhookKey("wh_unknown")).isEmpty();
    }

    @Test
    void enablingAgainKeepsTheKeyAndReplacesTheConfigurationWithDefaultsFilledIn(DSLContext dsl) {
        TriggerRecord trigger = trigger(dsl);
        TriggerRepository triggers = new TriggerRepository(dsl);
        WebhookRepository webhooks = new WebhookRepository(dsl);
        WebhookInfo first = webhooks.enableWebhook(trigger.getId(),
                json("{\"secret\":\"s1\",\"payload_size_limit_kb\":64}"));

        WebhookInfo second = webhooks.enableWebhook(trigger.getId(),
                json("{\"rate_limit\":{\"enabled\":true,\"requests\":5,\"window_seconds\":60}}"));

        assertThat(first.webhookConfig()).isEqualTo(json("{\"secret\":\"s1\",\"payload_size_limit_kb\":64,"
                + "\"hmac\":{\"enabled\":false,\"algorithm\":\"sha256\"},\"rate_limit\":{\"enabled\":false},"
                + "\"ip_whitelist\":{\"enabled\":false,\"ips\":[]}}"));
        assertThat(second.webhookKey()).isEqualTo(first.webhookKey());
        assertThat(second.webhookConfig()).isEqualTo(json("{"
                + "\"hmac\":{\"enabled\":false,\"algorithm\":\"sha256\"},"
                + "\"rate_limit\":{\"enabled\":true,\"requests\":5,\"window_seconds\":60},"
                + "\"ip_whitelist\":{\"enabled\":false,\"ips\":[]}}"));
        assertThat(triggers.getById(trigger.getId()).webhookConfig()).isEqualTo(second.webhookConfig());
    }

    @Test
    void aWebhookConfigurationMustBeAJsonObject(DSLContext dsl) {
        TriggerRecord trigger = trigger(dsl);
        TriggerRepository triggers = new TriggerRepository(dsl);
        WebhookRepository webhooks = new WebhookRepository(dsl);

        assertThatThrownBy(() -> webhooks.enableWebhook(trigger.getId(), json("[1]")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("trigger.webhook_config");
        assertThatThrownBy(() -> webhooks.enableWebhook(trigger.getId(), null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("trigger.webhook_config");
        assertThatThrownBy(() -> webhooks.updateWebhookConfig(trigger.getId(), json("\"text\"")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("trigger.webhook_config");
        assertThat(triggers.getById(trigger.getId()).webhookEnabled()).isFalse();
    }

    @Test
    void everyWebhookOperationOnAMissingTriggerIsNotFound(DSLContext dsl) {
        TriggerRepository triggers = new TriggerRepository(dsl);
        WebhookRepository webhooks = new WebhookRepository(dsl);

        // The functions raise "Trigger with id N does not exist"; it must surface as NotFound, not as a database error.
        List<Runnable> operations = List.of(
                () -> webhooks.enableWebhook(404),
                () -> webhooks.enableWebhook(404, json("{}")),
                () -> webhooks.disableWebhook(404),
                () -> webhooks.regenerateWebhookKey(404),
                () -> webhooks.updateWebhookConfig(404, json("{}")),
                () -> webhooks.configureRateLimit(404, true, 10, 60),
                () -> webhooks.configureIpWhitelist(404, true, List.of("10.0.0.0/8")));
        for (Runnable operation : operations) {
            assertThatThrownBy(operation::run)
                    .isInstanceOfSatisfying(NotFoundException.class, e -> {
                        assertThat(e.entity()).isEqualTo("trigger");
                        assertThat(e.field()).isEqualTo("id");
                        assertThat(e.value()).isEqualTo(404L);
                    });
        }
        // The function's error stays attached as the cause.
        assertThatThrownBy(() -> webhooks.disableWebhook(404))
                .isInstanceOf(NotFoundException.class)
                .cause().hasMessageContaining("Trigger with id 404 does not exist");
    }

    // --- disable / regenerate: Attune's migration 13 had dropped both functions -----------------------------------

    @Test
    void disablingAWebhookWorksAndKeepsKeyAndConfiguration(DSLContext dsl) {
        // Regression: Attune's 29-Jan-2026 migration dropped disable_trigger_webhook, so this call failed.
        TriggerRecord trigger = trigger(dsl);
        TriggerRepository triggers = new TriggerRepository(dsl);
        WebhookRepository webhooks = new WebhookRepository(dsl);
        WebhookInfo enabled = webhooks.enableWebhook(trigger.getId());

        assertThat(webhooks.disableWebhook(trigger.getId())).isTrue();

        Trigger stored = triggers.getById(trigger.getId());
        assertThat(stored.webhookEnabled()).isFalse();
        assertThat(stored.webhookKey()).isEqualTo(enabled.webhookKey());
        assertThat(stored.webhookConfig()).isEqualTo(DEFAULT_CONFIG);
        assertThat(webhooks.findByWebhookKey(enabled.webhookKey())).contains(stored);
        assertThat(webhooks.enableWebhook(trigger.getId()).webhookKey()).isEqualTo(enabled.webhookKey());
    }

    @Test
    void regeneratingTheKeyRevokesTheOldOne(DSLContext dsl) {
        // Regression: Attune's 29-Jan-2026 migration dropped regenerate_trigger_webhook_key, so this call failed.
        TriggerRecord trigger = trigger(dsl);
        TriggerRepository triggers = new TriggerRepository(dsl);
        WebhookRepository webhooks = new WebhookRepository(dsl);
        String oldKey = webhooks.enableWebhook(trigger.getId()).webhookKey();

        RegeneratedWebhookKey regenerated = webhooks.regenerateWebhookKey(trigger.getId());

        assertThat(regenerated.previousKeyRevoked()).isTrue();
        assertThat(regenerated.webhookKey()).matches(KEY_FORMAT).isNotEqualTo(oldKey);
        assertThat(webhooks.findByWebhookKey(oldKey)).isEmpty();
        assertThat(webhooks.findByWebhookKey(regenerated.webhookKey())).map(Trigger::id).contains(trigger.getId());
        assertThat(triggers.getById(trigger.getId()).webhookEnabled()).isTrue();
    }

    @Test
    void regeneratingForATriggerWithoutKeyRevokesNothingAndLeavesTheWebhookDisabled(DSLContext dsl) {
        TriggerRecord trigger = trigger(dsl);
        TriggerRepository triggers = new TriggerRepository(dsl);
        WebhookRepository webhooks = new WebhookRepository(dsl);

        RegeneratedWebhookKey regenerated = webhooks.regenerateWebhookKey(trigger.getId());

        assertThat(regenerated.previousKeyRevoked()).isFalse();
        Trigger stored = triggers.getById(trigger.getId());
        assertThat(stored.webhookKey()).isEqualTo(regenerated.webhookKey());
        assertThat(stored.webhookEnabled()).isFalse();
    }

    // --- configuration ----------------------------------------------------------------------------------------------

    @Test
    void updatingTheWebhookConfigurationReplacesItAsGiven(DSLContext dsl) {
        TriggerRecord trigger = trigger(dsl);
        TriggerRepository triggers = new TriggerRepository(dsl);
        WebhookRepository webhooks = new WebhookRepository(dsl);
        webhooks.enableWebhook(trigger.getId());

        Trigger updated = webhooks.updateWebhookConfig(trigger.getId(), json("{\"secret\":\"abc\"}"));

        assertThat(updated.webhookConfig()).isEqualTo(json("{\"secret\":\"abc\"}"));
        assertThat(updated.webhookEnabled()).isTrue();
        assertThat(triggers.getById(trigger.getId())).isEqualTo(updated);
    }

    @Test
    void configuringTheRateLimitWritesWebhookConfigAndKeepsTheOtherKeys(DSLContext dsl) {
        // Regression: Attune's configure_trigger_webhook_rate_limit wrote columns that had been dropped.
        TriggerRecord trigger = trigger(dsl);
        TriggerRepository triggers = new TriggerRepository(dsl);
        WebhookRepository webhooks = new WebhookRepository(dsl);
        webhooks.updateWebhookConfig(trigger.getId(), json("{\"secret\":\"abc\",\"rate_limit\":{\"enabled\":false}}"));

        ConfigureTriggerWebhookRateLimit result = webhooks.configureRateLimit(trigger.getId(), true, 100, 60);

        assertThat(result).isEqualTo(new ConfigureTriggerWebhookRateLimit(true, 100, 60));
        assertThat(triggers.getById(trigger.getId()).webhookConfig()).isEqualTo(json(
                "{\"secret\":\"abc\",\"rate_limit\":{\"enabled\":true,\"requests\":100,\"window_seconds\":60}}"));
        assertThat(webhooks.configureRateLimit(trigger.getId(), false, 1, 3600))
                .isEqualTo(new ConfigureTriggerWebhookRateLimit(false, 1, 3600));
        assertThat(webhooks.configureRateLimit(trigger.getId(), true, 10_000, 1).rateLimitRequests()).isEqualTo(10_000);
    }

    @Test
    void outOfRangeRateLimitsAreRejectedBeforeAnySqlRuns(DSLContext dsl) {
        TriggerRecord trigger = trigger(dsl);
        TriggerRepository triggers = new TriggerRepository(dsl);
        WebhookRepository webhooks = new WebhookRepository(dsl);

        assertThatThrownBy(() -> webhooks.configureRateLimit(trigger.getId(), true, 0, 60))
                .isInstanceOf(ValidationException.class).hasMessageContaining("trigger.rate_limit.requests");
        assertThatThrownBy(() -> webhooks.configureRateLimit(trigger.getId(), true, 10_001, 60))
                .isInstanceOf(ValidationException.class).hasMessageContaining("trigger.rate_limit.requests");
        assertThatThrownBy(() -> webhooks.configureRateLimit(trigger.getId(), true, 10, 0))
                .isInstanceOf(ValidationException.class).hasMessageContaining("trigger.rate_limit.window_seconds");
        assertThatThrownBy(() -> webhooks.configureRateLimit(trigger.getId(), true, 10, 3601))
                .isInstanceOf(ValidationException.class).hasMessageContaining("trigger.rate_limit.window_seconds");
        assertThat(triggers.getById(trigger.getId()).webhookConfig()).isEqualTo(json("{}"));
    }

    @Test
    void configuringTheIpWhitelistWritesWebhookConfigAndKeepsTheOtherKeys(DSLContext dsl) {
        // Regression: Attune's configure_trigger_webhook_ip_whitelist wrote columns that had been dropped.
        TriggerRecord trigger = trigger(dsl);
        TriggerRepository triggers = new TriggerRepository(dsl);
        WebhookRepository webhooks = new WebhookRepository(dsl);
        webhooks.enableWebhook(trigger.getId());

        ConfigureTriggerWebhookIpWhitelist result = webhooks.configureIpWhitelist(trigger.getId(), true,
                List.of("10.0.0.0/8", "192.168.1.10", "2001:db8::/32"));

        assertThat(result.ipWhitelistEnabled()).isTrue();
        assertThat(result.ipWhitelist()).containsExactly("10.0.0.0/8", "192.168.1.10", "2001:db8::/32");
        JsonNode config = triggers.getById(trigger.getId()).webhookConfig();
        assertThat(config.get("ip_whitelist")).isEqualTo(
                json("{\"enabled\":true,\"ips\":[\"10.0.0.0/8\",\"192.168.1.10\",\"2001:db8::/32\"]}"));
        assertThat(config.get("hmac")).isEqualTo(DEFAULT_CONFIG.get("hmac"));
        assertThat(config.get("rate_limit")).isEqualTo(DEFAULT_CONFIG.get("rate_limit"));

        webhooks.configureIpWhitelist(trigger.getId(), false, List.of());
        assertThat(triggers.getById(trigger.getId()).webhookConfig().get("ip_whitelist"))
                .isEqualTo(json("{\"enabled\":false,\"ips\":[]}"));
    }

    @Test
    void invalidWhitelistEntriesAreRejectedBeforeAnySqlRuns(DSLContext dsl) {
        TriggerRecord trigger = trigger(dsl);
        TriggerRepository triggers = new TriggerRepository(dsl);
        WebhookRepository webhooks = new WebhookRepository(dsl);

        for (String bad : Arrays.asList("example.com", "10.0.0.256", "10.0.0", "10.0.0.0/33", "2001:db8::/129",
                "2001:zz8::1", "fe80::1%eth0", "", " 10.0.0.1", null)) {
            List<String> ips = new ArrayList<>();
            ips.add("10.0.0.1");
            ips.add(bad);
            assertThatThrownBy(() -> webhooks.configureIpWhitelist(trigger.getId(), true, ips))
                    .as("entry %s", bad)
                    .isInstanceOf(ValidationException.class).hasMessageContaining("trigger.ip_whitelist.ips");
        }
        assertThatThrownBy(() -> webhooks.configureIpWhitelist(trigger.getId(), true, null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("trigger.ip_whitelist.ips");
        assertThat(triggers.getById(trigger.getId()).webhookConfig()).isEqualTo(json("{}"));
    }

    // --- event log: Attune bound source_ip as text, which PostgreSQL refuses for an inet column ------------------

    @Test
    void loggedEventsStoreIpv4AndIpv6SourceAddressesAsInetAndReadThemBackNewestFirst(DSLContext dsl) {
        // Regression: Attune bound source_ip as text, so every log insert with an address failed.
        TriggerRecord trigger = trigger(dsl);
        TriggerRepository triggers = new TriggerRepository(dsl);
        WebhookRepository webhooks = new WebhookRepository(dsl);
        String key = webhooks.enableWebhook(trigger.getId()).webhookKey();
        long v4 = webhooks.logWebhookEvent(NewWebhookEventLog.of(trigger.getId(), trigger.getRef(), key,
                ip("203.0.113.7"), 200));
        long v6 = webhooks.logWebhookEvent(NewWebhookEventLog.of(trigger.getId(), trigger.getRef(), key,
                ip("2001:db8::1"), 403));
        long none = webhooks.logWebhookEvent(NewWebhookEventLog.of(trigger.getId(), trigger.getRef(), key, null, 429));
        OffsetDateTime base = OffsetDateTime.parse("2026-01-29T12:00:00Z");
        setCreated(dsl, v4, base.plusMinutes(2));
        setCreated(dsl, none, base);
        setCreated(dsl, v6, base.plusMinutes(1));

        List<WebhookEventLog> events = webhooks.findWebhookEvents(trigger.getId());

        assertThat(events).extracting(WebhookEventLog::id).containsExactly(v4, v6, none);
        assertThat(events).extracting(WebhookEventLog::sourceIp)
                .containsExactly(ip("203.0.113.7"), ip("2001:db8::1"), null);
        assertThat(events).extracting(WebhookEventLog::statusCode).containsExactly(200, 403, 429);
        // Compared as inet on the server side, too.
        assertThat(dsl.fetchValue(WEBHOOK_EVENT_LOG.ID, WEBHOOK_EVENT_LOG.SOURCE_IP.eq(ip("2001:0db8:0:0:0:0:0:1"))))
                .isEqualTo(v6);
        assertThat(webhooks.findWebhookEvents(trigger.getId() + 1)).isEmpty();
    }

    @Test
    void aLoggedEventKeepsEveryField(DSLContext dsl) {
        Fixtures fixtures = new Fixtures(dsl);
        TriggerRecord trigger = fixtures.trigger(fixtures.pack("core"), "hook");
        long eventId = fixtures.event(trigger).getId();
        TriggerRepository triggers = new TriggerRepository(dsl);
        WebhookRepository webhooks = new WebhookRepository(dsl);

        long id = webhooks.logWebhookEvent(new NewWebhookEventLog(trigger.getId(), trigger.getRef(), "wh_abc", eventId,
                ip("::1"), "curl/8", 512, json("{\"content-type\":\"application/json\"}"), 202, "slow", 17, true, true,
                false));

        WebhookEventLog logged = webhooks.findWebhookEvents(trigger.getId()).get(0);
        assertThat(logged.id()).isEqualTo(id);
        assertThat(logged).isEqualTo(new WebhookEventLog(id, trigger.getId(), "core.hook", "wh_abc", eventId, ip("::1"),
                "curl/8", 512, json("{\"content-type\":\"application/json\"}"), 202, "slow", 17, true, true, false,
                logged.created()));
    }

    @Test
    void loggingForAMissingTriggerIsAReferenceViolationAndRequiredFieldsAreChecked(DSLContext dsl) {
        TriggerRepository triggers = new TriggerRepository(dsl);
        WebhookRepository webhooks = new WebhookRepository(dsl);

        assertThatThrownBy(() -> webhooks.logWebhookEvent(NewWebhookEventLog.of(404, "core.gone", "wh_x", null, 200)))
                .isInstanceOfSatisfying(ReferenceViolationException.class, e -> {
                    assertThat(e.entity()).isEqualTo("webhook_event_log");
                    assertThat(e.field()).isEqualTo("trigger_id");
                    assertThat(e.otherTable()).isEqualTo("trigger");
                });
        assertThatThrownBy(() -> NewWebhookEventLog.of(1, null, "wh_x", null, 200))
                .isInstanceOf(ValidationException.class).hasMessageContaining("webhook_event_log.trigger_ref");
        assertThatThrownBy(() -> NewWebhookEventLog.of(1, "core.hook", null, null, 200))
                .isInstanceOf(ValidationException.class).hasMessageContaining("webhook_event_log.webhook_key");
    }

    @Test
    void deletingATriggerDeletesItsWebhookLog(DSLContext dsl) {
        TriggerRecord trigger = trigger(dsl);
        TriggerRepository triggers = new TriggerRepository(dsl);
        WebhookRepository webhooks = new WebhookRepository(dsl);
        webhooks.logWebhookEvent(NewWebhookEventLog.of(trigger.getId(), trigger.getRef(), "wh_x", ip("10.1.2.3"), 200));

        assertThat(triggers.delete(trigger.getId())).isTrue();

        assertThat(dsl.fetchCount(WEBHOOK_EVENT_LOG)).isZero();
    }

    // --- rate limit and IP whitelist checks -------------------------------------------------------------------------

    @Test
    void theRateLimitCheckCountsRequestsPerKeyWithinTheWindow(DSLContext dsl) {
        // One transaction: now() and therefore the window are the same for every call, whatever the clock does.
        List<Boolean> answers = dsl.transactionResult(cfg -> {
            WebhookRepository webhooks = new WebhookRepository(cfg.dsl());
            return List.of(
                    webhooks.checkRateLimit("wh_a", 2, 3600),
                    webhooks.checkRateLimit("wh_a", 2, 3600),
                    webhooks.checkRateLimit("wh_a", 2, 3600),
                    webhooks.checkRateLimit("wh_b", 2, 3600));
        });

        assertThat(answers).containsExactly(true, true, false, true);
        WebhookRateLimitRecord counter = dsl.fetchSingle(WEBHOOK_RATE_LIMIT, WEBHOOK_RATE_LIMIT.WEBHOOK_KEY.eq("wh_a"));
        assertThat(counter.getRequestCount()).isEqualTo(3);
    }

    @Test
    void theRateLimitCheckRefusesABadWindowOrKeyBeforeAnySqlRuns(DSLContext dsl) {
        TriggerRepository triggers = new TriggerRepository(dsl);
        WebhookRepository webhooks = new WebhookRepository(dsl);

        assertThatThrownBy(() -> webhooks.checkRateLimit("wh_a", 2, 0))
                .isInstanceOf(ValidationException.class).hasMessageContaining("webhook_rate_limit.window_seconds");
        assertThatThrownBy(() -> webhooks.checkRateLimit(null, 2, 60))
                .isInstanceOf(ValidationException.class).hasMessageContaining("webhook_rate_limit.webhook_key");
        assertThat(dsl.fetchCount(WEBHOOK_RATE_LIMIT)).isZero();
    }

    @Test
    void theIpWhitelistCheckMatchesAddressesAndCidrBlocks(DSLContext dsl) {
        TriggerRepository triggers = new TriggerRepository(dsl);
        WebhookRepository webhooks = new WebhookRepository(dsl);
        List<String> whitelist = List.of("10.0.0.0/8", "192.168.1.10", "2001:db8::/32");

        assertThat(webhooks.checkIpWhitelist(ip("10.20.30.40"), whitelist)).isTrue();
        assertThat(webhooks.checkIpWhitelist(ip("192.168.1.10"), whitelist)).isTrue();
        assertThat(webhooks.checkIpWhitelist(ip("192.168.1.11"), whitelist)).isFalse();
        assertThat(webhooks.checkIpWhitelist(ip("2001:db8:1::5"), whitelist)).isTrue();
        assertThat(webhooks.checkIpWhitelist(ip("2001:db9::5"), whitelist)).isFalse();
        assertThat(webhooks.checkIpWhitelist(ip("10.0.0.1"), List.of())).isFalse();
        assertThat(webhooks.checkIpWhitelist(ip("10.0.0.1"), null)).isFalse();
    }

    @Test
    void theIpWhitelistCheckReportsABadEntryOrAMissingAddressAsValidationErrors(DSLContext dsl) {
        TriggerRepository triggers = new TriggerRepository(dsl);
        WebhookRepository webhooks = new WebhookRepository(dsl);

        assertThatThrownBy(() -> webhooks.checkIpWhitelist(ip("10.0.0.1"), List.of("not-an-ip")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("not-an-ip");
        assertThatThrownBy(() -> webhooks.checkIpWhitelist(null, List.of("10.0.0.0/8")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("trigger.source_ip");
    }

    private static void setCreated(DSLContext dsl, long logId, OffsetDateTime created) {
        dsl.update(WEBHOOK_EVENT_LOG).set(WEBHOOK_EVENT_LOG.CREATED, created).where(WEBHOOK_EVENT_LOG.ID.eq(logId))
                .execute();
    }
}
