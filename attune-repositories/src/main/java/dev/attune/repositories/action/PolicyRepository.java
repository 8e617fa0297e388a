package dev.attune.repositories.action;

import static dev.attune.repositories.schema.Tables.POLICY;

import dev.attune.repositories.RowUpdate;
import dev.attune.repositories.PackContentRepository;
import dev.attune.repositories.EntityTable;
import dev.attune.repositories.schema.tables.pojos.Policy;
import dev.attune.repositories.schema.tables.records.PolicyRecord;
import java.util.List;
import org.jooq.DSLContext;

/**
 * Policies: execution controls (rate or concurrency thresholds) attached to actions. Lists are ordered by ref.
 *
 * <p>{@link #update} may change {@code parameters, method, threshold, name, description, tags}; {@code threshold} must
 * be greater than 0.
 *
 * <p>Deliberate fix: Attune's policy repository queried a table named {@code policies}, which does not exist, so every
 * call failed; this one uses the real table {@code policy}.
 *
 * <p>{@link #create} refuses a taken ref and a missing pack or action.
 *
 * <p>Construct with the {@link DSLContext} to work in — inside {@code dsl.transaction(cfg -> new PolicyRepository(cfg.dsl()))}
 * every call joins the caller's transaction.
 */
public final class PolicyRepository extends PackContentRepository<PolicyRecord, Policy, NewPolicy> {

    /** The name errors carry: the table's. */
    static final String ENTITY = POLICY.getName();

    private static final EntityTable<PolicyRecord, Policy> TABLE = EntityTable.of(POLICY.ID, Policy.class)
            .orderedBy(POLICY.REF)
            .updatable(POLICY.PARAMETERS, POLICY.METHOD, POLICY.THRESHOLD, POLICY.NAME, POLICY.DESCRIPTION,
                    POLICY.TAGS);

    /**
     * A repository working in {@code dsl}'s connection or transaction; database errors become this library's
     * exceptions.
     *
     * @param dsl the context to work in (pass {@code cfg.dsl()} inside {@code dsl.transaction(...)})
     */
    public PolicyRepository(DSLContext dsl) {
        super(dsl, TABLE, POLICY.REF, POLICY.PACK);
    }



    /**
     * The policies of an action.
     *
     * @param actionId the action's id
     * @return its policies, by ref
     */
    public List<Policy> findByAction(long actionId) {
        return where(POLICY.ACTION.eq(actionId));
    }

    /**
     * Policies whose tags contain {@code tag}.
     *
     * @param tag the tag
     * @return the tagged policies, by ref
     * @throws dev.attune.repositories.ValidationException when {@code tag} is null
     */
    public List<Policy> findByTag(String tag) {
        require("tag", tag);
        return where(POLICY.TAGS.contains(new String[] {tag}));
    }


    /**
     * A new threshold must be greater than 0, as on create.
     *
     * @param update the update, not null
     * @throws dev.attune.repositories.ValidationException when it sets a threshold of 0 or less
     */
    @Override
    protected void checkUpdate(RowUpdate<PolicyRecord> update) {
        if (update.isSet(POLICY.THRESHOLD)) {
            NewPolicy.requirePositiveThreshold(update.value(POLICY.THRESHOLD));
        }
    }
}
