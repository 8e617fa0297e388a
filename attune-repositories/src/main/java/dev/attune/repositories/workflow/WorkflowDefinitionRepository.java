package dev.attune.repositories.workflow;

import static dev.attune.repositories.schema.Tables.WORKFLOW_DEFINITION;

import dev.attune.repositories.Limits;
import dev.attune.repositories.RefRepository;
import dev.attune.repositories.EntityTable;
import dev.attune.repositories.schema.tables.pojos.WorkflowDefinition;
import dev.attune.repositories.schema.tables.records.WorkflowDefinitionRecord;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;

/**
 * Workflow definitions: parsed workflow YAML stored as JSON. {@link #list()} is newest first ({@code created} DESC, then
 * id DESC) and capped at {@value Limits#LIST_LIMIT} rows; the lookups by pack, tag and enabled flag are ordered by
 * label, then ref.
 *
 * <p>{@link #update} may change {@code label, description, version, param_schema, out_schema, definition, tags,
 * enabled}. {@link #delete} also deletes, by cascade, the workflow actions pointing at the definition; it is refused
 * ({@link dev.attune.repositories.ReferenceViolationException}) while workflow executions of it still exist.
 *
 * <p>{@link #create} refuses a taken ref, a missing pack and a text longer than its column allows.
 *
 * <p>Construct with the {@link DSLContext} to work in — inside
 * {@code dsl.transaction(cfg -> new WorkflowDefinitionRepository(cfg.dsl()))} every call joins the caller's transaction.
 */
public final class WorkflowDefinitionRepository
        extends RefRepository<WorkflowDefinitionRecord, WorkflowDefinition, NewWorkflowDefinition> {

    private static final EntityTable<WorkflowDefinitionRecord, WorkflowDefinition> TABLE = EntityTable.of(WORKFLOW_DEFINITION.ID,
                    WorkflowDefinition.class)
            .highVolume(WORKFLOW_DEFINITION.CREATED)
            .updatable(WORKFLOW_DEFINITION.LABEL, WORKFLOW_DEFINITION.DESCRIPTION, WORKFLOW_DEFINITION.VERSION,
                    WORKFLOW_DEFINITION.PARAM_SCHEMA, WORKFLOW_DEFINITION.OUT_SCHEMA, WORKFLOW_DEFINITION.DEFINITION,
                    WORKFLOW_DEFINITION.TAGS, WORKFLOW_DEFINITION.ENABLED);

    /**
     * A repository working in {@code dsl}'s connection or transaction; database errors become this library's
     * exceptions.
     *
     * @param dsl the context to work in (pass {@code cfg.dsl()} inside {@code dsl.transaction(...)})
     */
    public WorkflowDefinitionRepository(DSLContext dsl) {
        super(dsl, TABLE, WORKFLOW_DEFINITION.REF);
    }



    /**
     * The definitions of one pack.
     *
     * @param packId the pack's id
     * @return its definitions, by label, then ref
     */
    public List<WorkflowDefinition> findByPack(long packId) {
        return byLabel(WORKFLOW_DEFINITION.PACK.eq(packId));
    }

    /**
     * The definitions of the pack with this ref.
     *
     * @param packRef the pack's ref
     * @return its definitions, by label, then ref
     * @throws dev.attune.repositories.ValidationException when {@code packRef} is null
     */
    public List<WorkflowDefinition> findByPackRef(String packRef) {
        return byLabel(WORKFLOW_DEFINITION.PACK_REF.eq(require("pack_ref", packRef)));
    }

    /**
     * Enabled definitions.
     *
     * @return the enabled definitions, by label, then ref
     */
    public List<WorkflowDefinition> findEnabled() {
        return byLabel(WORKFLOW_DEFINITION.ENABLED.isTrue());
    }

    /**
     * Definitions whose tags contain {@code tag} (served by the GIN index on tags).
     *
     * @param tag the tag
     * @return the tagged definitions, by label, then ref
     * @throws dev.attune.repositories.ValidationException when {@code tag} is null
     */
    public List<WorkflowDefinition> findByTag(String tag) {
        require("tag", tag);
        return byLabel(WORKFLOW_DEFINITION.TAGS.contains(new String[] {tag}));
    }

    /**
     * How many definitions the pack with this ref has.
     *
     * @param packRef the pack's ref
     * @return the number of its definitions
     * @throws dev.attune.repositories.ValidationException when {@code packRef} is null
     */
    public long countByPack(String packRef) {
        return dsl().fetchCount(WORKFLOW_DEFINITION, WORKFLOW_DEFINITION.PACK_REF.eq(require("pack_ref", packRef)));
    }


    /** The lookups' order, unlike {@link #list()}'s: by label, then ref. */
    private List<WorkflowDefinition> byLabel(Condition condition) {
        return fetch(dsl().selectFrom(WORKFLOW_DEFINITION).where(condition)
                .orderBy(WORKFLOW_DEFINITION.LABEL, WORKFLOW_DEFINITION.REF));
    }
}
