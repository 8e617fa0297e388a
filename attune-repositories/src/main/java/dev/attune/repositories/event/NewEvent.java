package dev.attune.repositories.event;

import dev.attune.repositories.internal.Refs;
import tools.jackson.databind.JsonNode;

/**
 * An event (one firing of a trigger) to create.
 *
 * @param trigger    optional id of the trigger (set to NULL by the database if the trigger is deleted later)
 * @param triggerRef required; kept even when the trigger is deleted
 * @param config     optional snapshot of the trigger/sensor configuration (webhook events put {@code source} =
 *                   {@code "webhook"} and {@code webhook_key} here)
 * @param payload    optional event data
 * @param source     optional id of the sensor that emitted the event (while events refer to it, the sensor cannot be
 *                   deleted)
 * @param sourceRef  optional ref of that sensor
 */
public record NewEvent(
        Long trigger,
        String triggerRef,
        JsonNode config,
        JsonNode payload,
        Long source,
        String sourceRef) {

    /**
     * Checks the components as described above, before any SQL runs; optional collections and JSON left null get
     * their documented defaults.
     *
     * @param trigger    optional id of the trigger (set to NULL by the database if the trigger is deleted later)
     * @param triggerRef required; kept even when the trigger is deleted
     * @param config     optional snapshot of the trigger/sensor configuration (webhook events put {@code source} =
     *                   {@code "webhook"} and {@code webhook_key} here)
     * @param payload    optional event data
     * @param source     optional id of the sensor that emitted the event (while events refer to it, the sensor cannot
     *                   be deleted)
     * @param sourceRef  optional ref of that sensor
     * @throws dev.attune.repositories.ValidationException when a component breaks its rule
     */
    public NewEvent {
        Refs.requireValue(EventRepository.ENTITY, "trigger_ref", triggerRef);
    }

    /**
     * An event of {@code trigger} with {@code payload}, without configuration or source sensor.
     *
     * @param trigger    optional id of the trigger (set to NULL by the database if the trigger is deleted later)
     * @param triggerRef required; kept even when the trigger is deleted
     * @param payload    optional event data
     * @return the event to create
     */
    public static NewEvent of(long trigger, String triggerRef, JsonNode payload) {
        return new NewEvent(trigger, triggerRef, null, payload, null, null);
    }
}
