package dev.attune.repositories.webhook;

import static dev.attune.repositories.schema.Tables.TRIGGER;
import static dev.attune.repositories.schema.Tables.WEBHOOK_EVENT_LOG;

import dev.attune.repositories.Limits;
import dev.attune.repositories.NotFoundException;
import dev.attune.repositories.ValidationException;
import dev.attune.repositories.internal.Refs;
import dev.attune.repositories.internal.RepositoryContexts;
import dev.attune.repositories.schema.Routines;
import dev.attune.repositories.schema.tables.pojos.ConfigureTriggerWebhookIpWhitelist;
import dev.attune.repositories.schema.tables.pojos.ConfigureTriggerWebhookRateLimit;
import dev.attune.repositories.schema.tables.pojos.Trigger;
import dev.attune.repositories.schema.tables.pojos.WebhookEventLog;
import dev.attune.repositories.schema.tables.records.EnableTriggerWebhookRecord;
import dev.attune.repositories.schema.tables.records.RegenerateTriggerWebhookKeyRecord;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Webhooks of triggers: enabling, disabling and re-keying them, their {@code webhook_config}, the request log and the
 * rate-limit and IP-whitelist checks.
 *
 * <p>The operations call the schema's webhook functions, so the database stays the single place that generates keys
 * and shapes {@code webhook_config}. Two of them are deliberate fixes of Attune's January 2026 defects:
 * {@link #disableWebhook(long)} and {@link #regenerateWebhookKey(long)} work (Attune's migration had dropped their
 * functions), and {@link #configureRateLimit}/{@link #configureIpWhitelist} write {@code webhook_config} (Attune's
 * functions wrote dropped columns). An unknown trigger id is a {@link NotFoundException} naming the trigger for every
 * operation; errors name the entity {@code trigger}.
 *
 * <p>Construct with the {@link DSLContext} to work in; inside {@code dsl.transaction(cfg -> new WebhookRepository(cfg.dsl()))}
 * every call joins the caller's transaction.
 */
public final class WebhookRepository {

    private static final String ENTITY = "trigger";
    private static final String RATE_LIMIT_ENTITY = "webhook_rate_limit";
    private static final Pattern WHITELIST_ENTRY = Pattern.compile("([0-9A-Fa-f:.]+)(?:/(\\d{1,3}))?");
    private static final Pattern IPV4 = Pattern.compile(
            "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");

    private final DSLContext dsl;

    /**
     * Webhook operations in {@code dsl}'s connection or transaction.
     *
     * @param dsl the context to run in; its errors are translated into this library's exceptions
     */
    public WebhookRepository(DSLContext dsl) {
        this.dsl = RepositoryContexts.of(dsl, ENTITY);
    }

    /**
     * The trigger whose webhook key is exactly {@code key}, whether or not its webhook is enabled.
     *
     * @param key the webhook key
     * @return the trigger; empty when no trigger has this key
     */
    public Optional<Trigger> findByWebhookKey(String key) {
        Refs.requireValue(ENTITY, "webhook_key", key);
        return dsl.selectFrom(TRIGGER).where(TRIGGER.WEBHOOK_KEY.eq(key)).fetchOptionalInto(Trigger.class);
    }

    /**
     * Enables the trigger's webhook with the default configuration (HMAC, rate limit and IP whitelist disabled). Keeps an
     * existing key, otherwise generates one; <em>replaces</em> any existing {@code webhook_config}.
     *
     * @param triggerId the trigger's id
     * @return the webhook's state: enabled, key and URL
     * @throws NotFoundException when there is no trigger with this id
     */
    public WebhookInfo enableWebhook(long triggerId) {
        // The function's own default for p_config is the empty object.
        return enableWebhook(triggerId, JsonNodeFactory.instance.objectNode());
    }

    /**
     * Enables the trigger's webhook with {@code config} as its {@code webhook_config}, where the {@code hmac},
     * {@code rate_limit} and {@code ip_whitelist} objects default to disabled when absent. Keeps an existing key,
     * otherwise generates one; <em>replaces</em> any existing configuration.
     *
     * @param triggerId the trigger's id
     * @param config a JSON object (checked before any SQL runs)
     * @return the webhook's state: enabled, key and URL
     * @throws NotFoundException when there is no trigger with this id
     */
    public WebhookInfo enableWebhook(long triggerId, JsonNode config) {
        requireObject("webhook_config", config);
        EnableTriggerWebhookRecord row = dsl
                .selectFrom(Routines.enableTriggerWebhook(triggerId, config))
                .fetchSingle();
        return new WebhookInfo(row.getWebhookEnabled(), row.getWebhookKey(), row.getWebhookUrl(), row.getWebhookConfig());
    }

    /**
     * Disables the trigger's webhook; its key and configuration are kept (re-enabling reuses the key). Calls
     * {@code disable_trigger_webhook} — which Attune's January 2026 migration had dropped by accident.
     *
     * @param triggerId the trigger's id
     * @return {@code true} (the function's result)
     * @throws NotFoundException when there is no trigger with this id
     */
    public boolean disableWebhook(long triggerId) {
        return dsl
                .select(Routines.disableTriggerWebhook(triggerId))
                .fetchSingle().value1();
    }

