package dev.attune.repositories.execution;

import static dev.attune.repositories.schema.Tables.EXECUTION;

import dev.attune.repositories.Limits;
import dev.attune.repositories.UpdatableTableRepository;
import dev.attune.repositories.EntityTable;
import dev.attune.repositories.schema.enums.ExecutionStatusEnum;
import dev.attune.repositories.schema.tables.pojos.Execution;
import dev.attune.repositories.schema.tables.records.ExecutionRecord;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.ResultQuery;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Executions: runs of actions, workflow parents and workflow tasks. Lists are newest first ({@code created} DESC, then id
 * DESC); {@link #list()} is capped at {@value Limits#LIST_LIMIT} rows, the filtered lists are not.
 *
 * <p>Every insert and update of an execution is published on the schema's NOTIFY channel by the
 * {@code notify_execution_change} trigger; see {@link ExecutionNotifications}.
 *
 * <p>{@link #update} may change {@code status, result, executor, workflow_task}; a new executor must exist.
 * {@link #delete} also deletes, by cascade, the execution's inquiries and its workflow execution record; it is refused
 * ({@link dev.attune.repositories.ReferenceViolationException}) while child executions name it as their parent.
 *
 * <p>Construct with the {@link DSLContext} to work in — inside {@code dsl.transaction(cfg -> new ExecutionRepository(cfg.dsl()))}
 * every call joins the caller's transaction.
 */
public final class ExecutionRepository extends UpdatableTableRepository<ExecutionRecord, Execution, NewExecution> {

    private static final EntityTable<ExecutionRecord, Execution> TABLE = EntityTable.of(EXECUTION.ID, Execution.class)
            .highVolume(EXECUTION.CREATED)
            .updatable(EXECUTION.STATUS, EXECUTION.RESULT, EXECUTION.EXECUTOR, EXECUTION.WORKFLOW_TASK);

    /**
     * {@code workflow_task->>'workflow_execution'}, exactly the expression of index {@code idx_execution_workflow_execution}.
     * The key is inlined (not bound) so that a generic plan of a prepared statement still matches the index.
     */
    private static final Field<String> WORKFLOW_EXECUTION_KEY = DSL.jsonbGetAttributeAsText(
            EXECUTION.WORKFLOW_TASK.coerce(SQLDataType.JSONB), DSL.inline("workflow_execution"));

    /**
     * A repository working in {@code dsl}'s connection or transaction; database errors become this library's
     * exceptions.
     *
     * @param dsl the context to work in (pass {@code cfg.dsl()} inside {@code dsl.transaction(...)})
     */
    public ExecutionRepository(DSLContext dsl) {
        super(dsl, TABLE);
    }

    /**
     * Executions with this status.
     *
     * @param status the status
     * @return the executions, newest first (no limit)
     * @throws dev.attune.repositories.ValidationException when {@code status} is null
     */
    public List<Execution> findByStatus(ExecutionStatusEnum status) {
        return where(EXECUTION.STATUS.eq(require("status", status)));
    }

    /**
     * Executions caused by this enforcement.
     *
     * @param enforcementId the enforcement's id
     * @return the executions, newest first (no limit)
     */
    public List<Execution> findByEnforcement(long enforcementId) {
        return where(EXECUTION.ENFORCEMENT.eq(enforcementId));
    }

    /**
     * The task executions of one workflow execution (those whose {@code workflow_task.workflow_execution} is
     * {@code workflowExecutionId}). Compares the key's text form, as the expression index
     * {@code idx_execution_workflow_execution} does, so the index serves the query.
     *
     * @param workflowExecutionId the workflow execution's id
     * @return its task executions, newest first
     */
    public List<Execution> findByWorkflowExecution(long workflowExecutionId) {
        return fetch(workflowExecutionQuery(workflowExecutionId));
    }

    /** The query of {@link #findByWorkflowExecution}, visible for a test that checks its plan uses the index. */
    ResultQuery<ExecutionRecord> workflowExecutionQuery(long workflowExecutionId) {
        return dsl().selectFrom(EXECUTION)
                .where(EXECUTION.WORKFLOW_TASK.isNotNull()) // the index is partial on this condition
                .and(WORKFLOW_EXECUTION_KEY.eq(Long.toString(workflowExecutionId)))
                .orderBy(table().order());
    }

    /**
     * Inserts the execution; an absent workflow task is stored as SQL NULL. (The workflow task is converted to JSON
     * here, so the columns are set one by one.)
     *
     * @param execution the execution to create
     * @return the created row
     * @throws dev.attune.repositories.ReferenceViolationException when the action, parent, enforcement or executor does
     *                                                              not exist
     */
    @Override
    public Execution create(NewExecution execution) {
        return dsl().insertInto(EXECUTION)
                .set(EXECUTION.ACTION, execution.action())
                .set(EXECUTION.ACTION_REF, execution.actionRef())
                .set(EXECUTION.CONFIG, execution.config())
                .set(EXECUTION.PARENT, execution.parent())
                .set(EXECUTION.ENFORCEMENT, execution.enforcement())
                .set(EXECUTION.EXECUTOR, execution.executor())
                .set(EXECUTION.STATUS, execution.status())
                .set(EXECUTION.RESULT, execution.result())
                .set(EXECUTION.WORKFLOW_TASK, WorkflowTaskConverter.INSTANCE.to(execution.workflowTask()))
                .returning()
                .fetchSingleInto(Execution.class);
    }
}
