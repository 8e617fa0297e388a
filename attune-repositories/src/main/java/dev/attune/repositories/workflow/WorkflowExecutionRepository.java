package dev.attune.repositories.workflow;

import static dev.attune.repositories.schema.Tables.WORKFLOW_EXECUTION;

import dev.attune.repositories.Limits;
import dev.attune.repositories.NotFoundException;
import dev.attune.repositories.RowUpdate;
import dev.attune.repositories.internal.Refs;
import dev.attune.repositories.internal.RepositoryContexts;
import dev.attune.repositories.internal.Updates;
import dev.attune.repositories.schema.enums.ExecutionStatusEnum;
import dev.attune.repositories.schema.tables.pojos.WorkflowExecution;
import dev.attune.repositories.schema.tables.records.WorkflowExecutionRecord;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * Workflow executions: the orchestration state of running workflows (task lists, variables, pause state). Lists are
 * newest first ({@code created} DESC, then id DESC).
 *
 * <p>Construct with the {@link DSLContext} to work in — inside
 * {@code dsl.transaction(cfg -> new WorkflowExecutionRepository(cfg.dsl()))} every call joins the caller's transaction.
 */
public final class WorkflowExecutionRepository {

    static final String ENTITY = "workflow_execution";

    private static final Updates<WorkflowExecutionRecord> UPDATES = Updates.of(ENTITY, WORKFLOW_EXECUTION.ID,
            WORKFLOW_EXECUTION.CURRENT_TASKS, WORKFLOW_EXECUTION.COMPLETED_TASKS, WORKFLOW_EXECUTION.FAILED_TASKS, WORKFLOW_EXECUTION.SKIPPED_TASKS, WORKFLOW_EXECUTION.VARIABLES, WORKFLOW_EXECUTION.STATUS, WORKFLOW_EXECUTION.ERROR_MESSAGE, WORKFLOW_EXECUTION.PAUSED, WORKFLOW_EXECUTION.PAUSE_REASON);

    private final DSLContext dsl;

    /**
     * A repository working in {@code dsl}'s connection or transaction (pass {@code cfg.dsl()} inside
     * {@code dsl.transaction(...)}); database errors become this library's exceptions.
     */
    public WorkflowExecutionRepository(DSLContext dsl) {
        this.dsl = RepositoryContexts.of(dsl, ENTITY);
    }

    /** The workflow execution with this id; empty when there is none. */
    public Optional<WorkflowExecution> findById(long id) {
        return dsl.selectFrom(WORKFLOW_EXECUTION).where(WORKFLOW_EXECUTION.ID.eq(id))
                .fetchOptionalInto(WorkflowExecution.class);
    }

    /** @throws NotFoundException when there is no workflow execution with this id */
    public WorkflowExecution getById(long id) {
        return findById(id).orElseThrow(() -> new NotFoundException(ENTITY, "id", id));
    }

    /** The newest {@value Limits#LIST_LIMIT} workflow executions, newest first. */
    public List<WorkflowExecution> list() {
        return dsl.selectFrom(WORKFLOW_EXECUTION)
                .orderBy(WORKFLOW_EXECUTION.CREATED.desc(), WORKFLOW_EXECUTION.ID.desc()).limit(Limits.LIST_LIMIT)
                .fetchInto(WorkflowExecution.class);
    }

    /**
     * The workflow execution whose own execution row is {@code executionId}. The schema does not make this unique;
     * should there be several, the newest is returned.
     */
    public Optional<WorkflowExecution> findByExecution(long executionId) {
        return dsl.selectFrom(WORKFLOW_EXECUTION).where(WORKFLOW_EXECUTION.EXECUTION.eq(executionId))
                .orderBy(WORKFLOW_EXECUTION.CREATED.desc(), WORKFLOW_EXECUTION.ID.desc())
                .limit(1)
                .fetchOptionalInto(WorkflowExecution.class);
    }

    /** Workflow executions with this status, newest first (no limit). */
    public List<WorkflowExecution> findByStatus(ExecutionStatusEnum status) {
        Refs.requireValue(ENTITY, "status", status);
        return dsl.selectFrom(WORKFLOW_EXECUTION).where(WORKFLOW_EXECUTION.STATUS.eq(status))
                .orderBy(WORKFLOW_EXECUTION.CREATED.desc(), WORKFLOW_EXECUTION.ID.desc())
                .fetchInto(WorkflowExecution.class);
    }

    /** Paused workflow executions, newest first (no limit). */
    public List<WorkflowExecution> findPaused() {
        return dsl.selectFrom(WORKFLOW_EXECUTION).where(WORKFLOW_EXECUTION.PAUSED.isTrue())
                .orderBy(WORKFLOW_EXECUTION.CREATED.desc(), WORKFLOW_EXECUTION.ID.desc())
                .fetchInto(WorkflowExecution.class);
    }

    /** The executions of one workflow definition, newest first (no limit). */
    public List<WorkflowExecution> findByWorkflowDef(long workflowDefId) {
        return dsl.selectFrom(WORKFLOW_EXECUTION).where(WORKFLOW_EXECUTION.WORKFLOW_DEF.eq(workflowDefId))
                .orderBy(WORKFLOW_EXECUTION.CREATED.desc(), WORKFLOW_EXECUTION.ID.desc())
                .fetchInto(WorkflowExecution.class);
    }

    /**
     * Inserts the workflow execution with empty task lists, unpaused.
     *
     * @throws dev.attune.repositories.ReferenceViolationException when the execution or definition does not exist
     */
    public WorkflowExecution create(NewWorkflowExecution workflowExecution) {
        return dsl.insertInto(WORKFLOW_EXECUTION)
                .set(WORKFLOW_EXECUTION.EXECUTION, workflowExecution.execution())
                .set(WORKFLOW_EXECUTION.WORKFLOW_DEF, workflowExecution.workflowDef())
                .set(WORKFLOW_EXECUTION.TASK_GRAPH, workflowExecution.taskGraph())
                .set(WORKFLOW_EXECUTION.VARIABLES, workflowExecution.variables())
                .set(WORKFLOW_EXECUTION.STATUS, workflowExecution.status())
                .returning()
                .fetchSingleInto(WorkflowExecution.class);
    }

    /**
     * Changes the columns {@code update} sets and returns the row: a column not set is left unchanged, one set
     * to {@code null} becomes NULL; with no column set, returns the current row.
     * Updatable: {@code current_tasks, completed_tasks, failed_tasks, skipped_tasks, variables, status, error_message, paused, pause_reason}.
     *
     * @throws NotFoundException when there is no workflow execution with this id
     * @throws dev.attune.repositories.ValidationException when {@code update} is null, sets another column or breaks a
     *                                                     column rule
     */
    public WorkflowExecution update(long id, RowUpdate<WorkflowExecutionRecord> update) {
        return UPDATES.apply(dsl, id, update, WorkflowExecution.class);
    }

    /** @return whether a row was deleted */
    public boolean delete(long id) {
        return dsl.deleteFrom(WORKFLOW_EXECUTION).where(WORKFLOW_EXECUTION.ID.eq(id)).execute() > 0;
    }
}
