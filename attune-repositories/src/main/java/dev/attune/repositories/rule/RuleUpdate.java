package dev.attune.repositories.rule;

import static dev.attune.repositories.schema.Tables.RULE;

import com.fasterxml.jackson.databind.JsonNode;
import dev.attune.repositories.internal.Changes;
import dev.attune.repositories.internal.Refs;
import dev.attune.repositories.schema.tables.records.RuleRecord;

/**
 * The columns of a rule to change. Start from {@link #create()}; each method returns a new update that also sets one
 * column. A column never mentioned is left as it is; a nullable column set to {@code null} becomes NULL. A rule's
 * action and trigger cannot be re-pointed.
 */
public final class RuleUpdate {

    private final Changes<RuleRecord> changes;

    private RuleUpdate(Changes<RuleRecord> changes) {
        this.changes = changes;
    }

    /** An update that changes nothing yet. */
    public static RuleUpdate create() {
        return new RuleUpdate(Changes.none());
    }

    public RuleUpdate label(String label) {
        return new RuleUpdate(changes.set(RULE.LABEL, Refs.requireValue(RuleRepository.ENTITY, "label", label)));
    }

    public RuleUpdate description(String description) {
        return new RuleUpdate(changes.set(RULE.DESCRIPTION,
                Refs.requireValue(RuleRepository.ENTITY, "description", description)));
    }

    public RuleUpdate conditions(JsonNode conditions) {
        return new RuleUpdate(changes.set(RULE.CONDITIONS,
                Refs.requireValue(RuleRepository.ENTITY, "conditions", conditions)));
    }

    /** Nullable: {@code null} stores SQL NULL. */
    public RuleUpdate actionParams(JsonNode actionParams) {
        return new RuleUpdate(changes.set(RULE.ACTION_PARAMS, actionParams));
    }

    /** Nullable: {@code null} stores SQL NULL. */
    public RuleUpdate triggerParams(JsonNode triggerParams) {
        return new RuleUpdate(changes.set(RULE.TRIGGER_PARAMS, triggerParams));
    }

    public RuleUpdate enabled(boolean enabled) {
        return new RuleUpdate(changes.set(RULE.ENABLED, enabled));
    }

    Changes<RuleRecord> changes() {
        return changes;
    }
}