    /**
     * Replaces the trigger's webhook key by a new one (also when the webhook is disabled); the old key stops working at
     * once. Calls {@code regenerate_trigger_webhook_key} — which Attune's January 2026 migration had dropped by accident.
     *
     * @param triggerId the trigger's id
     * @return the new key and whether an old one was replaced
     * @throws NotFoundException when there is no trigger with this id
     */
    public RegeneratedWebhookKey regenerateWebhookKey(long triggerId) {
        RegenerateTriggerWebhookKeyRecord row = dsl
                .selectFrom(Routines.regenerateTriggerWebhookKey(triggerId))
                .fetchSingle();
        return new RegeneratedWebhookKey(row.getWebhookKey(), row.getPreviousKeyRevoked());
    }

    /**
     * Replaces the trigger's {@code webhook_config} as given (no defaults are merged in) and returns the updated row.
     * Unlike Attune, which updated nothing and said nothing for an unknown id, a missing trigger is reported.
     *
     * @param triggerId the trigger's id
     * @param config a JSON object (checked before any SQL runs)
     * @return the updated trigger
     * @throws NotFoundException when there is no trigger with this id
     */
    public Trigger updateWebhookConfig(long triggerId, JsonNode config) {
        requireObject("webhook_config", config);
        return dsl.update(TRIGGER)
                .set(TRIGGER.WEBHOOK_CONFIG, config)
                .where(TRIGGER.ID.eq(triggerId))
                .returning()
                .fetchOptionalInto(Trigger.class)
                .orElseThrow(() -> new NotFoundException(ENTITY, "id", triggerId));
    }

    /**
     * Sets {@code webhook_config.rate_limit} to {@code {enabled, requests, window_seconds}}, leaving the other keys as
     * they are, via {@code configure_trigger_webhook_rate_limit} (fixed here to write {@code webhook_config}).
     *
     * @param triggerId the trigger's id
     * @param enabled   whether the check is on
     * @param requests      1–10000 requests per window (checked before any SQL runs, as the function would)
     * @param windowSeconds 1–3600 seconds (checked before any SQL runs)
     * @return the configuration as stored
     * @throws NotFoundException when there is no trigger with this id
     */
    public ConfigureTriggerWebhookRateLimit configureRateLimit(long triggerId, boolean enabled, int requests,
            int windowSeconds) {
        requireRange("rate_limit.requests", requests, 1, 10_000);
        requireRange("rate_limit.window_seconds", windowSeconds, 1, 3_600);
        return dsl
                .selectFrom(Routines.configureTriggerWebhookRateLimit(triggerId, enabled, requests, windowSeconds))
                .fetchSingleInto(ConfigureTriggerWebhookRateLimit.class);
    }

    /**
     * Sets {@code webhook_config.ip_whitelist} to {@code {enabled, ips}}, leaving the other keys as they are, via
     * {@code configure_trigger_webhook_ip_whitelist} (fixed here to write {@code webhook_config}).
     *
     * @param triggerId the trigger's id
     * @param enabled   whether the check is on
     * @param ips IPv4/IPv6 addresses or CIDR blocks (each checked before any SQL runs); may be empty
     * @return the configuration as stored
     * @throws NotFoundException when there is no trigger with this id
     */
    public ConfigureTriggerWebhookIpWhitelist configureIpWhitelist(long triggerId, boolean enabled, List<String> ips) {
        String[] entries = requireWhitelistEntries(ips);
        return dsl
                .selectFrom(Routines.configureTriggerWebhookIpWhitelist(triggerId, enabled, entries))
                .fetchSingleInto(ConfigureTriggerWebhookIpWhitelist.class);
    }

    /**
     * Records one inbound webhook request. The source address is bound as {@code inet} (Attune bound it as text, which
     * PostgreSQL refuses for an {@code inet} column).
     *
     * @param event the request to record
     * @return the new log row's id
     * @throws dev.attune.repositories.ReferenceViolationException when the trigger or the event does not exist
     */
    public long logWebhookEvent(NewWebhookEventLog event) {
        return dsl.insertInto(WEBHOOK_EVENT_LOG)
                .set(WEBHOOK_EVENT_LOG.TRIGGER_ID, event.triggerId())
                .set(WEBHOOK_EVENT_LOG.TRIGGER_REF, event.triggerRef())
                .set(WEBHOOK_EVENT_LOG.WEBHOOK_KEY, event.webhookKey())
                .set(WEBHOOK_EVENT_LOG.EVENT_ID, event.eventId())
                .set(WEBHOOK_EVENT_LOG.SOURCE_IP, event.sourceIp())
                .set(WEBHOOK_EVENT_LOG.USER_AGENT, event.userAgent())
                .set(WEBHOOK_EVENT_LOG.PAYLOAD_SIZE_BYTES, event.payloadSizeBytes())
                .set(WEBHOOK_EVENT_LOG.HEADERS, event.headers())
                .set(WEBHOOK_EVENT_LOG.STATUS_CODE, event.statusCode())
                .set(WEBHOOK_EVENT_LOG.ERROR_MESSAGE, event.errorMessage())
                .set(WEBHOOK_EVENT_LOG.PROCESSING_TIME_MS, event.processingTimeMs())
                .set(WEBHOOK_EVENT_LOG.HMAC_VERIFIED, event.hmacVerified())
                .set(WEBHOOK_EVENT_LOG.RATE_LIMITED, event.rateLimited())
                .set(WEBHOOK_EVENT_LOG.IP_ALLOWED, event.ipAllowed())
                .returning(WEBHOOK_EVENT_LOG.ID)
                .fetchSingle()
                .getId();
    }

