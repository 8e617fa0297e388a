package dev.attune.repositories.rule;

import dev.attune.repositories.internal.Json;
import dev.attune.repositories.internal.Refs;
import dev.attune.repositories.schema.tables.pojos.Action;
import dev.attune.repositories.schema.tables.pojos.Pack;
import dev.attune.repositories.schema.tables.pojos.Trigger;
import tools.jackson.databind.JsonNode;

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

    /**
     * Checks the components as described above, before any SQL runs; optional collections and JSON left null get
     * their documented defaults.
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
     * @throws dev.attune.repositories.ValidationException when a component breaks its rule
     */
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

    /**
     * An enabled rule without conditions or parameters.
     *
     * @param ref         unique, lower case {@code pack.name}; checked before any SQL runs
     * @param pack        owning pack id (required)
     * @param packRef     owning pack ref (required)
     * @param label       required
     * @param description required (the column is NOT NULL)
     * @param action      id of the action to run (required)
     * @param actionRef   ref of that action (required)
     * @param trigger     id of the trigger to listen to (required)
     * @param triggerRef  ref of that trigger (required)
     * @return the rule to create
     */
    public static NewRule of(String ref, long pack, String packRef, String label, String description, long action,
            String actionRef, long trigger, String triggerRef) {
        return new NewRule(ref, pack, packRef, label, description, action, actionRef, trigger, triggerRef,
                null, null, null, true);
    }

    /**
     * An enabled rule of {@code pack} that runs {@code action} when {@code trigger} fires, without conditions or
     * parameters; ids and refs are taken from the rows, so they cannot disagree.
     *
     * @param ref         unique, lower case {@code pack.name}; checked before any SQL runs
     * @param pack    the owning pack row; required
     * @param label       required
     * @param description required (the column is NOT NULL)
     * @param action  the action row to run; required
     * @param trigger the trigger row to listen to; required
     * @return the rule to create
     * @throws dev.attune.repositories.ValidationException when a row or a required value is null, or the ref is malformed
     */
    public static NewRule of(String ref, Pack pack, String label, String description, Action action, Trigger trigger) {
        Refs.requireValue(RuleRepository.ENTITY, "pack", pack);
        Refs.requireValue(RuleRepository.ENTITY, "action", action);
        Refs.requireValue(RuleRepository.ENTITY, "trigger", trigger);
        return of(ref, pack.id(), pack.ref(), label, description, action.id(), action.ref(), trigger.id(), trigger.ref());
    }
}
