package dev.attune.repositories.action;

import static dev.attune.repositories.schema.Tables.POLICY;

import dev.attune.repositories.NotFoundException;
import dev.attune.repositories.RowUpdate;
import dev.attune.repositories.internal.Refs;
import dev.attune.repositories.internal.RepositoryContexts;
import dev.attune.repositories.internal.Updates;
import dev.attune.repositories.schema.tables.pojos.Policy;
import dev.attune.repositories.schema.tables.records.PolicyRecord;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Policies: execution controls (rate or concurrency thresholds) attached to actions. Lists are ordered by ref.
 *
 * <p>Deliberate fix: Attune's policy repository queried a table named {@code policies}, which does not exist, so every
 * call failed; this one uses the real table {@code policy}.
 *
 * <p>Construct with the {@link DSLContext} to work in — inside {@code dsl.transaction(cfg -> new PolicyRepository(cfg.dsl()))}
 * every call joins the caller's transaction.
 */
public final class PolicyRepository {

    static final String ENTITY = "policy";

    private static final Updates<PolicyRecord> UPDATES = Updates.of(ENTITY, POLICY.ID,
            POLICY.PARAMETERS, POLICY.METHOD, POLICY.THRESHOLD, POLICY.NAME, POLICY.DESCRIPTION, POLICY.TAGS);

    private final DSLContext dsl;

    /**
     * A repository working in {@code dsl}'s connection or transaction (pass {@code cfg.dsl()} inside
     * {@code dsl.transaction(...)}); database errors become this library's exceptions.
     */
    public PolicyRepository(DSLContext dsl) {
        this.dsl = RepositoryContexts.of(dsl, ENTITY);
    }

    /** The policy with this id; empty when there is none. */
    public Optional<Policy> findById(long id) {
        return dsl.selectFrom(POLICY).where(POLICY.ID.eq(id)).fetchOptionalInto(Policy.class);
    }

    /** @throws NotFoundException when there is no policy with this id */
    public Policy getById(long id) {
        return findById(id).orElseThrow(() -> new NotFoundException(ENTITY, "id", id));
    }

    /**
     * The policy with this ref; empty when there is none.
     *
     * @throws dev.attune.repositories.ValidationException when {@code ref} is null
     */
    public Optional<Policy> findByRef(String ref) {
        Refs.requireValue(ENTITY, "ref", ref);
        return dsl.selectFrom(POLICY).where(POLICY.REF.eq(ref)).fetchOptionalInto(Policy.class);
    }

    /** @throws NotFoundException when there is no policy with this ref */
    public Policy getByRef(String ref) {
        return findByRef(ref).orElseThrow(() -> new NotFoundException(ENTITY, "ref", ref));
    }

    /** Every policy, by ref. */
    public List<Policy> list() {
        return where(DSL.noCondition());
    }

    /** The policies of an action, by ref. */
    public List<Policy> findByAction(long actionId) {
        return where(POLICY.ACTION.eq(actionId));
    }

    /** Policies whose tags contain {@code tag}, by ref. */
    public List<Policy> findByTag(String tag) {
        Refs.requireValue(ENTITY, "tag", tag);
        return where(POLICY.TAGS.contains(new String[] {tag}));
    }

    /**
     * @throws dev.attune.repositories.AlreadyExistsException when the ref is taken
     * @throws dev.attune.repositories.ReferenceViolationException when the pack or action does not exist
     */
    public Policy create(NewPolicy policy) {
        return dsl.insertInto(POLICY)
                .set(POLICY.REF, policy.ref())
                .set(POLICY.PACK, policy.pack())
                .set(POLICY.PACK_REF, policy.packRef())
                .set(POLICY.ACTION, policy.action())
                .set(POLICY.ACTION_REF, policy.actionRef())
                .set(POLICY.PARAMETERS, policy.parameters().toArray(String[]::new))
                .set(POLICY.METHOD, policy.method())
                .set(POLICY.THRESHOLD, policy.threshold())
                .set(POLICY.NAME, policy.name())
                .set(POLICY.DESCRIPTION, policy.description())
                .set(POLICY.TAGS, policy.tags().toArray(String[]::new))
                .returning()
                .fetchSingleInto(Policy.class);
    }

    /**
     * Changes the columns {@code update} sets and returns the row: a column not set is left unchanged, one set
     * to {@code null} becomes NULL; with no column set, returns the current row.
     * Updatable: {@code parameters, method, threshold, name, description, tags}; {@code threshold}
     * must be greater than 0.
     *
     * @throws NotFoundException when there is no policy with this id
     * @throws dev.attune.repositories.ValidationException when {@code update} is null, sets another column or breaks a
     *                                                     column rule
     */
    public Policy update(long id, RowUpdate<PolicyRecord> update) {
        if (update != null && update.isSet(POLICY.THRESHOLD)) {
            NewPolicy.requirePositiveThreshold(update.value(POLICY.THRESHOLD));
        }
        return UPDATES.apply(dsl, id, update, Policy.class);
    }

    /** @return whether a row was deleted */
    public boolean delete(long id) {
        return dsl.deleteFrom(POLICY).where(POLICY.ID.eq(id)).execute() > 0;
    }

    private List<Policy> where(Condition condition) {
        return dsl.selectFrom(POLICY).where(condition).orderBy(POLICY.REF).fetchInto(Policy.class);
    }
}
