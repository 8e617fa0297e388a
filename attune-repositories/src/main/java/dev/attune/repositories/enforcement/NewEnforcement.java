package dev.attune.repositories.enforcement;

import dev.attune.repositories.internal.Json;
import dev.attune.repositories.internal.Refs;
import dev.attune.repositories.schema.enums.EnforcementConditionEnum;
import dev.attune.repositories.schema.enums.EnforcementStatusEnum;
import tools.jackson.databind.JsonNode;

/**
 * An enforcement (a rule being applied to an event) to create. A {@code null} status or condition is left out of the
 * INSERT, so the column default applies.
 *
 * @param rule        optional id of the rule (set to NULL by the database if the rule is deleted later)
 * @param ruleRef     required
 * @param triggerRef  required
 * @param config      optional configuration snapshot
 * @param event       optional id of the event (set to NULL by the database if the event is deleted later)
 * @param status      {@code null} means the column default, {@code created}
 * @param payload     required (the column has no default)
 * @param condition   how {@code conditions} combine; {@code null} means the column default, {@code all}
 * @param conditions  the rule's conditions; default empty array
 */
public record NewEnforcement(
        Long rule,
        String ruleRef,
        String triggerRef,
        JsonNode config,
        Long event,
        EnforcementStatusEnum status,
        JsonNode payload,
        EnforcementConditionEnum condition,
        JsonNode conditions) {

    /**
     * Checks the components as described above, before any SQL runs; optional collections and JSON left null get
     * their documented defaults.
     *
     * @param rule       optional id of the rule (set to NULL by the database if the rule is deleted later)
     * @param ruleRef    required
     * @param triggerRef required
     * @param config     optional configuration snapshot
     * @param event      optional id of the event (set to NULL by the database if the event is deleted later)
     * @param status     {@code null} means the column default, {@code created}
     * @param payload    required (the column has no default)
     * @param condition  how {@code conditions} combine; {@code null} means the column default, {@code all}
     * @param conditions the rule's conditions; default empty array
     * @throws dev.attune.repositories.ValidationException when a component breaks its rule
     */
    public NewEnforcement {
        Refs.requireValue(EnforcementRepository.ENTITY, "rule_ref", ruleRef);
        Refs.requireValue(EnforcementRepository.ENTITY, "trigger_ref", triggerRef);
        Refs.requireValue(EnforcementRepository.ENTITY, "payload", payload);
        conditions = Json.arrayIfNull(conditions);
    }

    /**
     * A {@code created} enforcement of {@code rule} for {@code event} with {@code payload}, without configuration or
     * conditions (condition {@code all}).
     *
     * @param rule       optional id of the rule (set to NULL by the database if the rule is deleted later)
     * @param ruleRef    required
     * @param triggerRef required
     * @param event      optional id of the event (set to NULL by the database if the event is deleted later)
     * @param payload    required (the column has no default)
     * @return the enforcement to create
     */
    public static NewEnforcement of(long rule, String ruleRef, String triggerRef, Long event, JsonNode payload) {
        return new NewEnforcement(rule, ruleRef, triggerRef, null, event, null, payload, null, null);
    }
}
