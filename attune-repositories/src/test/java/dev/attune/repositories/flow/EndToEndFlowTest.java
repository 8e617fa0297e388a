package dev.attune.repositories.flow;

import static dev.attune.repositories.schema.Tables.EXECUTION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.attune.junit.IsolatedSchemaTest;
import dev.attune.provisioning.IsolatedSchema;
import dev.attune.repositories.ReferenceViolationException;
import dev.attune.repositories.RowUpdate;
import dev.attune.repositories.ValidationException;
import dev.attune.repositories.action.ActionRepository;
import dev.attune.repositories.action.NewAction;
import dev.attune.repositories.enforcement.EnforcementRepository;
import dev.attune.repositories.enforcement.NewEnforcement;
import dev.attune.repositories.event.EventRepository;
import dev.attune.repositories.event.NewEvent;
import dev.attune.repositories.execution.ExecutionChange;
import dev.attune.repositories.execution.ExecutionNotifications;
import dev.attune.repositories.execution.ExecutionRepository;
import dev.attune.repositories.execution.NewExecution;
import dev.attune.repositories.inquiry.InquiryRepository;
import dev.attune.repositories.inquiry.NewInquiry;
import dev.attune.repositories.notification.NewNotification;
import dev.attune.repositories.notification.NotificationRepository;
import dev.attune.repositories.pack.NewPack;
import dev.attune.repositories.pack.PackRepository;
import dev.attune.repositories.rule.NewRule;
import dev.attune.repositories.rule.RuleRepository;
import dev.attune.repositories.runtime.NewRuntime;
import dev.attune.repositories.runtime.RuntimeRepository;
import dev.attune.repositories.schema.enums.EnforcementStatusEnum;
import dev.attune.repositories.schema.enums.ExecutionStatusEnum;
import dev.attune.repositories.schema.enums.InquiryStatusEnum;
import dev.attune.repositories.schema.enums.NotificationStatusEnum;
import dev.attune.repositories.schema.enums.RuntimeTypeEnum;
import dev.attune.repositories.schema.tables.pojos.Action;
import dev.attune.repositories.schema.tables.pojos.Enforcement;
import dev.attune.repositories.schema.tables.pojos.Event;
import dev.attune.repositories.schema.tables.pojos.Execution;
import dev.attune.repositories.schema.tables.pojos.Inquiry;
import dev.attune.repositories.schema.tables.pojos.Notification;
import dev.attune.repositories.schema.tables.pojos.Pack;
import dev.attune.repositories.schema.tables.pojos.Rule;
import dev.attune.repositories.schema.tables.pojos.Runtime;
import dev.attune.repositories.schema.tables.pojos.Sensor;
import dev.attune.repositories.schema.tables.pojos.Trigger;
import dev.attune.repositories.sensor.NewSensor;
import dev.attune.repositories.sensor.SensorRepository;
import dev.attune.repositories.trigger.NewTrigger;
import dev.attune.repositories.trigger.TriggerRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * One end-to-end flow through the repositories — pack, runtime, trigger, sensor, action, rule, event, enforcement,
 * execution, inquiry, notification — composed in a single {@code dsl.transaction(...)}: all of it commits, or none of
 * it does, and execution notifications follow the transaction.
 */
@IsolatedSchemaTest
class EndToEndFlowTest {

    /** Generous upper bound for a notification to arrive; never reached when things work. */
    private static final long WAIT_SECONDS = 20;

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** Every row of one flow, as the repositories returned them. */
    record Flow(Pack pack, Runtime runtime, Trigger trigger, Sensor sensor, Action action, Rule rule, Event event,
            Enforcement enforcement, Execution execution, Inquiry inquiry, Notification notification) {
    }

    /** The exception a caller throws after the flow's last insert, to abandon the whole transaction. */
    private static final class FlowAbandoned extends RuntimeException {
        private static final long serialVersionUID = 1L;