    /**
     * The logged webhook requests of a trigger, newest first (created DESC, then id DESC), at most
     * {@value Limits#LIST_LIMIT} (as for the other high-volume lists).
     *
     * @param triggerId the trigger's id
     * @return the logged requests, newest first
     */
    public List<WebhookEventLog> findWebhookEvents(long triggerId) {
        return dsl.selectFrom(WEBHOOK_EVENT_LOG)
                .where(WEBHOOK_EVENT_LOG.TRIGGER_ID.eq(triggerId))
                .orderBy(WEBHOOK_EVENT_LOG.CREATED.desc(), WEBHOOK_EVENT_LOG.ID.desc())
                .limit(Limits.LIST_LIMIT)
                .fetchInto(WebhookEventLog.class);
    }

    /**
     * Counts one request for {@code webhookKey} in its current window (windows are {@code windowSeconds} long, aligned
     * to the epoch) and says whether the key is still within {@code maxRequests}; via {@code check_webhook_rate_limit},
     * which also purges windows older than an hour. Writes, so call it inside the request's transaction if needed.
     *
     * @param webhookKey  the key the request came in on
     * @param maxRequests how many requests a window allows
     * @param windowSeconds at least 1 (checked before any SQL runs)
     * @return {@code true} when this request is allowed
     */
    public boolean checkRateLimit(String webhookKey, int maxRequests, int windowSeconds) {
        Refs.requireValue(RATE_LIMIT_ENTITY, "webhook_key", webhookKey);
        if (windowSeconds < 1) {
            throw new ValidationException(RATE_LIMIT_ENTITY, "window_seconds", windowSeconds, "must be at least 1");
        }
        return dsl
                .select(Routines.checkWebhookRateLimit(webhookKey, maxRequests, windowSeconds))
                .fetchSingle().value1();
    }

    /**
     * Whether {@code sourceIp} equals or lies inside any entry of {@code whitelist} (addresses or CIDR blocks), via
     * {@code check_webhook_ip_whitelist}. A {@code null} or empty whitelist denies.
     *
     * @param sourceIp  the address the request came from
     * @param whitelist the allowed addresses and CIDR blocks
     * @return whether the address is allowed
     * @throws ValidationException when {@code sourceIp} is null or an entry is not an address or CIDR block
     */
    public boolean checkIpWhitelist(InetAddress sourceIp, List<String> whitelist) {
        Refs.requireValue(ENTITY, "source_ip", sourceIp);
        String[] entries = whitelist == null ? null : whitelist.toArray(String[]::new);
        return dsl
                .select(Routines.checkWebhookIpWhitelist(sourceIp, entries))
                .fetchSingle().value1();
    }

    private static void requireObject(String field, JsonNode value) {
        Refs.requireValue(ENTITY, field, value);
        if (!value.isObject()) {
            throw new ValidationException(ENTITY, field, value, "must be a JSON object");
        }
    }

    private static void requireRange(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new ValidationException(ENTITY, field, value, "must be between " + min + " and " + max);
        }
    }

    /**
     * Checks IP-whitelist entries before they are stored, so that a typo is refused when configuring rather than making
     * every later {@code check_webhook_ip_whitelist} call fail on its {@code ::inet} cast. Accepts an IPv4 dotted quad
     * or an IPv6 literal, optionally followed by {@code /prefix}.
     */
    private static String[] requireWhitelistEntries(List<String> ips) {
        if (ips == null) {
            throw new ValidationException(ENTITY, "ip_whitelist.ips", null, "is required");
        }
        for (String ip : ips) {
            if (!validWhitelistEntry(ip)) {
                throw new ValidationException(ENTITY, "ip_whitelist.ips", ip,
                        "must be an IPv4 or IPv6 address, optionally with a /prefix (CIDR block)");
            }
        }
        return ips.toArray(String[]::new);
    }

    private static boolean validWhitelistEntry(String entry) {
        Matcher m = entry == null ? null : WHITELIST_ENTRY.matcher(entry);
        if (m == null || !m.matches()) {
            return false;
        }
        String address = m.group(1);
        boolean v6 = address.contains(":");
        if (!v6 && !IPV4.matcher(address).matches()) {
            return false;
        }
        if (m.group(2) != null && Integer.parseInt(m.group(2)) > (v6 ? 128 : 32)) {
            return false;
        }
        if (!v6) {
            return true;
        }
        try {
            // A string containing ':' is parsed as an IPv6 literal, never looked up in DNS.
            InetAddress.getByName(address);
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
