package dev.attune.repositories.workflow;

import static dev.attune.repositories.Fixtures.json;
import static dev.attune.repositories.schema.Tables.EXECUTION;
import static dev.attune.repositories.schema.Tables.WORKFLOW_EXECUTION;
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
import dev.attune.repositories.schema.tables.pojos.WorkflowExecution;
import dev.attune.repositories.schema.tables.records.ActionRecord;
import dev.attune.repositories.schema.tables.records.PackRecord;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

@IsolatedSchemaTest
class WorkflowExecutionRepositoryTest {

    private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 1, 20, 12, 0, 0, 0, ZoneOffset.UTC);

    /** Parent rows for workflow executions: an action to run and a workflow definition. */
    private record Parents(Fixtures fixtures, ActionRecord action, long definition) {

        static Parents in(DSLContext dsl) {
            Fixtures fixtures = new Fixtures(dsl);
            PackRecord pack = fixtures.pack("core");
            return new Parents(fixtures, fixtures.action(pack, "deploy"),
                    fixtures.workflowDefinition(pack, "deploy").getId());
        }

        long execution() {
            return fixtures.execution(action).getId();
        }
    }

    private static void setCreated(DSLContext dsl, WorkflowExecution execution, OffsetDateTime created) {
        dsl.update(WORKFLOW_EXECUTION).set(WORKFLOW_EXECUTION.CREATED, created)
                .where(WORKFLOW_EXECUTION.ID.eq(execution.id())).execute();
    }

    @Test
    void createsAWorkflowExecutionWithEmptyTaskListsUnpausedAndFindsIt(DSLContext dsl) {
        Parents parents = Parents.in(dsl);
        long execution = parents.execution();
        WorkflowExecutionRepository runs = new WorkflowExecutionRepository(dsl);

        WorkflowExecution created = runs.create(new NewWorkflowExecution(execution, parents.definition(),
                json("{\"nodes\":[\"build\"]}"), json("{\"env\":\"prod\"}"), ExecutionStatusEnum.running));

        assertThat(created.id()).isPositive();
        assertThat(created.execution()).isEqualTo(execution);
        assertThat(created.workflowDef()).isEqualTo(parents.definition());
        assertThat(created.currentTasks()).isEmpty();
        assertThat(created.completedTasks()).isEmpty();
        assertThat(created.failedTasks()).isEmpty();
        assertThat(created.skippedTasks()).isEmpty();
        assertThat(created.variables()).isEqualTo(json("{\"env\":\"prod\"}"));
        assertThat(created.taskGraph()).isEqualTo(json("{\"nodes\":[\"build\"]}"));
        assertThat(created.status()).isEqualTo(ExecutionStatusEnum.running);
        assertThat(created.paused()).isFalse();
        assertThat(runs.findById(created.id())).contains(created);
        assertThat(runs.getById(created.id())).isEqualTo(created);
        assertThat(runs.findByExecution(execution)).contains(created);
        assertThat(runs.findByExecution(execution + 100)).isEmpty();
        assertThat(runs.create(NewWorkflowExecution.of(parents.execution(), parents.definition(), json("{}")))
                .variables()).isEqualTo(JsonNodeFactory.instance.objectNode());
    }

    @Test
    void aMissingWorkflowExecutionIsNotFound(DSLContext dsl) {
        WorkflowExecutionRepository runs = new WorkflowExecutionRepository(dsl);

        assertThat(runs.findById(5)).isEmpty();
        assertThatThrownBy(() -> runs.getById(5))
                .isInstanceOf(NotFoundException.class).hasMessage("workflow_execution with id = 5 not found");
    }

    @Test
    void invalidInputIsRejectedBeforeAnySqlRuns() {
        assertThatThrownBy(() -> NewWorkflowExecution.of(1, 2, null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("workflow_execution.task_graph");
        assertThatThrownBy(() -> new NewWorkflowExecution(1, 2, json("{}"), null, null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("workflow_execution.status");
        assertThatThrownBy(() -> RowUpdate.of(WORKFLOW_EXECUTION).set(WORKFLOW_EXECUTION.STATUS, null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("workflow_execution.status");
    }

    @Test
    void aMissingExecutionOrDefinitionIsAReferenceViolation(DSLContext dsl) {
        Parents parents = Parents.in(dsl);
        WorkflowExecutionRepository runs = new WorkflowExecutionRepository(dsl);

        assertThatThrownBy(() -> runs.create(NewWorkflowExecution.of(parents.execution() + 100, parents.definition(),
                json("{}"))))
                .isInstanceOfSatisfying(ReferenceViolationException.class,
                        e -> assertThat(e.otherTable()).isEqualTo("execution"));
        assertThatThrownBy(() -> runs.create(NewWorkflowExecution.of(parents.execution(), parents.definition() + 100,
                json("{}"))))
                .isInstanceOfSatisfying(ReferenceViolationException.class,
                        e -> assertThat(e.otherTable()).isEqualTo("workflow_definition"));
    }

    @Test
    void listsNewestFirstCappedAtAThousand(DSLContext dsl) {
        Parents parents = Parents.in(dsl);
        WorkflowExecutionRepository runs = new WorkflowExecutionRepository(dsl);
        long execution = parents.execution();
        WorkflowExecution older = runs.create(NewWorkflowExecution.of(execution, parents.definition(), json("{}")));
        WorkflowExecution newer = runs.create(NewWorkflowExecution.of(execution, parents.definition(), json("{}")));
        setCreated(dsl, older, T0);
        setCreated(dsl, newer, T0.plusMinutes(3));
        assertThat(runs.list()).extracting(WorkflowExecution::id).containsExactly(newer.id(), older.id());

        dsl.insertInto(WORKFLOW_EXECUTION, WORKFLOW_EXECUTION.EXECUTION, WORKFLOW_EXECUTION.WORKFLOW_DEF,
                        WORKFLOW_EXECUTION.TASK_GRAPH, WORKFLOW_EXECUTION.CREATED)
                .select(DSL.select(DSL.val(execution), DSL.val(parents.definition()),
                                DSL.val(json("{}"), WORKFLOW_EXECUTION.TASK_GRAPH), DSL.val(T0.minusDays(1)))
                        .from(DSL.generateSeries(1, Limits.LIST_LIMIT)))
                .execute();

        assertThat(runs.list()).hasSize(Limits.LIST_LIMIT)
                .extracting(WorkflowExecution::id).startsWith(newer.id(), older.id());
    }

    @Test
    void findsByStatusPausedAndDefinitionNewestFirst(DSLContext dsl) {
        Parents parents = Parents.in(dsl);
        long otherDefinition = parents.fixtures().workflowDefinition(parents.fixtures().pack("aux"), "other").getId();
        WorkflowExecutionRepository runs = new WorkflowExecutionRepository(dsl);
        WorkflowExecution a = runs.create(new NewWorkflowExecution(parents.execution(), parents.definition(), json("{}"),
                null, ExecutionStatusEnum.running));
        WorkflowExecution b = runs.create(new NewWorkflowExecution(parents.execution(), parents.definition(), json("{}"),
                null, ExecutionStatusEnum.running));
        WorkflowExecution c = runs.create(NewWorkflowExecution.of(parents.execution(), otherDefinition, json("{}")));
        setCreated(dsl, a, T0);
        setCreated(dsl, b, T0.plusDays(1));
        setCreated(dsl, c, T0.plusDays(2));
        runs.update(a.id(), RowUpdate.of(WORKFLOW_EXECUTION).set(WORKFLOW_EXECUTION.PAUSED, true).set(WORKFLOW_EXECUTION.PAUSE_REASON, "waiting"));
        runs.update(c.id(), RowUpdate.of(WORKFLOW_EXECUTION).set(WORKFLOW_EXECUTION.PAUSED, true));

        assertThat(runs.findByStatus(ExecutionStatusEnum.running)).extracting(WorkflowExecution::id)
                .containsExactly(b.id(), a.id());
        assertThat(runs.findByStatus(ExecutionStatusEnum.requested)).extracting(WorkflowExecution::id)
                .containsExactly(c.id());
        assertThat(runs.findByStatus(ExecutionStatusEnum.failed)).isEmpty();
        assertThat(runs.findPaused()).extracting(WorkflowExecution::id).containsExactly(c.id(), a.id());
        assertThat(runs.findByWorkflowDef(parents.definition())).extracting(WorkflowExecution::id)
                .containsExactly(b.id(), a.id());
        assertThat(runs.findByWorkflowDef(otherDefinition)).extracting(WorkflowExecution::id).containsExactly(c.id());
        assertThat(runs.findByWorkflowDef(otherDefinition + 100)).isEmpty();
    }

    @Test
    void workflowExecutionsCreatedAtTheSameTimeAreListedHighestIdFirst(DSLContext dsl) {
        Parents parents = Parents.in(dsl);
        long execution = parents.execution();
        WorkflowExecutionRepository runs = new WorkflowExecutionRepository(dsl);
        WorkflowExecution first = runs.create(new NewWorkflowExecution(execution, parents.definition(), json("{}"),
                null, ExecutionStatusEnum.running));
        WorkflowExecution second = runs.create(new NewWorkflowExecution(execution, parents.definition(), json("{}"),
                null, ExecutionStatusEnum.running));
        setCreated(dsl, first, T0);
        setCreated(dsl, second, T0);
        runs.update(first.id(), RowUpdate.of(WORKFLOW_EXECUTION).set(WORKFLOW_EXECUTION.PAUSED, true));
        runs.update(second.id(), RowUpdate.of(WORKFLOW_EXECUTION).set(WORKFLOW_EXECUTION.PAUSED, true));

        assertThat(runs.list()).extracting(WorkflowExecution::id).containsExactly(second.id(), first.id());
        assertThat(runs.findByStatus(ExecutionStatusEnum.running)).extracting(WorkflowExecution::id)
                .containsExactly(second.id(), first.id());
        assertThat(runs.findPaused()).extracting(WorkflowExecution::id).containsExactly(second.id(), first.id());
        assertThat(runs.findByWorkflowDef(parents.definition())).extracting(WorkflowExecution::id)
                .containsExactly(second.id(), first.id());
        assertThat(runs.findByExecution(execution)).map(WorkflowExecution::id).contains(second.id());
    }

    @Test
    void findByExecutionReturnsTheNewestWhenSeveralShareAnExecution(DSLContext dsl) {
        Parents parents = Parents.in(dsl);
        long execution = parents.execution();
        WorkflowExecutionRepository runs = new WorkflowExecutionRepository(dsl);
        WorkflowExecution first = runs.create(NewWorkflowExecution.of(execution, parents.definition(), json("{}")));
        WorkflowExecution second = runs.create(NewWorkflowExecution.of(execution, parents.definition(), json("{}")));
        setCreated(dsl, first, T0.plusDays(1));
        setCreated(dsl, second, T0);

        assertThat(runs.findByExecution(execution)).map(WorkflowExecution::id).contains(first.id());
    }

    @Test
    void updatesTaskListsAndStateAndCanClearNullableColumns(DSLContext dsl) {
        Parents parents = Parents.in(dsl);
        WorkflowExecutionRepository runs = new WorkflowExecutionRepository(dsl);
        WorkflowExecution created = runs.create(new NewWorkflowExecution(parents.execution(), parents.definition(),
                json("{\"g\":1}"), json("{\"v\":1}"), ExecutionStatusEnum.requested));

        WorkflowExecution progressed = runs.update(created.id(), RowUpdate.of(WORKFLOW_EXECUTION)
                .set(WORKFLOW_EXECUTION.CURRENT_TASKS, new String[] {"test"}).set(WORKFLOW_EXECUTION.COMPLETED_TASKS, new String[] {"build", "lint"}).set(WORKFLOW_EXECUTION.FAILED_TASKS, new String[] {"flaky"})
                .set(WORKFLOW_EXECUTION.SKIPPED_TASKS, new String[] {"docs"}).set(WORKFLOW_EXECUTION.VARIABLES, json("{\"v\":2}")).set(WORKFLOW_EXECUTION.STATUS, ExecutionStatusEnum.running)
                .set(WORKFLOW_EXECUTION.ERROR_MESSAGE, "flaky failed").set(WORKFLOW_EXECUTION.PAUSED, true).set(WORKFLOW_EXECUTION.PAUSE_REASON, "manual"));
        assertThat(progressed.currentTasks()).containsExactly("test");
        assertThat(progressed.completedTasks()).containsExactly("build", "lint");
        assertThat(progressed.failedTasks()).containsExactly("flaky");
        assertThat(progressed.skippedTasks()).containsExactly("docs");
        assertThat(progressed.variables()).isEqualTo(json("{\"v\":2}"));
        assertThat(progressed.status()).isEqualTo(ExecutionStatusEnum.running);
        assertThat(progressed.errorMessage()).isEqualTo("flaky failed");
        assertThat(progressed.paused()).isTrue();
        assertThat(progressed.pauseReason()).isEqualTo("manual");
        assertThat(progressed.taskGraph()).isEqualTo(json("{\"g\":1}"));
        assertThat(progressed.updated()).isAfterOrEqualTo(created.updated());

        WorkflowExecution cleared = runs.update(created.id(), RowUpdate.of(WORKFLOW_EXECUTION)
                .set(WORKFLOW_EXECUTION.CURRENT_TASKS, new String[] {}).set(WORKFLOW_EXECUTION.FAILED_TASKS, null).set(WORKFLOW_EXECUTION.VARIABLES, null).set(WORKFLOW_EXECUTION.ERROR_MESSAGE, null).set(WORKFLOW_EXECUTION.PAUSED, false)
                .set(WORKFLOW_EXECUTION.PAUSE_REASON, null));
        assertThat(cleared.currentTasks()).isEmpty();
        assertThat(cleared.failedTasks()).isNull();
        assertThat(cleared.variables()).isNull();
        assertThat(cleared.errorMessage()).isNull();
        assertThat(cleared.paused()).isFalse();
        assertThat(cleared.pauseReason()).isNull();
        assertThat(cleared.completedTasks()).containsExactly("build", "lint");
        assertThat(runs.update(created.id(), RowUpdate.of(WORKFLOW_EXECUTION))).isEqualTo(cleared);
    }

    @Test
    void updatingOrDeletingAMissingWorkflowExecution(DSLContext dsl) {
        WorkflowExecutionRepository runs = new WorkflowExecutionRepository(dsl);

        assertThatThrownBy(() -> runs.update(4, RowUpdate.of(WORKFLOW_EXECUTION).set(WORKFLOW_EXECUTION.PAUSED, true)))
                .isInstanceOf(NotFoundException.class).hasMessage("workflow_execution with id = 4 not found");
        assertThatThrownBy(() -> runs.update(4, RowUpdate.of(WORKFLOW_EXECUTION))).isInstanceOf(NotFoundException.class);
        assertThat(runs.delete(4)).isFalse();
    }

    @Test
    void deletesAWorkflowExecutionAndIsDeletedWithItsExecution(DSLContext dsl) {
        Parents parents = Parents.in(dsl);
        WorkflowExecutionRepository runs = new WorkflowExecutionRepository(dsl);
        WorkflowExecution one = runs.create(NewWorkflowExecution.of(parents.execution(), parents.definition(), json("{}")));
        WorkflowExecution two = runs.create(NewWorkflowExecution.of(parents.execution(), parents.definition(), json("{}")));

        assertThat(runs.delete(one.id())).isTrue();
        assertThat(runs.findById(one.id())).isEmpty();

        dsl.deleteFrom(EXECUTION).where(EXECUTION.ID.eq(two.execution())).execute();
        assertThat(runs.findById(two.id())).isEmpty();
    }
}