        FlowAbandoned() {
            super("abandoned by the test after the last insert");
        }
    }

    /**
     * Runs the flow through the repositories in the caller's transaction, recording every row as soon as it exists.
     * {@link #inquiryAssignee} and {@link #notificationChannel} let a test make a late step fail.
     */
    private static final class FlowRunner {

        final List<Object> created = new ArrayList<>();
        Long inquiryAssignee;
        String notificationChannel = "inquiries";

        Flow run(DSLContext tx) {
            Pack pack = step(new PackRepository(tx).create(NewPack.of("core", "Core", "1.0.0")));
            Runtime runtime = step(new RuntimeRepository(tx).create(new NewRuntime("core.action.shell", pack.id(),
                    pack.ref(), "POSIX shell", RuntimeTypeEnum.action, "shell", null, null)));
            Trigger trigger = step(new TriggerRepository(tx).create(
                    NewTrigger.of("core.webhook", pack, "Webhook")));
            Sensor sensor = step(new SensorRepository(tx).create(NewSensor.of("core.watcher", pack,
                    "Watcher", "Watches for webhook calls", "watcher.sh", runtime, trigger)));
            Action action = step(new ActionRepository(tx).create(new NewAction("core.echo", pack.id(), pack.ref(),
                    "Echo", "Prints its input", "echo.sh", runtime.id(), null, null)));
            Rule rule = step(new RuleRepository(tx).create(NewRule.of("core.echo_on_webhook", pack,
                    "Echo on webhook", "Echoes every webhook payload", action, trigger)));
            JsonNode payload = JSON.objectNode().put("message", "hello");
            Event event = step(new EventRepository(tx).create(
                    new NewEvent(trigger.id(), trigger.ref(), null, payload, sensor.id(), sensor.ref())));
            Enforcement enforcement = step(new EnforcementRepository(tx).create(
                    NewEnforcement.of(rule.id(), rule.ref(), trigger.ref(), event.id(), event.payload())));
            Execution execution = step(new ExecutionRepository(tx).create(new NewExecution(action.id(), action.ref(),
                    payload, null, enforcement.id(), null, ExecutionStatusEnum.requested, null, null)));
            Inquiry inquiry = step(new InquiryRepository(tx).create(new NewInquiry(execution.id(), "Echo it?", null,
                    inquiryAssignee, InquiryStatusEnum.pending, null, null)));
            Notification notification = step(new NotificationRepository(tx).create(new NewNotification(
                    notificationChannel, "inquiry", String.valueOf(inquiry.id()), "created", null,
                    JSON.objectNode().put("execution", execution.id()))));
            return new Flow(pack, runtime, trigger, sensor, action, rule, event, enforcement, execution, inquiry,
                    notification);
        }

        private <T> T step(T row) {
            created.add(row);
            return row;
        }
    }

