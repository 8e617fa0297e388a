package dev.attune.cli;

import static dev.attune.repositories.schema.Tables.ENFORCEMENT;
import static dev.attune.repositories.schema.Tables.EXECUTION;
import static dev.attune.repositories.schema.Tables.INQUIRY;

import dev.attune.repositories.RowUpdate;
import dev.attune.repositories.action.ActionRepository;
import dev.attune.repositories.action.NewAction;
import dev.attune.repositories.enforcement.EnforcementRepository;
import dev.attune.repositories.enforcement.NewEnforcement;
import dev.attune.repositories.event.EventRepository;
import dev.attune.repositories.event.NewEvent;
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
import dev.attune.repositories.schema.tables.records.ExecutionRecord;
import dev.attune.repositories.sensor.NewSensor;
import dev.attune.repositories.sensor.SensorRepository;
import dev.attune.repositories.trigger.NewTrigger;
import dev.attune.repositories.trigger.TriggerRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jooq.DSLContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Attune's main path through the repositories, as a platform would walk it: a pack with its runtime, trigger, sensor,
 * action and rule are registered; a webhook event fires the rule (enforcement); the enforcement requests an execution,
 * which a worker schedules, runs and completes; the action asks a person a question (inquiry), who answers; the UI is
 * told (notification). Every step is one transaction, so each execution change is published when it happens.
 *
 * <p>Refs start with a per-run prefix ({@code demo_<random>}) so that the demo can run again on the same schema.
 */
final class DemoFlow {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** The execution states the flow walks through, in order. */
    static final List<ExecutionStatusEnum> EXECUTION_STATES = List.of(ExecutionStatusEnum.requested,
            ExecutionStatusEnum.scheduling, ExecutionStatusEnum.scheduled, ExecutionStatusEnum.running,
            ExecutionStatusEnum.completed);

    private final DSLContext dsl;
    private final String prefix;
    private final Consumer<String> report;

    /**
     * @param dsl    the schema's jOOQ context
     * @param prefix the pack ref, and the prefix of every other ref
     * @param report receives one line per step, for a person to read
     */
    DemoFlow(DSLContext dsl, String prefix, Consumer<String> report) {
        this.dsl = dsl;
        this.prefix = prefix;
        this.report = report;
    }

