package dev.attune.repositories.action;

import static dev.attune.repositories.schema.Tables.ACTION;

import dev.attune.repositories.PackContentRepository;
import dev.attune.repositories.EntityTable;
import dev.attune.repositories.internal.Search;
import dev.attune.repositories.schema.tables.pojos.Action;
import dev.attune.repositories.schema.tables.records.ActionRecord;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * Actions: executable operations of a pack, possibly backed by a workflow definition. Lists are ordered by ref.
 *
 * <p>{@link #update} may change {@code label, description, entrypoint, runtime, param_schema, out_schema}; a new
 * runtime must exist. {@link #delete} also deletes, by cascade, the action's policies and the keys it owns; it is
 * refused ({@link dev.attune.repositories.ReferenceViolationException}) while rules or executions refer to the action.
 *
 * <p>{@link #create} refuses a taken ref and a missing pack or runtime.
 *
 * <p>Construct with the {@link DSLContext} to work in — inside {@code dsl.transaction(cfg -> new ActionRepository(cfg.dsl()))}
 * every call joins the caller's transaction.
 */
public final class ActionRepository extends PackContentRepository<ActionRecord, Action, NewAction> {

    /** The name errors carry: the table's. */
    static final String ENTITY = ACTION.getName();

    private static final EntityTable<ActionRecord, Action> TABLE = EntityTable.of(ACTION.ID, Action.class)
            .orderedBy(ACTION.REF)
            .updatable(ACTION.LABEL, ACTION.DESCRIPTION, ACTION.ENTRYPOINT, ACTION.RUNTIME, ACTION.PARAM_SCHEMA,
                    ACTION.OUT_SCHEMA);

    /**
     * A repository working in {@code dsl}'s connection or transaction; database errors become this library's
     * exceptions.
     *
     * @param dsl the context to work in (pass {@code cfg.dsl()} inside {@code dsl.transaction(...)})
     */
    public ActionRepository(DSLContext dsl) {
        super(dsl, TABLE, ACTION.REF, ACTION.PACK);
    }




    /**
     * The actions running on a runtime.
     *
     * @param runtimeId the runtime's id
     * @return its actions, by ref
     */
    public List<Action> findByRuntime(long runtimeId) {
        return where(ACTION.RUNTIME.eq(runtimeId));
    }

    /**
     * Actions whose ref, label or description contains {@code query}, ignoring case.
     *
     * @param query the text to look for; {@code %} and {@code _} match literally
     * @return the matching actions, by ref
     * @throws dev.attune.repositories.ValidationException when {@code query} is null
     */
    public List<Action> search(String query) {
        require("query", query);
        return where(Search.containsIgnoringCase(query, ACTION.REF, ACTION.LABEL, ACTION.DESCRIPTION));
    }

    /**
     * Actions backed by a workflow ({@code is_workflow}).
     *
     * @return the workflow actions, by ref
     */
    public List<Action> findWorkflows() {
        return where(ACTION.IS_WORKFLOW.isTrue());
    }

    /**
     * The action linked to a workflow definition. Nothing prevents two actions from linking the same definition; then
     * the one with the lowest ref is returned.
     *
     * @param workflowDefId the workflow definition's id
     * @return the action; empty when none links it
     */
    public Optional<Action> findByWorkflowDef(long workflowDefId) {
        return firstWhere(ACTION.WORKFLOW_DEF.eq(workflowDefId));
    }


    /**
     * Marks the action as a workflow ({@code is_workflow = true}) backed by {@code workflowDefId}.
     *
     * @param actionId      the action's id
     * @param workflowDefId the workflow definition's id
     * @return the updated action
     * @throws dev.attune.repositories.NotFoundException when there is no action with this id
     * @throws dev.attune.repositories.ReferenceViolationException when the workflow definition does not exist
     */
    public Action linkWorkflowDef(long actionId, long workflowDefId) {
        return updateRow(actionId, dsl().update(ACTION)
                .set(ACTION.IS_WORKFLOW, true)
                .set(ACTION.WORKFLOW_DEF, workflowDefId));
    }
}