    @Test
    void aFlowComposedInOneTransactionIsLinkedAndVisibleOnlyAfterCommit(DSLContext dsl) {
        Flow flow = dsl.transactionResult(tx -> {
            Flow inside = new FlowRunner().run(tx.dsl());
            // Another connection of the pool (a lease's pool has two) does not see the uncommitted flow.
            assertThat(new PackRepository(dsl).findByRef("core")).isEmpty();
            assertThat(new ExecutionRepository(dsl).findById(inside.execution().id())).isEmpty();
            return inside;
        });

        // The links, as returned by the repositories inside the transaction.
        assertThat(flow.runtime().pack()).isEqualTo(flow.pack().id());
        assertThat(flow.runtime().packRef()).isEqualTo("core");
        assertThat(flow.trigger().pack()).isEqualTo(flow.pack().id());
        assertThat(flow.sensor().pack()).isEqualTo(flow.pack().id());
        assertThat(flow.sensor().runtime()).isEqualTo(flow.runtime().id());
        assertThat(flow.sensor().runtimeRef()).isEqualTo("core.action.shell");
        assertThat(flow.sensor().trigger()).isEqualTo(flow.trigger().id());
        assertThat(flow.sensor().triggerRef()).isEqualTo("core.webhook");
        assertThat(flow.action().pack()).isEqualTo(flow.pack().id());
        assertThat(flow.action().runtime()).isEqualTo(flow.runtime().id());
        assertThat(flow.rule().pack()).isEqualTo(flow.pack().id());
        assertThat(flow.rule().action()).isEqualTo(flow.action().id());
        assertThat(flow.rule().actionRef()).isEqualTo("core.echo");
        assertThat(flow.rule().trigger()).isEqualTo(flow.trigger().id());
        assertThat(flow.rule().triggerRef()).isEqualTo("core.webhook");
        assertThat(flow.event().trigger()).isEqualTo(flow.trigger().id());
        assertThat(flow.event().source()).isEqualTo(flow.sensor().id());
        assertThat(flow.event().sourceRef()).isEqualTo("core.watcher");
        assertThat(flow.enforcement().rule()).isEqualTo(flow.rule().id());
        assertThat(flow.enforcement().ruleRef()).isEqualTo("core.echo_on_webhook");
        assertThat(flow.enforcement().triggerRef()).isEqualTo("core.webhook");
        assertThat(flow.enforcement().event()).isEqualTo(flow.event().id());
        assertThat(flow.enforcement().status()).isEqualTo(EnforcementStatusEnum.created);
        assertThat(flow.enforcement().payload()).isEqualTo(flow.event().payload());
        assertThat(flow.execution().action()).isEqualTo(flow.action().id());
        assertThat(flow.execution().actionRef()).isEqualTo("core.echo");
        assertThat(flow.execution().enforcement()).isEqualTo(flow.enforcement().id());
        assertThat(flow.execution().status()).isEqualTo(ExecutionStatusEnum.requested);
        assertThat(flow.execution().workflowTask()).isNull();
        assertThat(flow.inquiry().execution()).isEqualTo(flow.execution().id());
        assertThat(flow.inquiry().status()).isEqualTo(InquiryStatusEnum.pending);
        assertThat(flow.notification().entityType()).isEqualTo("inquiry");
        assertThat(flow.notification().entity()).isEqualTo(String.valueOf(flow.inquiry().id()));
        assertThat(flow.notification().state()).isEqualTo(NotificationStatusEnum.created);
        assertThat(flow.notification().content().get("execution").asLong()).isEqualTo(flow.execution().id());

        // After commit every row is visible to other connections, exactly as returned inside the transaction ...
        assertThat(new PackRepository(dsl).getByRef("core")).isEqualTo(flow.pack());
        assertThat(new RuntimeRepository(dsl).getByRef("core.action.shell")).isEqualTo(flow.runtime());
        assertThat(new TriggerRepository(dsl).getByRef("core.webhook")).isEqualTo(flow.trigger());
        assertThat(new SensorRepository(dsl).getByRef("core.watcher")).isEqualTo(flow.sensor());
        assertThat(new ActionRepository(dsl).getByRef("core.echo")).isEqualTo(flow.action());
        assertThat(new RuleRepository(dsl).getByRef("core.echo_on_webhook")).isEqualTo(flow.rule());
        assertThat(new EventRepository(dsl).getById(flow.event().id())).isEqualTo(flow.event());
        assertThat(new EnforcementRepository(dsl).getById(flow.enforcement().id())).isEqualTo(flow.enforcement());
        assertThat(new ExecutionRepository(dsl).getById(flow.execution().id())).isEqualTo(flow.execution());
        assertThat(new InquiryRepository(dsl).getById(flow.inquiry().id())).isEqualTo(flow.inquiry());
        assertThat(new NotificationRepository(dsl).getById(flow.notification().id())).isEqualTo(flow.notification());

        // ... and the relationship finders walk the chain from one end to the other.
        assertThat(new RuntimeRepository(dsl).findByPack(flow.pack().id())).containsExactly(flow.runtime());
        assertThat(new SensorRepository(dsl).findByTrigger(flow.trigger().id())).containsExactly(flow.sensor());
        assertThat(new ActionRepository(dsl).findByRuntime(flow.runtime().id())).containsExactly(flow.action());
        assertThat(new RuleRepository(dsl).findByTrigger(flow.trigger().id())).containsExactly(flow.rule());
        assertThat(new RuleRepository(dsl).findByAction(flow.action().id())).containsExactly(flow.rule());
        assertThat(new EventRepository(dsl).findByTrigger(flow.trigger().id())).containsExactly(flow.event());
        assertThat(new EnforcementRepository(dsl).findByEvent(flow.event().id())).containsExactly(flow.enforcement());
        assertThat(new EnforcementRepository(dsl).findByRule(flow.rule().id())).containsExactly(flow.enforcement());
        assertThat(new ExecutionRepository(dsl).findByEnforcement(flow.enforcement().id()))
                .containsExactly(flow.execution());
        assertThat(new InquiryRepository(dsl).findByExecution(flow.execution().id())).containsExactly(flow.inquiry());
        assertThat(new NotificationRepository(dsl).findByChannel("inquiries")).containsExactly(flow.notification());
    }

