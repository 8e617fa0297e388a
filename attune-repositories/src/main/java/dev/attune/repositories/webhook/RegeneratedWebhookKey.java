package dev.attune.repositories.webhook;

/**
 * The result of {@link WebhookRepository#regenerateWebhookKey(long)}.
 *
 * @param webhookKey         the new key, effective immediately
 * @param previousKeyRevoked whether the trigger had a key before (which no longer works)
 */
public record RegeneratedWebhookKey(String webhookKey, boolean previousKeyRevoked) {
}