    /** Runs the flow; returns the execution's id. */
    long run() {
        Pack pack = dsl.transactionResult(tx -> new PackRepository(tx.dsl())
                .create(NewPack.of(prefix, "Attune demo", "1.0.0")));
        step("pack", pack.id(), pack.ref() + " " + pack.version() + " \"" + pack.label() + "\"");

        Runtime runtime = dsl.transactionResult(tx -> new RuntimeRepository(tx.dsl()).create(new NewRuntime(
                prefix + ".action.shell", pack.id(), pack.ref(), "POSIX shell", RuntimeTypeEnum.action, "shell", null, null)));
        step("runtime", runtime.id(), runtime.ref() + " (" + runtime.runtimeType() + ")");

        Trigger trigger = dsl.transactionResult(tx -> new TriggerRepository(tx.dsl())
                .create(NewTrigger.of(prefix + ".webhook", pack.id(), pack.ref(), "Webhook")));
        step("trigger", trigger.id(), trigger.ref());

        Sensor sensor = dsl.transactionResult(tx -> new SensorRepository(tx.dsl()).create(NewSensor.of(
                prefix + ".watcher", pack.id(), pack.ref(), "Watcher", "Watches for webhook calls", "watcher.sh",
                runtime.id(), runtime.ref(), trigger.id(), trigger.ref())));
        step("sensor", sensor.id(), sensor.ref() + " fires " + trigger.ref());

        Action action = dsl.transactionResult(tx -> new ActionRepository(tx.dsl()).create(new NewAction(
                prefix + ".echo", pack.id(), pack.ref(), "Echo", "Prints its input", "echo.sh", runtime.id(), null,
                null)));
        step("action", action.id(), action.ref() + " runs on " + runtime.ref());

        Rule rule = dsl.transactionResult(tx -> new RuleRepository(tx.dsl()).create(NewRule.of(
                prefix + ".echo_on_webhook", pack.id(), pack.ref(), "Echo on webhook", "Echoes every webhook payload",
                action.id(), action.ref(), trigger.id(), trigger.ref())));
        step("rule", rule.id(), rule.ref() + ": when " + trigger.ref() + " then " + action.ref());

        JsonNode payload = JSON.objectNode().put("message", "hello");
        Event event = dsl.transactionResult(tx -> new EventRepository(tx.dsl()).create(
                new NewEvent(trigger.id(), trigger.ref(), null, payload, sensor.id(), sensor.ref())));
        step("event", event.id(), trigger.ref() + " from " + sensor.ref() + ", payload " + event.payload());

        Enforcement enforcement = dsl.transactionResult(tx -> new EnforcementRepository(tx.dsl()).create(
                NewEnforcement.of(rule.id(), rule.ref(), trigger.ref(), event.id(), event.payload())));
        Enforcement processed = dsl.transactionResult(tx -> new EnforcementRepository(tx.dsl())
                .update(enforcement.id(), RowUpdate.of(ENFORCEMENT).set(ENFORCEMENT.STATUS, EnforcementStatusEnum.processed)));
        step("enforcement", enforcement.id(), "rule " + rule.ref() + " on event #" + event.id() + ": "
                + enforcement.status() + " -> " + processed.status());

        Execution execution = dsl.transactionResult(tx -> new ExecutionRepository(tx.dsl()).create(new NewExecution(
                action.id(), action.ref(), payload, null, enforcement.id(), null, ExecutionStatusEnum.requested, null,
                null)));
        List<String> states = new ArrayList<>(List.of(execution.status().getLiteral()));
        Execution current = execution;
        for (ExecutionStatusEnum next : EXECUTION_STATES.subList(1, EXECUTION_STATES.size())) {
            RowUpdate<ExecutionRecord> status = RowUpdate.of(EXECUTION).set(EXECUTION.STATUS, next);
            RowUpdate<ExecutionRecord> update = next == ExecutionStatusEnum.completed
                    ? status.set(EXECUTION.RESULT, JSON.objectNode().put("stdout", "hello"))
                    : status;
            current = dsl.transactionResult(tx -> new ExecutionRepository(tx.dsl()).update(execution.id(), update));
            states.add(current.status().getLiteral());
        }
        step("execution", execution.id(), action.ref() + ": " + String.join(" -> ", states) + ", result "
                + current.result());

        Inquiry inquiry = dsl.transactionResult(tx -> new InquiryRepository(tx.dsl()).create(new NewInquiry(
                execution.id(), "Echo it again?", null, null, InquiryStatusEnum.pending, null, null)));
        Inquiry answered = dsl.transactionResult(tx -> new InquiryRepository(tx.dsl()).update(inquiry.id(),
                RowUpdate.of(INQUIRY).set(INQUIRY.STATUS, InquiryStatusEnum.responded)
                        .set(INQUIRY.RESPONSE, JSON.objectNode().put("approved", true))));
        step("inquiry", inquiry.id(), "\"" + inquiry.prompt() + "\" of execution #" + execution.id() + ": "
                + inquiry.status() + " -> " + answered.status() + " " + answered.response());

        Notification notification = dsl.transactionResult(tx -> new NotificationRepository(tx.dsl()).create(
                new NewNotification("inquiries", "inquiry", String.valueOf(inquiry.id()), "responded", null,
                        JSON.objectNode().put("execution", execution.id()))));
        step("notification", notification.id(), "channel " + notification.channel() + ": inquiry #" + inquiry.id() + " "
                + notification.activity() + " (" + notification.state() + ")");
        return execution.id();
    }

    private void step(String entity, long id, String what) {
        report.accept(String.format("  %-12s #%-4d %s", entity, id, what));
    }
}
