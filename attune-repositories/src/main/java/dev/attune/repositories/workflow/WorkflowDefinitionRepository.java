package dev.attune.repositories.workflow;

import static dev.attune.repositories.schema.Tables.WORKFLOW_DEFINITION;

import dev.attune.repositories.Limits;
import dev.attune.repositories.NotFoundException;
import dev.attune.repositories.RowUpdate;
import dev.attune.repositories.internal.Refs;
import dev.attune.repositories.internal.RepositoryContexts;
import dev.attune.repositories.internal.Updates;
import dev.attune.repositories.schema.tables.pojos.WorkflowDefinition;
import dev.attune.repositories.schema.tables.records.WorkflowDefinitionRecord;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * Workflow definitions: parsed workflow YAML stored as JSON. {@link #list()} is newest first ({@code created} DESC, then
 * id DESC) and capped; the lookups by pack, tag and enabled flag are ordered by label, then ref.
 *
 * <p>Construct with the {@link DSLContext} to work in — inside
 * {@code dsl.transaction(cfg -> new WorkflowDefinitionRepository(cfg.dsl()))} every call joins the caller's transaction.
 */
public final class WorkflowDefinitionRepository {

    static final String ENTITY = "workflow_definition";

    private static final Updates<WorkflowDefinitionRecord> UPDATES = Updates.of(ENTITY, WORKFLOW_DEFINITION.ID,
            WORKFLOW_DEFINITION.LABEL, WORKFLOW_DEFINITION.DESCRIPTION, WORKFLOW_DEFINITION.VERSION, WORKFLOW_DEFINITION.PARAM_SCHEMA, WORKFLOW_DEFINITION.OUT_SCHEMA, WORKFLOW_DEFINITION.DEFINITION, WORKFLOW_DEFINITION.TAGS, WORKFLOW_DEFINITION.ENABLED);

    private final DSLContext dsl;

    /**
     * A repository working in {@code dsl}'s connection or transaction (pass {@code cfg.dsl()} inside
     * {@code dsl.transaction(...)}); database errors become this library's exceptions.
     */
    public WorkflowDefinitionRepository(DSLContext dsl) {
        this.dsl = RepositoryContexts.of(dsl, ENTITY);
    }

    /** The workflow definition with this id; empty when there is none. */
    public Optional<WorkflowDefinition> findById(long id) {
        return dsl.selectFrom(WORKFLOW_DEFINITION).where(WORKFLOW_DEFINITION.ID.eq(id))
                .fetchOptionalInto(WorkflowDefinition.class);
    }

    /** @throws NotFoundException when there is no workflow definition with this id */
    public WorkflowDefinition getById(long id) {
        return findById(id).orElseThrow(() -> new NotFoundException(ENTITY, "id", id));
    }

    /**
     * The workflow definition with this ref; empty when there is none.
     *
     * @throws dev.attune.repositories.ValidationException when {@code ref} is null
     */
    public Optional<WorkflowDefinition> findByRef(String ref) {
        Refs.requireValue(ENTITY, "ref", ref);
        return dsl.selectFrom(WORKFLOW_DEFINITION).where(WORKFLOW_DEFINITION.REF.eq(ref))
                .fetchOptionalInto(WorkflowDefinition.class);
    }

    /** @throws NotFoundException when there is no workflow definition with this ref */
    public WorkflowDefinition getByRef(String ref) {
        return findByRef(ref).orElseThrow(() -> new NotFoundException(ENTITY, "ref", ref));
    }

    /** The newest {@value Limits#LIST_LIMIT} definitions, newest first. */
    public List<WorkflowDefinition> list() {
        return dsl.selectFrom(WORKFLOW_DEFINITION)
                .orderBy(WORKFLOW_DEFINITION.CREATED.desc(), WORKFLOW_DEFINITION.ID.desc()).limit(Limits.LIST_LIMIT)
                .fetchInto(WorkflowDefinition.class);
    }

    /** The definitions of one pack, by label, then ref. */
    public List<WorkflowDefinition> findByPack(long packId) {
        return dsl.selectFrom(WORKFLOW_DEFINITION).where(WORKFLOW_DEFINITION.PACK.eq(packId))
                .orderBy(WORKFLOW_DEFINITION.LABEL, WORKFLOW_DEFINITION.REF).fetchInto(WorkflowDefinition.class);
    }

