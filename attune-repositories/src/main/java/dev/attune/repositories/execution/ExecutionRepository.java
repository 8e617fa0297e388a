package dev.attune.repositories.execution;

import static dev.attune.repositories.schema.Tables.EXECUTION;

import dev.attune.repositories.Limits;
import dev.attune.repositories.NotFoundException;
import dev.attune.repositories.RowUpdate;
import dev.attune.repositories.internal.Refs;
import dev.attune.repositories.internal.RepositoryContexts;
import dev.attune.repositories.internal.Updates;
import dev.attune.repositories.schema.enums.ExecutionStatusEnum;
import dev.attune.repositories.schema.tables.pojos.Execution;
import dev.attune.repositories.schema.tables.records.ExecutionRecord;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.ResultQuery;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Executions: runs of actions, workflow parents and workflow tasks. Lists are newest first ({@code created} DESC, then id
 * DESC).
 *
 * <p>Every insert and update of an execution is published on the schema's NOTIFY channel by the
 * {@code notify_execution_change} trigger; see {@link ExecutionNotifications}.
 *
 * <p>Construct with the {@link DSLContext} to work in — inside {@code dsl.transaction(cfg -> new ExecutionRepository(cfg.dsl()))}
 * every call joins the caller's transaction.
 */
public final class ExecutionRepository {

    static final String ENTITY = "execution";

    private static final Updates<ExecutionRecord> UPDATES = Updates.of(ENTITY, EXECUTION.ID,
            EXECUTION.STATUS, EXECUTION.RESULT, EXECUTION.EXECUTOR, EXECUTION.WORKFLOW_TASK);

    /**
     * {@code workflow_task->>'workflow_execution'}, exactly the expression of index {@code idx_execution_workflow_execution}.
     * The key is inlined (not bound) so that a generic plan of a prepared statement still matches the index.
     */
    private static final Field<String> WORKFLOW_EXECUTION_KEY = DSL.jsonbGetAttributeAsText(
            EXECUTION.WORKFLOW_TASK.coerce(SQLDataType.JSONB), DSL.inline("workflow_execution"));

    private final DSLContext dsl;

    /**
     * A repository working in {@code dsl}'s connection or transaction (pass {@code cfg.dsl()} inside
     * {@code dsl.transaction(...)}); database errors become this library's exceptions.
     */
    public ExecutionRepository(DSLContext dsl) {
        this.dsl = RepositoryContexts.of(dsl, ENTITY);
    }

    /** The execution with this id; empty when there is none. */
    public Optional<Execution> findById(long id) {
        return dsl.selectFrom(EXECUTION).where(EXECUTION.ID.eq(id)).fetchOptionalInto(Execution.class);
    }

    /** @throws NotFoundException when there is no execution with this id */
    public Execution getById(long id) {
        return findById(id).orElseThrow(() -> new NotFoundException(ENTITY, "id", id));
    }

    /** The newest {@value Limits#LIST_LIMIT} executions, newest first. */
    public List<Execution> list() {
        return dsl.selectFrom(EXECUTION).orderBy(EXECUTION.CREATED.desc(), EXECUTION.ID.desc()).limit(Limits.LIST_LIMIT)
                .fetchInto(Execution.class);
    }

    /** Executions with this status, newest first (no limit). */
    public List<Execution> findByStatus(ExecutionStatusEnum status) {
        Refs.requireValue(ENTITY, "status", status);
        return dsl.selectFrom(EXECUTION).where(EXECUTION.STATUS.eq(status))
                .orderBy(EXECUTION.CREATED.desc(), EXECUTION.ID.desc()).fetchInto(Execution.class);
    }

    /** Executions caused by this enforcement, newest first (no limit). */
    public List<Execution> findByEnforcement(long enforcementId) {
        return dsl.selectFrom(EXECUTION).where(EXECUTION.ENFORCEMENT.eq(enforcementId))
                .orderBy(EXECUTION.CREATED.desc(), EXECUTION.ID.desc()).fetchInto(Execution.class);
    }

    /**
     * The task executions of one workflow execution (those whose {@code workflow_task.workflow_execution} is
     * {@code workflowExecutionId}), newest first. Compares the key's text form, as the expression index
     * {@code idx_execution_workflow_execution} does, so the index serves the query.
     */
    public List<Execution> findByWorkflowExecution(long workflowExecutionId) {
        return workflowExecutionQuery(workflowExecutionId).fetchInto(Execution.class);
    }

    /** The query of {@link #findByWorkflowExecution}, visible for a test that checks its plan uses the index. */
    ResultQuery<ExecutionRecord> workflowExecutionQuery(long workflowExecutionId) {
        return dsl.selectFrom(EXECUTION)
                .where(EXECUTION.WORKFLOW_TASK.isNotNull()) // the index is partial on this condition
                .and(WORKFLOW_EXECUTION_KEY.eq(Long.toString(workflowExecutionId)))
                .orderBy(EXECUTION.CREATED.desc(), EXECUTION.ID.desc());
    }

    /**
     * Inserts the execution; an absent workflow task is stored as SQL NULL.
     *
     * @throws dev.attune.repositories.ReferenceViolationException when the action, parent, enforcement or executor does
     *                                                              not exist
     */
    public Execution create(NewExecution execution) {
        return dsl.insertInto(EXECUTION)
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

    /**
     * Changes the columns {@code update} sets and returns the row: a column not set is left unchanged, one set
     * to {@code null} becomes NULL; with no column set, returns the current row.
     * Updatable: {@code status, result, executor, workflow_task}.
     *
     * @throws NotFoundException when there is no execution with this id
     * @throws dev.attune.repositories.ReferenceViolationException when the new executor does not exist
     * @throws dev.attune.repositories.ValidationException when {@code update} is null, sets another column or breaks a
     *                                                     column rule
     */
    public Execution update(long id, RowUpdate<ExecutionRecord> update) {
        return UPDATES.apply(dsl, id, update, Execution.class);
    }

    /**
     * Deletes the execution and, by cascade, its inquiries and its workflow execution record.
     *
     * @return whether a row was deleted
     * @throws dev.attune.repositories.ReferenceViolationException when child executions still name it as their parent
     */
    public boolean delete(long id) {
        return dsl.deleteFrom(EXECUTION).where(EXECUTION.ID.eq(id)).execute() > 0;
    }
}
