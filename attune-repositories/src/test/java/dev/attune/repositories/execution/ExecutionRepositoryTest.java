package dev.attune.repositories.execution;

import static dev.attune.repositories.Fixtures.json;
import static dev.attune.repositories.schema.Tables.EXECUTION;
import static dev.attune.repositories.schema.Tables.INQUIRY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.attune.junit.IsolatedSchemaTest;
import dev.attune.repositories.Fixtures;
import dev.attune.repositories.Limits;
import dev.attune.repositories.NotFoundException;
import dev.attune.repositories.ReferenceViolationException;
import dev.attune.repositories.RowUpdate;
import dev.attune.repositories.ValidationException;
import dev.attune.repositories.schema.enums.ExecutionStatusEnum;
import dev.attune.repositories.schema.tables.pojos.Execution;
import dev.attune.repositories.schema.tables.records.ActionRecord;
import dev.attune.repositories.schema.tables.records.EnforcementRecord;
import dev.attune.repositories.schema.tables.records.PackRecord;
import dev.attune.repositories.schema.tables.records.RuleRecord;
import dev.attune.repositories.schema.tables.records.TriggerRecord;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.NullNode;

@IsolatedSchemaTest
class ExecutionRepositoryTest {

    private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 1, 20, 12, 0, 0, 0, ZoneOffset.UTC);

    private static ActionRecord action(DSLContext dsl) {
        Fixtures fixtures = new Fixtures(dsl);
        return fixtures.action(fixtures.pack("core"), "echo");
    }

    private static void setCreated(DSLContext dsl, Execution execution, OffsetDateTime created) {
        dsl.update(EXECUTION).set(EXECUTION.CREATED, created).where(EXECUTION.ID.eq(execution.id())).execute();
    }

    private static WorkflowTaskMetadata task(long workflowExecution, String name) {
        return WorkflowTaskMetadata.of(workflowExecution, name);
    }

    @Test
    void createsAnExecutionAndFindsItById(DSLContext dsl) {
        ActionRecord action = action(dsl);
        ExecutionRepository executions = new ExecutionRepository(dsl);

        Execution created = executions.create(new NewExecution(action.getId(), action.getRef(), json("{\"x\":1}"),
                null, null, null, ExecutionStatusEnum.scheduled, null, null));

        assertThat(created.id()).isPositive();
        assertThat(created.action()).isEqualTo(action.getId());
        assertThat(created.actionRef()).isEqualTo("core.echo");
        assertThat(created.config()).isEqualTo(json("{\"x\":1}"));
        assertThat(created.status()).isEqualTo(ExecutionStatusEnum.scheduled);
        assertThat(created.result()).isNull();
        assertThat(executions.findById(created.id())).contains(created);
        assertThat(executions.getById(created.id())).isEqualTo(created);
    }

    @Test
    void aMissingExecutionIsNotFound(DSLContext dsl) {
        ExecutionRepository executions = new ExecutionRepository(dsl);

        assertThat(executions.findById(42)).isEmpty();
        assertThatThrownBy(() -> executions.getById(42))
                .isInstanceOf(NotFoundException.class).hasMessage("execution with id = 42 not found");
    }

    @Test
    void anAbsentWorkflowTaskIsStoredAsSqlNullNotAsJsonNull(DSLContext dsl) {
        ActionRecord action = action(dsl);
        ExecutionRepository executions = new ExecutionRepository(dsl);

        Execution plain = executions.create(NewExecution.of(action.getId(), action.getRef()));

        assertThat(plain.workflowTask()).isNull();
        assertThat(dsl.fetchCount(EXECUTION, EXECUTION.ID.eq(plain.id()).and(EXECUTION.WORKFLOW_TASK.isNull())))
                .isEqualTo(1);
        assertThat(executions.findByWorkflowExecution(0)).isEmpty();
        assertThat(WorkflowTaskMetadata.of(plain)).isEmpty();
    }

    @Test
    void clearingTheWorkflowTaskMakesItSqlNull(DSLContext dsl) {
        ActionRecord action = action(dsl);
        ExecutionRepository executions = new ExecutionRepository(dsl);
        Execution task = executions.create(NewExecution.workflowTask(action.getId(), action.getRef(),
                executions.create(NewExecution.of(action.getId(), action.getRef())).id(), task(7, "build")));

        Execution cleared = executions.update(task.id(), RowUpdate.of(EXECUTION).set(EXECUTION.WORKFLOW_TASK, WorkflowTaskConverter.INSTANCE.to(null)));

        assertThat(cleared.workflowTask()).isNull();
        assertThat(dsl.fetchCount(EXECUTION, EXECUTION.ID.eq(task.id()).and(EXECUTION.WORKFLOW_TASK.isNull())))
                .isEqualTo(1);
    }

    @Test
    void writingBackARowWithALegacyJsonNullWorkflowTaskStoresSqlNull(DSLContext dsl) {
        ActionRecord action = action(dsl);
        ExecutionRepository executions = new ExecutionRepository(dsl);
        long id = executions.create(NewExecution.of(action.getId(), action.getRef())).id();
        // What Attune's Rust code stored for "no task": a JSON null value.
        dsl.update(EXECUTION).set(EXECUTION.WORKFLOW_TASK, NullNode.getInstance()).where(EXECUTION.ID.eq(id)).execute();
        Execution legacy = executions.getById(id);
        assertThat(legacy.workflowTask()).isEqualTo(NullNode.getInstance());
        assertThat(WorkflowTaskMetadata.of(legacy)).isEmpty();

        Execution rewritten = executions.update(id, RowUpdate.of(EXECUTION)
                .set(EXECUTION.WORKFLOW_TASK, WorkflowTaskConverter.INSTANCE.to(WorkflowTaskMetadata.of(legacy).orElse(null))));

        assertThat(rewritten.workflowTask()).isNull();
        assertThat(dsl.fetchCount(EXECUTION, EXECUTION.ID.eq(id).and(EXECUTION.WORKFLOW_TASK.isNull()))).isEqualTo(1);
    }

    @Test
    void storesWorkflowTaskMetadataAsSnakeCaseJsonWithUtcTimestampsAndReadsItBack(DSLContext dsl) {
        ActionRecord action = action(dsl);
        ExecutionRepository executions = new ExecutionRepository(dsl);
        long parent = executions.create(NewExecution.of(action.getId(), action.getRef())).id();
        WorkflowTaskMetadata metadata = new WorkflowTaskMetadata(12, "deploy", 3, 1, 2, 5,
                Instant.parse("2026-01-27T10:15:30.123456789Z"), 60, true, 1500L,
                Instant.parse("2026-01-27T10:00:00Z"), null);

        Execution created = executions.create(NewExecution.workflowTask(action.getId(), action.getRef(), parent, metadata));

        assertThat(created.parent()).isEqualTo(parent);
        assertThat(created.workflowTask()).isEqualTo(json("""
                {"workflow_execution": 12, "task_name": "deploy", "task_index": 3, "task_batch": 1,
                 "retry_count": 2, "max_retries": 5, "next_retry_at": "2026-01-27T10:15:30.123456Z",
                 "timeout_seconds": 60, "timed_out": true, "duration_ms": 1500,
                 "started_at": "2026-01-27T10:00:00.000000Z", "completed_at": null}"""));
        assertThat(WorkflowTaskMetadata.of(executions.getById(created.id()))).contains(metadata);
        assertThat(metadata.nextRetryAt()).isEqualTo(Instant.parse("2026-01-27T10:15:30.123456Z"));
        assertThat(dsl.fetchValue(DSL.select(DSL.field("workflow_task->>'workflow_execution'", String.class))
                .from(EXECUTION).where(EXECUTION.ID.eq(created.id())))).isEqualTo("12");
    }

    @Test
    void findsTheTasksOfAWorkflowExecutionByTheTextOfTheKeyNewestFirst(DSLContext dsl) {
        ActionRecord action = action(dsl);
        ExecutionRepository executions = new ExecutionRepository(dsl);
        long parent = executions.create(NewExecution.of(action.getId(), action.getRef())).id();
        Execution older = executions.create(NewExecution.workflowTask(action.getId(), action.getRef(), parent, task(7, "a")));
        Execution newer = executions.create(NewExecution.workflowTask(action.getId(), action.getRef(), parent, task(7, "b")));
        executions.create(NewExecution.workflowTask(action.getId(), action.getRef(), parent, task(77, "c")));
        setCreated(dsl, older, T0);
        setCreated(dsl, newer, T0.plusMinutes(1));

        assertThat(executions.findByWorkflowExecution(7)).extracting(Execution::id).containsExactly(newer.id(), older.id());
        assertThat(executions.findByWorkflowExecution(77)).hasSize(1);
        assertThat(executions.findByWorkflowExecution(8)).isEmpty();
    }

    @Test
    void theWorkflowExecutionLookupCanUseAnExpressionIndexOnTheKey(DSLContext dsl) {
        ExecutionRepository executions = new ExecutionRepository(dsl);

        String plan = dsl.transactionResult(cfg -> {
            cfg.dsl().execute("set local enable_seqscan = off"); // the table is empty: make the planner show its options
            return cfg.dsl().explain(new ExecutionRepository(cfg.dsl()).workflowExecutionQuery(7)).plan();
        });

        // Either expression index on the key may serve it (idx_execution_workflow_execution or _workflow_status).
        assertThat(plan).contains("Index Cond: ((workflow_task ->> 'workflow_execution'::text) = '7'::text)")
                .doesNotContain("Seq Scan");
        assertThat(executions.findByWorkflowExecution(7)).isEmpty();
    }

    @Test
    void listsNewestFirstCappedAtAThousand(DSLContext dsl) {
        ActionRecord action = action(dsl);
        ExecutionRepository executions = new ExecutionRepository(dsl);
        Execution first = executions.create(NewExecution.of(action.getId(), action.getRef()));
        Execution second = executions.create(NewExecution.of(action.getId(), action.getRef()));
        setCreated(dsl, first, T0.plusDays(1));
        setCreated(dsl, second, T0);
        assertThat(executions.list()).extracting(Execution::id).containsExactly(first.id(), second.id());

        dsl.insertInto(EXECUTION, EXECUTION.ACTION_REF, EXECUTION.CREATED)
                .select(DSL.select(DSL.val("core.bulk"), DSL.val(T0.minusDays(1)))
                        .from(DSL.generateSeries(1, Limits.LIST_LIMIT)))
                .execute();

        assertThat(executions.list()).hasSize(Limits.LIST_LIMIT)
                .extracting(Execution::id).startsWith(first.id(), second.id());
    }

    @Test
    void findsByStatusAndByEnforcementNewestFirst(DSLContext dsl) {
        Fixtures fixtures = new Fixtures(dsl);
        PackRecord pack = fixtures.pack("core");
        ActionRecord action = fixtures.action(pack, "echo");
        TriggerRecord trigger = fixtures.trigger(pack, "tick");
        RuleRecord rule = fixtures.rule(pack, "on_tick", action, trigger);
        EnforcementRecord enforcement = fixtures.enforcement(rule, fixtures.event(trigger));
        ExecutionRepository executions = new ExecutionRepository(dsl);
        Execution a = executions.create(new NewExecution(action.getId(), action.getRef(), null, null,
                enforcement.getId(), null, ExecutionStatusEnum.running, null, null));
        Execution b = executions.create(new NewExecution(action.getId(), action.getRef(), null, null,
                enforcement.getId(), null, ExecutionStatusEnum.running, null, null));
        Execution c = executions.create(NewExecution.of(action.getId(), action.getRef()));
        setCreated(dsl, a, T0.plusHours(2));
        setCreated(dsl, b, T0);

        assertThat(executions.findByStatus(ExecutionStatusEnum.running)).extracting(Execution::id)
                .containsExactly(a.id(), b.id());
        assertThat(executions.findByStatus(ExecutionStatusEnum.requested)).extracting(Execution::id)
                .containsExactly(c.id());
        assertThat(executions.findByStatus(ExecutionStatusEnum.cancelled)).isEmpty();
        assertThat(executions.findByEnforcement(enforcement.getId())).extracting(Execution::id)
                .containsExactly(a.id(), b.id());
        assertThat(executions.findByEnforcement(enforcement.getId() + 1)).isEmpty();
    }

    @Test
    void executionsCreatedAtTheSameTimeAreListedHighestIdFirst(DSLContext dsl) {
        Fixtures fixtures = new Fixtures(dsl);
        PackRecord pack = fixtures.pack("core");
        ActionRecord action = fixtures.action(pack, "echo");
        TriggerRecord trigger = fixtures.trigger(pack, "tick");
        EnforcementRecord enforcement = fixtures.enforcement(fixtures.rule(pack, "on_tick", action, trigger),
                fixtures.event(trigger));
        ExecutionRepository executions = new ExecutionRepository(dsl);
        long parent = executions.create(NewExecution.of(action.getId(), action.getRef())).id();
        Execution first = executions.create(new NewExecution(action.getId(), action.getRef(), null, parent,
                enforcement.getId(), null, ExecutionStatusEnum.running, null, task(7, "a")));
        Execution second = executions.create(new NewExecution(action.getId(), action.getRef(), null, parent,
                enforcement.getId(), null, ExecutionStatusEnum.running, null, task(7, "b")));
        setCreated(dsl, first, T0);
        setCreated(dsl, second, T0);
        dsl.update(EXECUTION).set(EXECUTION.CREATED, T0.minusDays(1)).where(EXECUTION.ID.eq(parent)).execute();

        assertThat(executions.list()).extracting(Execution::id).containsExactly(second.id(), first.id(), parent);
        assertThat(executions.findByStatus(ExecutionStatusEnum.running)).extracting(Execution::id)
                .containsExactly(second.id(), first.id());
        assertThat(executions.findByEnforcement(enforcement.getId())).extracting(Execution::id)
                .containsExactly(second.id(), first.id());
        assertThat(executions.findByWorkflowExecution(7)).extracting(Execution::id)
                .containsExactly(second.id(), first.id());
    }

    @Test
    void updatesOnlyTheGivenColumnsAndCanClearNullableOnes(DSLContext dsl) {
        ActionRecord action = action(dsl);
        long executor = new Fixtures(dsl).identity("alice").getId();
        ExecutionRepository executions = new ExecutionRepository(dsl);
        Execution created = executions.create(new NewExecution(action.getId(), action.getRef(), json("{\"c\":1}"),
                null, null, executor, ExecutionStatusEnum.requested, json("{\"partial\":true}"), null));

        Execution done = executions.update(created.id(), RowUpdate.of(EXECUTION)
                .set(EXECUTION.STATUS, ExecutionStatusEnum.completed).set(EXECUTION.RESULT, json("{\"ok\":true}")).set(EXECUTION.WORKFLOW_TASK, WorkflowTaskConverter.INSTANCE.to(task(3, "t"))));
        assertThat(done.status()).isEqualTo(ExecutionStatusEnum.completed);
        assertThat(done.result()).isEqualTo(json("{\"ok\":true}"));
        assertThat(done.executor()).isEqualTo(executor);
        assertThat(done.config()).isEqualTo(json("{\"c\":1}"));
        assertThat(WorkflowTaskMetadata.of(done)).contains(task(3, "t"));
        assertThat(done.updated()).isAfterOrEqualTo(created.updated());

        Execution cleared = executions.update(created.id(), RowUpdate.of(EXECUTION).set(EXECUTION.RESULT, null).set(EXECUTION.EXECUTOR, null));
        assertThat(cleared.result()).isNull();
        assertThat(cleared.executor()).isNull();
        assertThat(cleared.status()).isEqualTo(ExecutionStatusEnum.completed);
        assertThat(executions.update(created.id(), RowUpdate.of(EXECUTION))).isEqualTo(cleared);
    }

    @Test
    void anUpdateOfEveryUpdatableColumnCopiesThemFromAnotherRow(DSLContext dsl) {
        ActionRecord action = action(dsl);
        ExecutionRepository executions = new ExecutionRepository(dsl);
        Execution source = executions.create(new NewExecution(action.getId(), action.getRef(), null, null, null, null,
                ExecutionStatusEnum.failed, json("{\"error\":\"x\"}"), task(5, "t")));
        Execution target = executions.create(NewExecution.of(action.getId(), action.getRef()));

        Execution copied = executions.update(target.id(), RowUpdate.of(EXECUTION)
                .set(EXECUTION.STATUS, source.status()).set(EXECUTION.RESULT, source.result())
                .set(EXECUTION.EXECUTOR, source.executor()).set(EXECUTION.WORKFLOW_TASK, source.workflowTask()));

        assertThat(copied.status()).isEqualTo(ExecutionStatusEnum.failed);
        assertThat(copied.result()).isEqualTo(source.result());
        assertThat(copied.workflowTask()).isEqualTo(source.workflowTask());
    }

    @Test
    void invalidInputIsRejectedBeforeAnySqlRuns() {
        assertThatThrownBy(() -> NewExecution.of(1, null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("execution.action_ref");
        assertThatThrownBy(() -> new NewExecution(1L, "a.b", null, null, null, null, null, null, null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("execution.status");
        assertThatThrownBy(() -> RowUpdate.of(EXECUTION).set(EXECUTION.STATUS, null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("execution.status");
        assertThatThrownBy(() -> NewExecution.workflowTask(1, "a.b", 2, null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("execution.workflow_task");
    }

    @Test
    void missingParentRowsAreReferenceViolations(DSLContext dsl) {
        ActionRecord action = action(dsl);
        ExecutionRepository executions = new ExecutionRepository(dsl);

        assertThatThrownBy(() -> executions.create(NewExecution.of(action.getId() + 100, "core.gone")))
                .isInstanceOfSatisfying(ReferenceViolationException.class, e -> {
                    assertThat(e.entity()).isEqualTo("execution");
                    assertThat(e.field()).isEqualTo("action");
                    assertThat(e.otherTable()).isEqualTo("action");
                });
        long id = executions.create(NewExecution.of(action.getId(), action.getRef())).id();
        assertThatThrownBy(() -> executions.update(id, RowUpdate.of(EXECUTION).set(EXECUTION.EXECUTOR, 999L)))
                .isInstanceOfSatisfying(ReferenceViolationException.class,
                        e -> assertThat(e.otherTable()).isEqualTo("identity"));
    }

    @Test
    void updatingAMissingExecutionIsNotFound(DSLContext dsl) {
        ExecutionRepository executions = new ExecutionRepository(dsl);

        assertThatThrownBy(() -> executions.update(9, RowUpdate.of(EXECUTION).set(EXECUTION.STATUS, ExecutionStatusEnum.running)))
                .isInstanceOf(NotFoundException.class).hasMessage("execution with id = 9 not found");
        assertThatThrownBy(() -> executions.update(9, RowUpdate.of(EXECUTION)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void deletesAnExecutionWithItsInquiriesButNotOneWithChildren(DSLContext dsl) {
        ActionRecord action = action(dsl);
        ExecutionRepository executions = new ExecutionRepository(dsl);
        Execution parent = executions.create(NewExecution.of(action.getId(), action.getRef()));
        Execution child = executions.create(new NewExecution(action.getId(), action.getRef(), null, parent.id(), null,
                null, ExecutionStatusEnum.requested, null, null));
        dsl.insertInto(INQUIRY).set(INQUIRY.EXECUTION, child.id()).set(INQUIRY.PROMPT, "ok?").execute();

        assertThatThrownBy(() -> executions.delete(parent.id()))
                .isInstanceOfSatisfying(ReferenceViolationException.class,
                        e -> assertThat(e.otherTable()).isEqualTo("execution"));
        assertThat(executions.delete(child.id())).isTrue();
        assertThat(dsl.fetchCount(INQUIRY)).isZero();
        assertThat(executions.delete(parent.id())).isTrue();
        assertThat(executions.delete(parent.id())).isFalse();
        assertThat(executions.findById(parent.id())).isEmpty();
    }

    @Test
    void workflowTaskMetadataReadsAttuneStyleJsonWithDefaultsForMissingKeys() {
        WorkflowTaskMetadata read = WorkflowTaskConverter.INSTANCE.from(json("""
                {"workflow_execution": 4, "task_name": "t", "started_at": "2026-01-27T11:00:00.5+01:00",
                 "completed_at": "2026-01-27T10:00:01.123456789Z", "unknown": "ignored"}"""));

        assertThat(read.workflowExecution()).isEqualTo(4);
        assertThat(read.retryCount()).isZero();
        assertThat(read.maxRetries()).isZero();
        assertThat(read.timedOut()).isFalse();
        assertThat(read.taskIndex()).isNull();
        assertThat(read.startedAt()).isEqualTo(Instant.parse("2026-01-27T10:00:00.5Z"));
        assertThat(read.completedAt()).isEqualTo(Instant.parse("2026-01-27T10:00:01.123456Z"));
        assertThat(WorkflowTaskConverter.INSTANCE.to(read).get("started_at").asString()).isEqualTo("2026-01-27T10:00:00.500000Z");
    }

    @Test
    void workflowTaskMetadataRejectsIncompleteOrMistypedJsonAndNegativeCounts() {
        assertThatThrownBy(() -> WorkflowTaskConverter.INSTANCE.from(json("{\"task_name\": \"t\"}")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("workflow_task.workflow_execution");
        assertThatThrownBy(() -> WorkflowTaskConverter.INSTANCE.from(json("{\"workflow_execution\": 1}")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("workflow_task.task_name");
        assertThatThrownBy(() -> WorkflowTaskConverter.INSTANCE.from(json("{\"workflow_execution\": 1, \"task_name\": \"t\","
                + " \"retry_count\": \"two\"}")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("workflow_task.retry_count");
        assertThatThrownBy(() -> WorkflowTaskConverter.INSTANCE.from(json("{\"workflow_execution\": 1, \"task_name\": \"t\","
                + " \"started_at\": \"yesterday\"}")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("workflow_task.started_at");
        assertThatThrownBy(() -> WorkflowTaskConverter.INSTANCE.from(json("[]")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("must be a JSON object");
        assertThatThrownBy(() -> new WorkflowTaskMetadata(1, "t", null, null, -1, 0, null, null, false, null, null, null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("workflow_task.retry_count");
        assertThatThrownBy(() -> WorkflowTaskMetadata.of(1, null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("workflow_task.task_name");
    }
}
