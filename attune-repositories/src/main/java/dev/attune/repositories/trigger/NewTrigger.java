package dev.attune.repositories.trigger;

import dev.attune.repositories.internal.Refs;
import dev.attune.repositories.schema.tables.pojos.Pack;
import tools.jackson.databind.JsonNode;

/**
 * A trigger to create. Webhook columns are not set here: a new trigger has webhooks disabled, no key and an empty
 * {@code webhook_config}; use {@link dev.attune.repositories.webhook.WebhookRepository#enableWebhook(long)} and friends.
 *
 * @param ref         unique, lower case {@code pack.name}; checked before any SQL runs
 * @param pack        optional id of the owning pack
 * @param packRef     optional ref of the owning pack
 * @param label       required
 * @param description optional
 * @param enabled     whether rules and sensors may use the trigger
 * @param paramSchema optional JSON schema of the configuration a rule or sensor passes to the trigger
 * @param outSchema   optional JSON schema of the payloads of its events
 */
public record NewTrigger(
        String ref,
        Long pack,
        String packRef,
        String label,
        String description,
        boolean enabled,
        JsonNode paramSchema,
        JsonNode outSchema) {

    /**
     * Checks the components as described above, before any SQL runs; optional collections and JSON left null get
     * their documented defaults.
     *
     * @param ref         unique, lower case {@code pack.name}; checked before any SQL runs
     * @param pack        optional id of the owning pack
     * @param packRef     optional ref of the owning pack
     * @param label       required
     * @param description optional
     * @param enabled     whether rules and sensors may use the trigger
     * @param paramSchema optional JSON schema of the configuration a rule or sensor passes to the trigger
     * @param outSchema   optional JSON schema of the payloads of its events
     * @throws dev.attune.repositories.ValidationException when a component breaks its rule
     */
    public NewTrigger {
        Refs.requireTwoPartRef(TriggerRepository.ENTITY, ref);
        Refs.requireValue(TriggerRepository.ENTITY, "label", label);
    }

    /**
     * An enabled trigger without pack, description or schemas.
     *
     * @param ref   unique, lower case {@code pack.name}; checked before any SQL runs
     * @param label required
     * @return the trigger to create
     */
    public static NewTrigger of(String ref, String label) {
        return new NewTrigger(ref, null, null, label, null, true, null, null);
    }

    /**
     * An enabled trigger of {@code pack} (id and ref) without description or schemas.
     *
     * @param ref     unique, lower case {@code pack.name}; checked before any SQL runs
     * @param pack    optional id of the owning pack
     * @param packRef optional ref of the owning pack
     * @param label   required
     * @return the trigger to create
     */
    public static NewTrigger of(String ref, long pack, String packRef, String label) {
        return new NewTrigger(ref, pack, packRef, label, null, true, null, null);
    }

    /**
     * An enabled trigger of {@code pack} (its id and ref, taken from the row) without description or schemas.
     *
     * @param ref   unique, lower case {@code pack.name}; checked before any SQL runs
     * @param pack a pack row as returned by {@code PackRepository}; required
     * @param label required
     * @return the trigger to create
     * @throws dev.attune.repositories.ValidationException when {@code pack} or the label is null, or the ref is malformed
     */
    public static NewTrigger of(String ref, Pack pack, String label) {
        Refs.requireValue(TriggerRepository.ENTITY, "pack", pack);
        return of(ref, pack.id(), pack.ref(), label);
    }
}
