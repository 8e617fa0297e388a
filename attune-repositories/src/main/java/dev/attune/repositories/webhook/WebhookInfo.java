package dev.attune.repositories.webhook;

import tools.jackson.databind.JsonNode;

/**
 * The webhook of a trigger right after {@link WebhookRepository#enableWebhook enabling} it.
 *
 * @param enabled       always {@code true}
 * @param webhookKey    the key ({@code wh_} + 32 lower-case hex characters); kept when the trigger already had one
 * @param webhookUrl    the relative URL {@code /api/v1/webhooks/<key>}
 * @param webhookConfig the stored {@code webhook_config}: the given configuration with {@code hmac}, {@code rate_limit}
 *                      and {@code ip_whitelist} defaulted (disabled) when absent
 */
public record WebhookInfo(boolean enabled, String webhookKey, String webhookUrl, JsonNode webhookConfig) {
}