    /** The definitions of the pack with this ref, by label, then ref. */
    public List<WorkflowDefinition> findByPackRef(String packRef) {
        Refs.requireValue(ENTITY, "pack_ref", packRef);
        return dsl.selectFrom(WORKFLOW_DEFINITION).where(WORKFLOW_DEFINITION.PACK_REF.eq(packRef))
                .orderBy(WORKFLOW_DEFINITION.LABEL, WORKFLOW_DEFINITION.REF).fetchInto(WorkflowDefinition.class);
    }

    /** Enabled definitions, by label, then ref. */
    public List<WorkflowDefinition> findEnabled() {
        return dsl.selectFrom(WORKFLOW_DEFINITION).where(WORKFLOW_DEFINITION.ENABLED.isTrue())
                .orderBy(WORKFLOW_DEFINITION.LABEL, WORKFLOW_DEFINITION.REF).fetchInto(WorkflowDefinition.class);
    }

    /** Definitions whose tags contain {@code tag}, by label, then ref (served by the GIN index on tags). */
    public List<WorkflowDefinition> findByTag(String tag) {
        Refs.requireValue(ENTITY, "tag", tag);
        return dsl.selectFrom(WORKFLOW_DEFINITION).where(WORKFLOW_DEFINITION.TAGS.contains(new String[] {tag}))
                .orderBy(WORKFLOW_DEFINITION.LABEL, WORKFLOW_DEFINITION.REF).fetchInto(WorkflowDefinition.class);
    }

    /** How many definitions the pack with this ref has. */
    public long countByPack(String packRef) {
        Refs.requireValue(ENTITY, "pack_ref", packRef);
        return dsl.fetchCount(WORKFLOW_DEFINITION, WORKFLOW_DEFINITION.PACK_REF.eq(packRef));
    }

    /**
     * @throws dev.attune.repositories.AlreadyExistsException when the ref is taken
     * @throws dev.attune.repositories.ReferenceViolationException when the pack does not exist
     * @throws dev.attune.repositories.ValidationException when a text is longer than its column allows
     */
    public WorkflowDefinition create(NewWorkflowDefinition definition) {
        return dsl.insertInto(WORKFLOW_DEFINITION)
                .set(WORKFLOW_DEFINITION.REF, definition.ref())
                .set(WORKFLOW_DEFINITION.PACK, definition.pack())
                .set(WORKFLOW_DEFINITION.PACK_REF, definition.packRef())
                .set(WORKFLOW_DEFINITION.LABEL, definition.label())
                .set(WORKFLOW_DEFINITION.DESCRIPTION, definition.description())
                .set(WORKFLOW_DEFINITION.VERSION, definition.version())
                .set(WORKFLOW_DEFINITION.PARAM_SCHEMA, definition.paramSchema())
                .set(WORKFLOW_DEFINITION.OUT_SCHEMA, definition.outSchema())
                .set(WORKFLOW_DEFINITION.DEFINITION, definition.definition())
                .set(WORKFLOW_DEFINITION.TAGS, definition.tags().toArray(String[]::new))
                .set(WORKFLOW_DEFINITION.ENABLED, definition.enabled())
                .returning()
                .fetchSingleInto(WorkflowDefinition.class);
    }

    /**
     * Changes the columns {@code update} sets and returns the row: a column not set is left unchanged, one set
     * to {@code null} becomes NULL; with no column set, returns the current row.
     * Updatable: {@code label, description, version, param_schema, out_schema, definition, tags, enabled}.
     *
     * @throws NotFoundException when there is no workflow definition with this id
     * @throws dev.attune.repositories.ValidationException when {@code update} is null, sets another column or breaks a
     *                                                     column rule
     */
    public WorkflowDefinition update(long id, RowUpdate<WorkflowDefinitionRecord> update) {
        return UPDATES.apply(dsl, id, update, WorkflowDefinition.class);
    }

    /**
     * Deletes the definition and, by cascade, the workflow actions pointing at it.
     *
     * @return whether a row was deleted
     * @throws dev.attune.repositories.ReferenceViolationException when workflow executions of it still exist
     */
    public boolean delete(long id) {
        return dsl.deleteFrom(WORKFLOW_DEFINITION).where(WORKFLOW_DEFINITION.ID.eq(id)).execute() > 0;
    }
}
