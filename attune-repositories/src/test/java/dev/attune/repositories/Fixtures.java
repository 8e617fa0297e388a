package dev.attune.repositories;

import static dev.attune.repositories.schema.Tables.ACTION;
import static dev.attune.repositories.schema.Tables.ENFORCEMENT;
import static dev.attune.repositories.schema.Tables.EVENT;
import static dev.attune.repositories.schema.Tables.EXECUTION;
import static dev.attune.repositories.schema.Tables.IDENTITY;
import static dev.attune.repositories.schema.Tables.PACK;
import static dev.attune.repositories.schema.Tables.RULE;
import static dev.attune.repositories.schema.Tables.RUNTIME;
import static dev.attune.repositories.schema.Tables.SENSOR;
import static dev.attune.repositories.schema.Tables.TRIGGER;
import static dev.attune.repositories.schema.Tables.WORKFLOW_DEFINITION;

import dev.attune.repositories.schema.enums.EnforcementStatusEnum;
import dev.attune.repositories.schema.enums.ExecutionStatusEnum;
import dev.attune.repositories.schema.enums.RuntimeTypeEnum;
import dev.attune.repositories.schema.tables.records.ActionRecord;
import dev.attune.repositories.schema.tables.records.EnforcementRecord;
import dev.attune.repositories.schema.tables.records.EventRecord;
import dev.attune.repositories.schema.tables.records.ExecutionRecord;
import dev.attune.repositories.schema.tables.records.IdentityRecord;
import dev.attune.repositories.schema.tables.records.PackRecord;
import dev.attune.repositories.schema.tables.records.RuleRecord;
import dev.attune.repositories.schema.tables.records.RuntimeRecord;
import dev.attune.repositories.schema.tables.records.SensorRecord;
import dev.attune.repositories.schema.tables.records.TriggerRecord;
import dev.attune.repositories.schema.tables.records.WorkflowDefinitionRecord;
import org.jooq.DSLContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Minimal parent rows for repository tests, inserted with plain generated-table inserts so that a test of one
 * repository does not depend on the others. Each method inserts exactly one row and returns it.
 */
public final class Fixtures {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final DSLContext dsl;

    public Fixtures(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Parses a JSON literal (test convenience). */
    public static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    public PackRecord pack(String ref) {
        return dsl.insertInto(PACK).set(PACK.REF, ref).set(PACK.LABEL, ref).set(PACK.VERSION, "1.0.0")
                .returning().fetchSingle();
    }

    /** A runtime {@code <pack>.action.<name>}. */
    public RuntimeRecord runtime(PackRecord pack, String name) {
        return dsl.insertInto(RUNTIME).set(RUNTIME.REF, pack.getRef() + ".action." + name)
                .set(RUNTIME.PACK, pack.getId()).set(RUNTIME.PACK_REF, pack.getRef())
                .set(RUNTIME.RUNTIME_TYPE, RuntimeTypeEnum.action).set(RUNTIME.NAME, name)
                .set(RUNTIME.DISTRIBUTIONS, JsonNodeFactory.instance.objectNode())
                .returning().fetchSingle();
    }

    public TriggerRecord trigger(PackRecord pack, String name) {
        return dsl.insertInto(TRIGGER).set(TRIGGER.REF, pack.getRef() + "." + name)
                .set(TRIGGER.PACK, pack.getId()).set(TRIGGER.PACK_REF, pack.getRef()).set(TRIGGER.LABEL, name)
                .returning().fetchSingle();
    }

    public SensorRecord sensor(PackRecord pack, String name, RuntimeRecord runtime, TriggerRecord trigger) {
        return dsl.insertInto(SENSOR).set(SENSOR.REF, pack.getRef() + "." + name)
                .set(SENSOR.PACK, pack.getId()).set(SENSOR.PACK_REF, pack.getRef()).set(SENSOR.LABEL, name)
                .set(SENSOR.DESCRIPTION, name).set(SENSOR.ENTRYPOINT, name + ".py")
                .set(SENSOR.RUNTIME, runtime.getId()).set(SENSOR.RUNTIME_REF, runtime.getRef())
                .set(SENSOR.TRIGGER, trigger.getId()).set(SENSOR.TRIGGER_REF, trigger.getRef())
                .set(SENSOR.ENABLED, true)
                .returning().fetchSingle();
    }

    public ActionRecord action(PackRecord pack, String name) {
        return dsl.insertInto(ACTION).set(ACTION.REF, pack.getRef() + "." + name)
                .set(ACTION.PACK, pack.getId()).set(ACTION.PACK_REF, pack.getRef()).set(ACTION.LABEL, name)
                .set(ACTION.DESCRIPTION, name).set(ACTION.ENTRYPOINT, name + ".sh")
                .returning().fetchSingle();
    }

    public RuleRecord rule(PackRecord pack, String name, ActionRecord action, TriggerRecord trigger) {
        return dsl.insertInto(RULE).set(RULE.REF, pack.getRef() + "." + name)
                .set(RULE.PACK, pack.getId()).set(RULE.PACK_REF, pack.getRef()).set(RULE.LABEL, name)
                .set(RULE.DESCRIPTION, name)
                .set(RULE.ACTION, action.getId()).set(RULE.ACTION_REF, action.getRef())
                .set(RULE.TRIGGER, trigger.getId()).set(RULE.TRIGGER_REF, trigger.getRef())
                .set(RULE.ENABLED, true)
                .returning().fetchSingle();
    }

    public IdentityRecord identity(String login) {
        return dsl.insertInto(IDENTITY).set(IDENTITY.LOGIN, login).returning().fetchSingle();
    }

    public EventRecord event(TriggerRecord trigger) {
        return dsl.insertInto(EVENT).set(EVENT.TRIGGER, trigger.getId()).set(EVENT.TRIGGER_REF, trigger.getRef())
                .returning().fetchSingle();
    }

    public EnforcementRecord enforcement(RuleRecord rule, EventRecord event) {
        return dsl.insertInto(ENFORCEMENT).set(ENFORCEMENT.RULE, rule.getId()).set(ENFORCEMENT.RULE_REF, rule.getRef())
                .set(ENFORCEMENT.TRIGGER_REF, rule.getTriggerRef()).set(ENFORCEMENT.EVENT, event == null ? null : event.getId())
                .set(ENFORCEMENT.STATUS, EnforcementStatusEnum.created)
                .set(ENFORCEMENT.PAYLOAD, JsonNodeFactory.instance.objectNode())
                .returning().fetchSingle();
    }

    public ExecutionRecord execution(ActionRecord action) {
        return dsl.insertInto(EXECUTION).set(EXECUTION.ACTION, action.getId()).set(EXECUTION.ACTION_REF, action.getRef())
                .set(EXECUTION.STATUS, ExecutionStatusEnum.requested)
                .returning().fetchSingle();
    }

    public WorkflowDefinitionRecord workflowDefinition(PackRecord pack, String name) {
        return dsl.insertInto(WORKFLOW_DEFINITION).set(WORKFLOW_DEFINITION.REF, pack.getRef() + "." + name)
                .set(WORKFLOW_DEFINITION.PACK, pack.getId()).set(WORKFLOW_DEFINITION.PACK_REF, pack.getRef())
                .set(WORKFLOW_DEFINITION.LABEL, name).set(WORKFLOW_DEFINITION.VERSION, "1.0.0")
                .set(WORKFLOW_DEFINITION.DEFINITION, json("{\"tasks\":[]}"))
                .returning().fetchSingle();
    }
}
