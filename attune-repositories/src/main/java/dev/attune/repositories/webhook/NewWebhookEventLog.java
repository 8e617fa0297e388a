package dev.attune.repositories.webhook;

import dev.attune.repositories.internal.Refs;
import java.net.InetAddress;
import tools.jackson.databind.JsonNode;

/**
 * One inbound webhook request to record in {@code webhook_event_log} (see {@link WebhookRepository#logWebhookEvent}).
 *
 * @param triggerId        required: the trigger that was called (must exist)
 * @param triggerRef       required
 * @param webhookKey       required: the key used in the URL
 * @param eventId          optional: the event created by the request
 * @param sourceIp         optional: the caller's address, stored as {@code inet}
 * @param userAgent        optional
 * @param payloadSizeBytes optional
 * @param headers          optional: request headers as JSON
 * @param statusCode       the HTTP status returned
 * @param errorMessage     optional
 * @param processingTimeMs optional
 * @param hmacVerified     optional: {@code null} when HMAC was not checked
 * @param rateLimited      whether the request was refused by the rate limit
 * @param ipAllowed        optional: {@code null} when the IP whitelist was not checked
 */
public record NewWebhookEventLog(
        long triggerId,
        String triggerRef,
        String webhookKey,
        Long eventId,
        InetAddress sourceIp,
        String userAgent,
        Integer payloadSizeBytes,
        JsonNode headers,
        int statusCode,
        String errorMessage,
        Integer processingTimeMs,
        Boolean hmacVerified,
        boolean rateLimited,
        Boolean ipAllowed) {

    static final String ENTITY = "webhook_event_log";

    /**
     * Checks the components as described above, before any SQL runs; optional collections and JSON left null get
     * their documented defaults.
     *
     * @param triggerId        required: the trigger that was called (must exist)
     * @param triggerRef       required
     * @param webhookKey       required: the key used in the URL
     * @param eventId          optional: the event created by the request
     * @param sourceIp         optional: the caller's address, stored as {@code inet}
     * @param userAgent        optional
     * @param payloadSizeBytes optional
     * @param headers          optional: request headers as JSON
     * @param statusCode       the HTTP status returned
     * @param errorMessage     optional
     * @param processingTimeMs optional
     * @param hmacVerified     optional: {@code null} when HMAC was not checked
     * @param rateLimited      whether the request was refused by the rate limit
     * @param ipAllowed        optional: {@code null} when the IP whitelist was not checked
     * @throws dev.attune.repositories.ValidationException when a component breaks its rule
     */
    public NewWebhookEventLog {
        Refs.requireValue(ENTITY, "trigger_ref", triggerRef);
        Refs.requireValue(ENTITY, "webhook_key", webhookKey);
    }

    /**
     * A request with only the required facts and the source address; every optional fact is absent.
     *
     * @param triggerId  required: the trigger that was called (must exist)
     * @param triggerRef required
     * @param webhookKey required: the key used in the URL
     * @param sourceIp   optional: the caller's address, stored as {@code inet}
     * @param statusCode the HTTP status returned
     * @return the request to record
     */
    public static NewWebhookEventLog of(long triggerId, String triggerRef, String webhookKey, InetAddress sourceIp,
            int statusCode) {
        return new NewWebhookEventLog(triggerId, triggerRef, webhookKey, null, sourceIp, null, null, null, statusCode,
                null, null, null, false, null);
    }
}
