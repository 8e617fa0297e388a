package dev.attune.repositories.flow;

import static dev.attune.repositories.schema.Tables.ACTION;
import static dev.attune.repositories.schema.Tables.ARTIFACT;
import static dev.attune.repositories.schema.Tables.ENFORCEMENT;
import static dev.attune.repositories.schema.Tables.EVENT;
import static dev.attune.repositories.schema.Tables.EXECUTION;
import static dev.attune.repositories.schema.Tables.IDENTITY;
import static dev.attune.repositories.schema.Tables.INQUIRY;
import static dev.attune.repositories.schema.Tables.KEY;
import static dev.attune.repositories.schema.Tables.NOTIFICATION;
import static dev.attune.repositories.schema.Tables.PACK;
import static dev.attune.repositories.schema.Tables.PACK_INSTALLATION;
import static dev.attune.repositories.schema.Tables.PACK_TEST_EXECUTION;
import static dev.attune.repositories.schema.Tables.PERMISSION_ASSIGNMENT;
import static dev.attune.repositories.schema.Tables.PERMISSION_SET;
import static dev.attune.repositories.schema.Tables.POLICY;
import static dev.attune.repositories.schema.Tables.QUEUE_STATS;
import static dev.attune.repositories.schema.Tables.RULE;
import static dev.attune.repositories.schema.Tables.RUNTIME;
import static dev.attune.repositories.schema.Tables.SENSOR;
import static dev.attune.repositories.schema.Tables.TRIGGER;
import static dev.attune.repositories.schema.Tables.WEBHOOK_EVENT_LOG;
import static dev.attune.repositories.schema.Tables.WEBHOOK_RATE_LIMIT;
import static dev.attune.repositories.schema.Tables.WORKER;
import static dev.attune.repositories.schema.Tables.WORKFLOW_DEFINITION;
import static dev.attune.repositories.schema.Tables.WORKFLOW_EXECUTION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.attune.junit.IsolatedSchemaTest;
import dev.attune.repositories.ReferenceViolationException;
import dev.attune.repositories.action.ActionRepository;
import dev.attune.repositories.action.NewAction;
import dev.attune.repositories.action.NewPolicy;
import dev.attune.repositories.action.PolicyRepository;
import dev.attune.repositories.enforcement.EnforcementRepository;
import dev.attune.repositories.enforcement.NewEnforcement;
import dev.attune.repositories.event.EventRepository;
import dev.attune.repositories.event.NewEvent;
import dev.attune.repositories.execution.ExecutionRepository;
import dev.attune.repositories.execution.NewExecution;
import dev.attune.repositories.identity.IdentityRepository;
import dev.attune.repositories.identity.NewIdentity;
import dev.attune.repositories.identity.NewPermissionAssignment;
import dev.attune.repositories.identity.NewPermissionSet;
import dev.attune.repositories.identity.PermissionAssignmentRepository;
import dev.attune.repositories.identity.PermissionSetRepository;
import dev.attune.repositories.key.KeyRepository;
import dev.attune.repositories.key.NewKey;
import dev.attune.repositories.pack.NewPack;
import dev.attune.repositories.pack.NewPackInstallation;
import dev.attune.repositories.pack.PackInstallationRepository;
import dev.attune.repositories.pack.PackRepository;
import dev.attune.repositories.pack.PackTestRepository;
import dev.attune.repositories.pack.PackTestResult;
import dev.attune.repositories.queue.QueueStatsRepository;
import dev.attune.repositories.queue.QueueStatsUpsert;
import dev.attune.repositories.rule.NewRule;
import dev.attune.repositories.rule.RuleRepository;
import dev.attune.repositories.runtime.NewRuntime;
import dev.attune.repositories.runtime.RuntimeRepository;
import dev.attune.repositories.schema.enums.ExecutionStatusEnum;
import dev.attune.repositories.schema.enums.PolicyMethodEnum;
import dev.attune.repositories.schema.enums.RuntimeTypeEnum;
import dev.attune.repositories.schema.enums.WorkerTypeEnum;
import dev.attune.repositories.schema.tables.pojos.Action;
import dev.attune.repositories.schema.tables.pojos.Enforcement;
import dev.attune.repositories.schema.tables.pojos.Event;
import dev.attune.repositories.schema.tables.pojos.Execution;
import dev.attune.repositories.schema.tables.pojos.Identity;
import dev.attune.repositories.schema.tables.pojos.Key;
import dev.attune.repositories.schema.tables.pojos.Pack;
import dev.attune.repositories.schema.tables.pojos.PackInstallation;
import dev.attune.repositories.schema.tables.pojos.PackTestExecution;
import dev.attune.repositories.schema.tables.pojos.PermissionAssignment;
import dev.attune.repositories.schema.tables.pojos.PermissionSet;
import dev.attune.repositories.schema.tables.pojos.Policy;
import dev.attune.repositories.schema.tables.pojos.QueueStats;
import dev.attune.repositories.schema.tables.pojos.Rule;
import dev.attune.repositories.schema.tables.pojos.Runtime;
import dev.attune.repositories.schema.tables.pojos.Sensor;
import dev.attune.repositories.schema.tables.pojos.Trigger;
import dev.attune.repositories.schema.tables.pojos.WorkflowDefinition;
import dev.attune.repositories.sensor.NewSensor;
import dev.attune.repositories.sensor.SensorRepository;
import dev.attune.repositories.trigger.NewTrigger;
import dev.attune.repositories.trigger.TriggerRepository;
import dev.attune.repositories.worker.NewWorker;
import dev.attune.repositories.worker.WorkerRepository;
import dev.attune.repositories.workflow.NewWorkflowDefinition;
import dev.attune.repositories.workflow.NewWorkflowExecution;
import dev.attune.repositories.workflow.WorkflowDefinitionRepository;
import dev.attune.repositories.workflow.WorkflowExecutionRepository;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Table;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The cascade map of spec §2.13 through {@link PackRepository#delete}: what deleting a pack takes with it, what it
 * leaves (with a link set to NULL), and each row outside the cascade that refuses the delete as a whole.
 */
@IsolatedSchemaTest
class PackCascadeTest {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** The 25 tables of the schema, for "nothing changed" snapshots. */
    private static final List<Table<?>> TABLES = List.of(PACK, RUNTIME, WORKER, IDENTITY, PERMISSION_SET,
            PERMISSION_ASSIGNMENT, POLICY, KEY, TRIGGER, SENSOR, EVENT, ENFORCEMENT, ACTION, RULE, EXECUTION, INQUIRY,
            WORKFLOW_DEFINITION, WORKFLOW_EXECUTION, NOTIFICATION, ARTIFACT, QUEUE_STATS, WEBHOOK_EVENT_LOG,
            WEBHOOK_RATE_LIMIT, PACK_TEST_EXECUTION, PACK_INSTALLATION);

    /** Rows that refer to a pack's content but are not removed with it (their link becomes NULL). */
    private static final Set<String> SURVIVORS = Set.of("event", "enforcement");

    /** One pack with one row of everything a pack can own, all created through the repositories. */
    private record PackRows(Pack pack, Runtime runtime, PermissionSet permissionSet, PermissionAssignment assignment,
            Trigger trigger, Sensor sensor, Action action, Policy policy, Rule rule, WorkflowDefinition workflow,
            Action workflowAction, PackTestExecution testResult, PackInstallation installation, Key actionKey,
            Key sensorKey, QueueStats queueStats, Event event, Enforcement enforcement) {

        static PackRows create(DSLContext dsl, String ref, Identity member) {
            ActionRepository actions = new ActionRepository(dsl);
            KeyRepository keys = new KeyRepository(dsl);
            Pack pack = new PackRepository(dsl).create(NewPack.of(ref, "Pack " + ref, "1.0.0"));
            Runtime runtime = new RuntimeRepository(dsl).create(new NewRuntime(ref + ".action.shell", pack.id(), ref,
                    null, RuntimeTypeEnum.action, "shell", null, null));
            PermissionSet permissionSet = new PermissionSetRepository(dsl).create(
                    new NewPermissionSet(ref + ".admins", pack.id(), ref, "Admins", null, null));
            PermissionAssignment assignment = new PermissionAssignmentRepository(dsl).create(
                    new NewPermissionAssignment(member.id(), permissionSet.id()));
            Trigger trigger = new TriggerRepository(dsl).create(NewTrigger.of(ref + ".webhook", pack.id(), ref, "Webhook"));
            Sensor sensor = new SensorRepository(dsl).create(NewSensor.of(ref + ".watcher", pack.id(), ref, "Watcher",
                    "Watches for webhook calls", "watcher.sh", runtime.id(), runtime.ref(), trigger.id(), trigger.ref()));
            Action action = actions.create(new NewAction(ref + ".echo", pack.id(), ref, "Echo", "Prints its input",
                    "echo.sh", runtime.id(), null, null));
            Policy policy = new PolicyRepository(dsl).create(new NewPolicy(ref + ".echo_limit", pack.id(), ref,
                    action.id(), action.ref(), List.of(), PolicyMethodEnum.enqueue, 2, "Echo limit", null, List.of()));
            Rule rule = new RuleRepository(dsl).create(NewRule.of(ref + ".echo_on_webhook", pack.id(), ref,
                    "Echo on webhook", "Echoes every webhook payload", action.id(), action.ref(), trigger.id(),
                    trigger.ref()));
            WorkflowDefinition workflow = new WorkflowDefinitionRepository(dsl).create(NewWorkflowDefinition.of(
                    ref + ".deploy", pack.id(), ref, "Deploy", "1.0.0", JSON.objectNode().set("tasks", JSON.arrayNode())));
            Action workflowAction = actions.linkWorkflowDef(actions.create(NewAction.of(ref + ".deploy", pack.id(), ref,
                    "Deploy", "Runs the deploy workflow", "deploy.yaml")).id(), workflow.id());
            PackTestExecution testResult = new PackTestRepository(dsl).create(pack.id(), "1.0.0", "install",
                    new PackTestResult(ref, "1.0.0", OffsetDateTime.now(), "passed", 2, 2, 0, 0,
                            PackTestResult.passRateOf(2, 2), 120, List.of()));
            PackInstallation installation = new PackInstallationRepository(dsl).create(
                    NewPackInstallation.of(pack.id(), "git", "/opt/attune/packs/" + ref));
            Key actionKey = keys.create(NewKey.ofAction(ref + "_echo.token", action.id(), action.ref(), "token", "s3cret"));
            Key sensorKey = keys.create(NewKey.ofSensor(ref + "_watcher.token", sensor.id(), sensor.ref(), "token",
                    "s3cret"));
            QueueStats queueStats = new QueueStatsRepository(dsl).upsert(QueueStatsUpsert.idle(action.id()));
            JsonNode payload = JSON.objectNode().put("message", "hello");
            Event event = new EventRepository(dsl).create(NewEvent.of(trigger.id(), trigger.ref(), payload));
            Enforcement enforcement = new EnforcementRepository(dsl).create(
                    NewEnforcement.of(rule.id(), rule.ref(), trigger.ref(), event.id(), payload));
            return new PackRows(pack, runtime, permissionSet, assignment, trigger, sensor, action, policy, rule, workflow,
                    workflowAction, testResult, installation, actionKey, sensorKey, queueStats, event, enforcement);
        }

        /** Each of these rows as it is now in the database (empty when gone), keyed by what it is. */
        Map<String, Optional<?>> reread(DSLContext dsl) {
            ActionRepository actions = new ActionRepository(dsl);
            KeyRepository keys = new KeyRepository(dsl);
            Map<String, Optional<?>> rows = new LinkedHashMap<>();
            rows.put("pack", new PackRepository(dsl).findById(pack.id()));
            rows.put("runtime", new RuntimeRepository(dsl).findById(runtime.id()));
            rows.put("permission_set", new PermissionSetRepository(dsl).findById(permissionSet.id()));
            rows.put("permission_assignment", new PermissionAssignmentRepository(dsl).findById(assignment.id()));
            rows.put("trigger", new TriggerRepository(dsl).findById(trigger.id()));
            rows.put("sensor", new SensorRepository(dsl).findById(sensor.id()));
            rows.put("action", actions.findById(action.id()));
            rows.put("policy", new PolicyRepository(dsl).findById(policy.id()));
            rows.put("rule", new RuleRepository(dsl).findById(rule.id()));
            rows.put("workflow_definition", new WorkflowDefinitionRepository(dsl).findById(workflow.id()));
            rows.put("action (workflow)", actions.findById(workflowAction.id()));
            rows.put("pack_test_execution", new PackTestRepository(dsl).findById(testResult.id()));
            rows.put("pack_installation", new PackInstallationRepository(dsl).findById(installation.id()));
            rows.put("key (of the action)", keys.findById(actionKey.id()));
            rows.put("key (of the sensor)", keys.findById(sensorKey.id()));
            rows.put("queue_stats", new QueueStatsRepository(dsl).findByAction(action.id()));
            rows.put("event", new EventRepository(dsl).findById(event.id()));
            rows.put("enforcement", new EnforcementRepository(dsl).findById(enforcement.id()));
            return rows;
        }
    }

    /** The pack to delete ({@code core}) and a bystander ({@code other}) sharing one identity. */
    private record Scene(Identity member, PackRows core, PackRows other) {

        static Scene create(DSLContext dsl) {
            Identity member = new IdentityRepository(dsl).create(NewIdentity.of("alice"));
            return new Scene(member, PackRows.create(dsl, "core", member), PackRows.create(dsl, "other", member));
        }
    }

    @Test
    void deletingAPackRemovesEverythingItOwnsAndNullsTheLinksOfItsEnforcementsAndEvents(DSLContext dsl) {
        Scene scene = Scene.create(dsl);
        PackRows core = scene.core();
        assertThat(core.reread(dsl).values()).allMatch(Optional::isPresent);
        Map<String, Optional<?>> otherBefore = scene.other().reread(dsl);

        assertThat(new PackRepository(dsl).delete(core.pack().id())).isTrue();

        core.reread(dsl).forEach((what, row) -> {
            if (!SURVIVORS.contains(what)) {
                assertThat(row).as(what + " of the deleted pack").isEmpty();
            }
        });
        // Enforcements of its rules stay, with rule = NULL; the refs keep the history readable.
        Enforcement enforcement = new EnforcementRepository(dsl).getById(core.enforcement().id());
        assertThat(enforcement.rule()).isNull();
        assertThat(enforcement.ruleRef()).isEqualTo("core.echo_on_webhook");
        assertThat(enforcement.event()).isEqualTo(core.event().id());
        // Events of its triggers stay too, with trigger = NULL.
        Event event = new EventRepository(dsl).getById(core.event().id());
        assertThat(event.trigger()).isNull();
        assertThat(event.triggerRef()).isEqualTo("core.webhook");

        // The other pack's rows, and the identity the two packs share, are untouched.
        assertThat(scene.other().reread(dsl)).isEqualTo(otherBefore);
        assertThat(new IdentityRepository(dsl).findById(scene.member().id())).contains(scene.member());
        assertThat(new PackRepository(dsl).list()).containsExactly(scene.other().pack());
        assertThat(new PermissionAssignmentRepository(dsl).findByIdentity(scene.member().id()))
                .containsExactly(scene.other().assignment());
        assertThat(new KeyRepository(dsl).list()).containsExactly(scene.other().actionKey(), scene.other().sensorKey());
        assertThat(new QueueStatsRepository(dsl).listAll()).containsExactly(scene.other().queueStats());

        assertThat(new PackRepository(dsl).delete(core.pack().id())).as("a second delete").isFalse();
    }

    @Test
    void aSensorOfAnotherPackOnItsTriggerIsDeletedWithIt(DSLContext dsl) {
        // sensor.trigger is ON DELETE CASCADE: the pack's triggers take every sensor on them along, whatever its pack.
        Scene scene = Scene.create(dsl);
        PackRows core = scene.core();
        PackRows other = scene.other();
        SensorRepository sensors = new SensorRepository(dsl);
        Sensor foreign = sensors.create(NewSensor.of("other.core_watcher", other.pack().id(), "other", "Core watcher",
                "Watches core's webhook", "watch.sh", other.runtime().id(), other.runtime().ref(), core.trigger().id(),
                core.trigger().ref()));

        assertThat(new PackRepository(dsl).delete(core.pack().id())).isTrue();

        assertThat(sensors.findById(foreign.id())).isEmpty();
        assertThat(sensors.findByPack(other.pack().id())).containsExactly(other.sensor());
    }

    @Test
    void anExecutionOfOneOfItsActionsBlocksTheDelete(DSLContext dsl) {
        Scene scene = Scene.create(dsl);
        Action action = scene.core().action();
        new ExecutionRepository(dsl).create(NewExecution.of(action.id(), action.ref()));

        assertDeleteIsRefusedBecauseOf(dsl, scene.core(), "execution");
    }

    @Test
    void aRuleOfAnotherPackUsingOneOfItsActionsBlocksTheDelete(DSLContext dsl) {
        Scene scene = Scene.create(dsl);
        PackRows other = scene.other();
        Action action = scene.core().action();
        new RuleRepository(dsl).create(NewRule.of("other.core_echo_on_webhook", other.pack().id(), "other",
                "Core echo on webhook", "Runs core's echo", action.id(), action.ref(), other.trigger().id(),
                other.trigger().ref()));

        assertDeleteIsRefusedBecauseOf(dsl, scene.core(), "rule");
    }

    @Test
    void aRuleOfAnotherPackOnOneOfItsTriggersBlocksTheDelete(DSLContext dsl) {
        Scene scene = Scene.create(dsl);
        PackRows other = scene.other();
        Trigger trigger = scene.core().trigger();
        new RuleRepository(dsl).create(NewRule.of("other.echo_on_core_webhook", other.pack().id(), "other",
                "Echo on core webhook", "Listens to core's trigger", other.action().id(), other.action().ref(),
                trigger.id(), trigger.ref()));

        assertDeleteIsRefusedBecauseOf(dsl, scene.core(), "rule");
    }

    @Test
    void anEventFromOneOfItsSensorsBlocksTheDelete(DSLContext dsl) {
        Scene scene = Scene.create(dsl);
        PackRows core = scene.core();
        new EventRepository(dsl).create(new NewEvent(core.trigger().id(), core.trigger().ref(), null,
                JSON.objectNode(), core.sensor().id(), core.sensor().ref()));

        assertDeleteIsRefusedBecauseOf(dsl, core, "event");
    }

    @Test
    void aWorkerOnOneOfItsRuntimesBlocksTheDelete(DSLContext dsl) {
        Scene scene = Scene.create(dsl);
        new WorkerRepository(dsl).create(new NewWorker("worker-1", WorkerTypeEnum.local, scene.core().runtime().id(),
                null, null, null, null, null));

        assertDeleteIsRefusedBecauseOf(dsl, scene.core(), "worker");
    }

    @Test
    void aKeyOwnedByThePackItselfBlocksTheDelete(DSLContext dsl) {
        // key.owner_pack has no ON DELETE action, unlike owner_action and owner_sensor.
        Scene scene = Scene.create(dsl);
        Pack pack = scene.core().pack();
        new KeyRepository(dsl).create(NewKey.ofPack("core.api_token", pack.id(), pack.ref(), "api_token", "s3cret"));

        assertDeleteIsRefusedBecauseOf(dsl, scene.core(), "key");
    }

    @Test
    void aWorkflowExecutionOfOneOfItsWorkflowDefinitionsBlocksTheDelete(DSLContext dsl) {
        Scene scene = Scene.create(dsl);
        PackRows core = scene.core();
        // The workflow's own execution names no action, so the workflow_execution is the only row pointing in.
        Execution execution = new ExecutionRepository(dsl).create(new NewExecution(null, core.workflowAction().ref(),
                null, null, null, null, ExecutionStatusEnum.running, null, null));
        new WorkflowExecutionRepository(dsl).create(NewWorkflowExecution.of(execution.id(), core.workflow().id(),
                JSON.objectNode()));

        assertDeleteIsRefusedBecauseOf(dsl, core, "workflow_execution");
    }

    /**
     * Deleting the pack fails with a {@link ReferenceViolationException} naming {@code referencingTable}, and the
     * failed statement changed nothing in any table.
     */
    private static void assertDeleteIsRefusedBecauseOf(DSLContext dsl, PackRows rows, String referencingTable) {
        Map<String, String> before = snapshot(dsl);

        assertThatThrownBy(() -> new PackRepository(dsl).delete(rows.pack().id()))
                .isInstanceOfSatisfying(ReferenceViolationException.class, e -> {
                    assertThat(e.entity()).isEqualTo("pack");
                    assertThat(e.otherTable()).isEqualTo(referencingTable);
                    assertThat(e.getMessage()).contains("still referenced from " + referencingTable + " ");
                });

        assertThat(snapshot(dsl)).isEqualTo(before);
        assertThat(rows.reread(dsl).values()).allMatch(Optional::isPresent);
    }

    /** Every row of every table, as text, by table name. */
    private static Map<String, String> snapshot(DSLContext dsl) {
        Map<String, String> tables = new LinkedHashMap<>();
        for (Table<?> table : TABLES) {
            // The first column is the primary key in every table (id, or action_id for queue_stats).
            tables.put(table.getName(), dsl.selectFrom(table).orderBy(table.field(0)).fetch().formatCSV());
        }
        return tables;
    }
}
