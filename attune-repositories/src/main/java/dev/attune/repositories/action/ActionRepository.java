package dev.attune.repositories.action;

import static dev.attune.repositories.schema.Tables.ACTION;

import dev.attune.repositories.NotFoundException;
import dev.attune.repositories.RowUpdate;
import dev.attune.repositories.internal.Refs;
import dev.attune.repositories.internal.RepositoryContexts;
import dev.attune.repositories.internal.Search;
import dev.attune.repositories.internal.Updates;
import dev.attune.repositories.schema.tables.pojos.Action;
import dev.attune.repositories.schema.tables.records.ActionRecord;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Actions: executable operations of a pack, possibly backed by a workflow definition. Lists are ordered by ref.
 *
 * <p>Construct with the {@link DSLContext} to work in — inside {@code dsl.transaction(cfg -> new ActionRepository(cfg.dsl()))}
 * every call joins the caller's transaction.
 */
public final class ActionRepository {

    static final String ENTITY = "action";

    private static final Updates<ActionRecord> UPDATES = Updates.of(ENTITY, ACTION.ID,
            ACTION.LABEL, ACTION.DESCRIPTION, ACTION.ENTRYPOINT, ACTION.RUNTIME, ACTION.PARAM_SCHEMA, ACTION.OUT_SCHEMA);

    private final DSLContext dsl;

    /**
     * A repository working in {@code dsl}'s connection or transaction (pass {@code cfg.dsl()} inside
     * {@code dsl.transaction(...)}); database errors become this library's exceptions.
     */
    public ActionRepository(DSLContext dsl) {
        this.dsl = RepositoryContexts.of(dsl, ENTITY);
    }

    /** The action with this id; empty when there is none. */
    public Optional<Action> findById(long id) {
        return dsl.selectFrom(ACTION).where(ACTION.ID.eq(id)).fetchOptionalInto(Action.class);
    }

    /** @throws NotFoundException when there is no action with this id */
    public Action getById(long id) {
        return findById(id).orElseThrow(() -> new NotFoundException(ENTITY, "id", id));
    }

    /**
     * The action with this ref; empty when there is none.
     *
     * @throws dev.attune.repositories.ValidationException when {@code ref} is null
     */
    public Optional<Action> findByRef(String ref) {
        Refs.requireValue(ENTITY, "ref", ref);
        return dsl.selectFrom(ACTION).where(ACTION.REF.eq(ref)).fetchOptionalInto(Action.class);
    }

    /** @throws NotFoundException when there is no action with this ref */
    public Action getByRef(String ref) {
        return findByRef(ref).orElseThrow(() -> new NotFoundException(ENTITY, "ref", ref));
    }

    /** Every action, by ref. */
    public List<Action> list() {
        return where(DSL.noCondition());
    }

    /** The actions of a pack, by ref. */
    public List<Action> findByPack(long packId) {
        return where(ACTION.PACK.eq(packId));
    }

    /** The actions running on a runtime, by ref. */
    public List<Action> findByRuntime(long runtimeId) {
        return where(ACTION.RUNTIME.eq(runtimeId));
    }

    /** Actions whose ref, label or description contains {@code query}, ignoring case; by ref. */
    public List<Action> search(String query) {
        Refs.requireValue(ENTITY, "query", query);
        return where(Search.containsIgnoringCase(query, ACTION.REF, ACTION.LABEL, ACTION.DESCRIPTION));
    }

    /** Actions backed by a workflow ({@code is_workflow}), by ref. */
    public List<Action> findWorkflows() {
        return where(ACTION.IS_WORKFLOW.isTrue());
    }

    /**
     * The action linked to a workflow definition. Nothing prevents two actions from linking the same definition; then
     * the one with the lowest ref is returned.
     */
    public Optional<Action> findByWorkflowDef(long workflowDefId) {
        return dsl.selectFrom(ACTION).where(ACTION.WORKFLOW_DEF.eq(workflowDefId))
                .orderBy(ACTION.REF).limit(1)
                .fetchOptionalInto(Action.class);
    }

    /**
     * @throws dev.attune.repositories.AlreadyExistsException when the ref is taken
     * @throws dev.attune.repositories.ReferenceViolationException when the pack or runtime does not exist
     */
    public Action create(NewAction action) {
        return dsl.insertInto(ACTION)
                .set(ACTION.REF, action.ref())
                .set(ACTION.PACK, action.pack())
                .set(ACTION.PACK_REF, action.packRef())
                .set(ACTION.LABEL, action.label())
                .set(ACTION.DESCRIPTION, action.description())
                .set(ACTION.ENTRYPOINT, action.entrypoint())
                .set(ACTION.RUNTIME, action.runtime())
                .set(ACTION.PARAM_SCHEMA, action.paramSchema())
                .set(ACTION.OUT_SCHEMA, action.outSchema())
                .returning()
                .fetchSingleInto(Action.class);
    }

    /**
     * Changes the columns {@code update} sets and returns the row: a column not set is left unchanged, one set
     * to {@code null} becomes NULL; with no column set, returns the current row.
     * Updatable: {@code label, description, entrypoint, runtime, param_schema, out_schema}.
     *
     * @throws NotFoundException when there is no action with this id
     * @throws dev.attune.repositories.ReferenceViolationException when the new runtime does not exist
     * @throws dev.attune.repositories.ValidationException when {@code update} is null, sets another column or breaks a
     *                                                     column rule
     */
    public Action update(long id, RowUpdate<ActionRecord> update) {
        return UPDATES.apply(dsl, id, update, Action.class);
    }

    /**
     * Marks the action as a workflow ({@code is_workflow = true}) backed by {@code workflowDefId}.
     *
     * @throws NotFoundException when there is no action with this id
     * @throws dev.attune.repositories.ReferenceViolationException when the workflow definition does not exist
     */
    public Action linkWorkflowDef(long actionId, long workflowDefId) {
        return dsl.update(ACTION)
                .set(ACTION.IS_WORKFLOW, true)
                .set(ACTION.WORKFLOW_DEF, workflowDefId)
                .where(ACTION.ID.eq(actionId))
                .returning()
                .fetchOptionalInto(Action.class)
                .orElseThrow(() -> new NotFoundException(ENTITY, "id", actionId));
    }

    /**
     * Deletes the action and, by cascade, its policies and the keys it owns.
     *
     * @return whether a row was deleted
     * @throws dev.attune.repositories.ReferenceViolationException when rules or executions still refer to it
     */
    public boolean delete(long id) {
        return dsl.deleteFrom(ACTION).where(ACTION.ID.eq(id)).execute() > 0;
    }

    private List<Action> where(Condition condition) {
        return dsl.selectFrom(ACTION)
                .where(condition)
                .orderBy(ACTION.REF)
                .fetchInto(Action.class);
    }
}
