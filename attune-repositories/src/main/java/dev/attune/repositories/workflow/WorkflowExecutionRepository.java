package dev.attune.repositories.workflow;

import static dev.attune.repositories.schema.Tables.WORKFLOW_EXECUTION;

import dev.attune.repositories.Limits;
import dev.attune.repositories.UpdatableTableRepository;
import dev.attune.repositories.EntityTable;
import dev.attune.repositories.schema.enums.ExecutionStatusEnum;
import dev.attune.repositories.schema.tables.pojos.WorkflowExecution;
import dev.attune.repositories.schema.tables.records.WorkflowExecutionRecord;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * Workflow executions: the orchestration state of running workflows (task lists, variables, pause state). Lists are
 * newest first ({@code created} DESC, then id DESC); {@link #list()} is capped at {@value Limits#LIST_LIMIT} rows, the
 * filtered lists are not.
 *
 * <p>{@link #update} may change {@code current_tasks, completed_tasks, failed_tasks, skipped_tasks, variables, status,
 * error_message, paused, pause_reason}.
 *
 * <p>{@link #create} starts a workflow execution with empty task lists, unpaused, and refuses a missing execution or
 * definition.
 *
 * <p>Construct with the {@link DSLContext} to work in — inside
 * {@code dsl.transaction(cfg -> new WorkflowExecutionRepository(cfg.dsl()))} every call joins the caller's transaction.
 */
public final class WorkflowExecutionRepository
        extends UpdatableTableRepository<WorkflowExecutionRecord, WorkflowExecution, NewWorkflowExecution> {

    private static final EntityTable<WorkflowExecutionRecord, WorkflowExecution> TABLE = EntityTable.of(WORKFLOW_EXECUTION.ID,
                    WorkflowExecution.class)
            .highVolume(WORKFLOW_EXECUTION.CREATED)
            .updatable(WORKFLOW_EXECUTION.CURRENT_TASKS, WORKFLOW_EXECUTION.COMPLETED_TASKS,
                    WORKFLOW_EXECUTION.FAILED_TASKS, WORKFLOW_EXECUTION.SKIPPED_TASKS, WORKFLOW_EXECUTION.VARIABLES,
                    WORKFLOW_EXECUTION.STATUS, WORKFLOW_EXECUTION.ERROR_MESSAGE, WORKFLOW_EXECUTION.PAUSED,
                    WORKFLOW_EXECUTION.PAUSE_REASON);

    /**
     * A repository working in {@code dsl}'s connection or transaction; database errors become this library's
     * exceptions.
     *
     * @param dsl the context to work in (pass {@code cfg.dsl()} inside {@code dsl.transaction(...)})
     */
    public WorkflowExecutionRepository(DSLContext dsl) {
        super(dsl, TABLE);
    }

    /**
     * The workflow execution whose own execution row is {@code executionId}. The schema does not make this unique;
     * should there be several, the newest is returned.
     *
     * @param executionId the execution's id
     * @return the workflow execution; empty when there is none
     */
    public Optional<WorkflowExecution> findByExecution(long executionId) {
        return firstWhere(WORKFLOW_EXECUTION.EXECUTION.eq(executionId));
    }

    /**
     * Workflow executions with this status.
     *
     * @param status the status
     * @return the workflow executions, newest first (no limit)
     * @throws dev.attune.repositories.ValidationException when {@code status} is null
     */
    public List<WorkflowExecution> findByStatus(ExecutionStatusEnum status) {
        return where(WORKFLOW_EXECUTION.STATUS.eq(require("status", status)));
    }

    /**
     * Paused workflow executions.
     *
     * @return the paused workflow executions, newest first (no limit)
     */
    public List<WorkflowExecution> findPaused() {
        return where(WORKFLOW_EXECUTION.PAUSED.isTrue());
    }

    /**
     * The executions of one workflow definition.
     *
     * @param workflowDefId the workflow definition's id
     * @return its executions, newest first (no limit)
     */
    public List<WorkflowExecution> findByWorkflowDef(long workflowDefId) {
        return where(WORKFLOW_EXECUTION.WORKFLOW_DEF.eq(workflowDefId));
    }

}
