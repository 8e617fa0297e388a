package dev.attune.repositories.rule;

import com.fasterxml.jackson.databind.JsonNode;
import dev.attune.repositories.internal.Json;
import dev.attune.repositories.internal.Refs;

/**
 * A rule to create: when {@code trigger} fires and the conditions hold, run {@code action}.
 *
 * @param ref           unique, lower case {@code pack.name}; checked before any SQL runs
 * @param pack          owning pack id (required)
 * @param packRef       owning pack ref (required)
 * @param label         required
 * @param description   required (the column is NOT NULL)
 * @param action        id of the action to run (required)
 * @param actionRef     ref of that action (required)
 * @param trigger       id of the trigger to listen to (required)
 * @param triggerRef    ref of that trigger (required)
 * @param conditions    JSON array of conditions; default empty array
 * @param actionParams  parameters passed to the action; default empty object
 * @param triggerParams trigger configuration; default empty object
 * @param enabled       whether the rule is active
 */
public record NewRule(
        String ref,
        long pack,
        String packRef,
        String label,
        String description,
        long action,
        String actionRef,
        long trigger,
        String triggerRef,
        JsonNode conditions,
        JsonNode actionParams,
        JsonNode triggerParams,
        boolean enabled) {

    public NewRule {
        Refs.requireTwoPartRef(RuleRepository.ENTITY, ref);
        Refs.requireValue(RuleRepository.ENTITY, "pack_ref", packRef);
        Refs.requireValue(RuleRepository.ENTITY, "label", label);
        Refs.requireValue(RuleRepository.ENTITY, "description", description);
        Refs.requireValue(RuleRepository.ENTITY, "action_ref", actionRef);
        Refs.requireValue(RuleRepository.ENTITY, "trigger_ref", triggerRef);
        conditions = Json.arrayIfNull(conditions);
        actionParams = Json.objectIfNull(actionParams);
        triggerParams = Json.objectIfNull(triggerParams);
    }

    /** An enabled rule without conditions or parameters. */
    public static NewRule of(String ref, long pack, String packRef, String label, String description, long action,
            String actionRef, long trigger, String triggerRef) {
        return new NewRule(ref, pack, packRef, label, description, action, actionRef, trigger, triggerRef,
                null, null, null, true);
    }
}