    @Test
    void aNotificationBreakingARuleAsTheLastStepLeavesNothingOfTheFlow(DSLContext dsl) {
        FlowRunner runner = new FlowRunner();
        // 64 bytes: one more than a NOTIFY channel name can have.
        runner.notificationChannel = "c".repeat(64);

        assertThatThrownBy(() -> dsl.transaction(tx -> {
            runner.run(tx.dsl());
        }))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.entity()).isEqualTo("notification");
                    assertThat(e.field()).isEqualTo("channel");
                });

        assertThat(runner.created).as("rows inserted before the failing step").hasSize(10);
        assertNothingOfTheFlowExists(dsl);
    }

    @Test
    void aStatementRefusedByTheDatabaseLateInTheFlowRollsBackEveryEarlierInsert(DSLContext dsl) {
        FlowRunner runner = new FlowRunner();
        runner.inquiryAssignee = 999_999L; // no such identity: the inquiry's INSERT fails on its foreign key

        assertThatThrownBy(() -> dsl.transaction(tx -> {
            runner.run(tx.dsl());
        }))
                .isInstanceOfSatisfying(ReferenceViolationException.class, e -> {
                    assertThat(e.entity()).isEqualTo("inquiry");
                    assertThat(e.field()).isEqualTo("assigned_to");
                    assertThat(e.otherTable()).isEqualTo("identity");
                });

        assertThat(runner.created).as("rows inserted before the failing step").hasSize(9);
        assertNothingOfTheFlowExists(dsl);
    }

    @Test
    void anExceptionThrownAfterTheLastInsertPropagatesAndRollsBackTheWholeFlow(DSLContext dsl) {
        FlowRunner runner = new FlowRunner();
        FlowAbandoned abandoned = new FlowAbandoned();

        assertThatThrownBy(() -> dsl.transaction(tx -> {
            runner.run(tx.dsl());
            throw abandoned;
        })).isSameAs(abandoned);

        assertThat(runner.created).as("every step ran").hasSize(11);
        assertNothingOfTheFlowExists(dsl);
        // The refs are free again: the same flow can now commit.
        Flow flow = dsl.transactionResult(tx -> new FlowRunner().run(tx.dsl()));
        assertThat(new PackRepository(dsl).list()).containsExactly(flow.pack());
    }

    @Test
    @SuppressWarnings("try") // the listener acts while open; the body never calls it
    void executionChangesAreDeliveredAfterCommitAndNeverForARolledBackFlow(IsolatedSchema schema) throws Exception {
        DSLContext dsl = schema.dsl();
        // An action outside the flows, committed up front, for marker executions written on another connection.
        Pack other = new PackRepository(dsl).create(NewPack.of("other", "Other", "1.0.0"));
        Action noop = new ActionRepository(dsl).create(
                NewAction.of("other.noop", other.id(), other.ref(), "No-op", "Does nothing", "true"));
        ExecutionRepository outside = new ExecutionRepository(dsl);
        BlockingQueue<ExecutionChange> changes = new LinkedBlockingQueue<>();

        try (ExecutionNotifications notifications = ExecutionNotifications.listen(schema.database(), changes::add)) {
            // 1. A flow that rolls back after inserting its execution.
            AtomicLong rolledBack = new AtomicLong();
            FlowAbandoned abandoned = new FlowAbandoned();
            assertThatThrownBy(() -> dsl.transaction(tx -> {
                rolledBack.set(new FlowRunner().run(tx.dsl()).execution().id());
                throw abandoned;
            })).isSameAs(abandoned);
            // Notifications arrive in commit order: had the rolled-back insert been published, it would come first.
            long marker = outside.create(NewExecution.of(noop.id(), noop.ref())).id();
            assertThat(next(changes).entityId()).isEqualTo(marker);

            // 2. A flow that commits: while its transaction is open, a change committed after its insert arrives
            // first — the flow's own is held back until the commit.
            Flow flow = dsl.transactionResult(tx -> {
                Flow inside = new FlowRunner().run(tx.dsl());
                long committedMeanwhile = outside.create(NewExecution.of(noop.id(), noop.ref())).id();
                assertThat(next(changes).entityId()).isEqualTo(committedMeanwhile);
                return inside;
            });
            ExecutionChange change = next(changes);
            assertThat(change.entityId()).isEqualTo(flow.execution().id()).isNotEqualTo(rolledBack.get());
            assertThat(change.schema()).isEqualTo(schema.name());
            assertThat(change.status()).isEqualTo(ExecutionStatusEnum.requested);
            assertThat(change.actionId()).isEqualTo(flow.action().id());
            assertThat(change.actionRef()).isEqualTo("core.echo");
            assertThat(change.created().toInstant()).isEqualTo(flow.execution().created().toInstant());

            // 3. Delivered once: the next change is the next one committed.
            outside.update(marker, RowUpdate.of(EXECUTION).set(EXECUTION.STATUS, ExecutionStatusEnum.running));
            ExecutionChange last = next(changes);
            assertThat(last.entityId()).isEqualTo(marker);
            assertThat(last.status()).isEqualTo(ExecutionStatusEnum.running);
            assertThat(changes).isEmpty();
        }
    }

    private static ExecutionChange next(BlockingQueue<ExecutionChange> changes) throws InterruptedException {
        ExecutionChange change = changes.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(change).as("a notification within " + WAIT_SECONDS + " s").isNotNull();
        return change;
    }

    /** Every table the flow writes is empty, counted through the repositories' list methods. */
    private static void assertNothingOfTheFlowExists(DSLContext dsl) {
        assertThat(new PackRepository(dsl).list()).as("pack").isEmpty();
        assertThat(new RuntimeRepository(dsl).list()).as("runtime").isEmpty();
        assertThat(new TriggerRepository(dsl).list()).as("trigger").isEmpty();
        assertThat(new SensorRepository(dsl).list()).as("sensor").isEmpty();
        assertThat(new ActionRepository(dsl).list()).as("action").isEmpty();
        assertThat(new RuleRepository(dsl).list()).as("rule").isEmpty();
        assertThat(new EventRepository(dsl).list()).as("event").isEmpty();
        assertThat(new EnforcementRepository(dsl).list()).as("enforcement").isEmpty();
        assertThat(new ExecutionRepository(dsl).list()).as("execution").isEmpty();
        assertThat(new InquiryRepository(dsl).list()).as("inquiry").isEmpty();
        assertThat(new NotificationRepository(dsl).list()).as("notification").isEmpty();
    }
}
