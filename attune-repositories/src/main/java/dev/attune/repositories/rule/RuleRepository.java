package dev.attune.repositories.rule;

import static dev.attune.repositories.schema.Tables.RULE;

import dev.attune.repositories.UpdatableTableRepository;
import dev.attune.repositories.internal.EntityTable;
import dev.attune.repositories.schema.tables.pojos.Rule;
import dev.attune.repositories.schema.tables.records.RuleRecord;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * Rules: connect a trigger to an action, with conditions and parameters. Lists are ordered by ref.
 *
 * <p>{@link #update} may change {@code label, description, conditions, action_params, trigger_params, enabled}. After
 * {@link #delete}, the rule's enforcements keep their rule_ref and lose the link (ON DELETE SET NULL).
 *
 * <p>Construct with the {@link DSLContext} to work in — inside {@code dsl.transaction(cfg -> new RuleRepository(cfg.dsl()))}
 * every call joins the caller's transaction.
 */
public final class RuleRepository extends UpdatableTableRepository<RuleRecord, Rule> {

    static final String ENTITY = "rule";

    private static final EntityTable<RuleRecord, Rule> TABLE = EntityTable.of(ENTITY, RULE.ID, Rule.class)
            .orderedBy(RULE.REF)
            .updatable(RULE.LABEL, RULE.DESCRIPTION, RULE.CONDITIONS, RULE.ACTION_PARAMS, RULE.TRIGGER_PARAMS,
                    RULE.ENABLED);

    /**
     * A repository working in {@code dsl}'s connection or transaction; database errors become this library's
     * exceptions.
     *
     * @param dsl the context to work in (pass {@code cfg.dsl()} inside {@code dsl.transaction(...)})
     */
    public RuleRepository(DSLContext dsl) {
        super(dsl, TABLE);
    }

    /**
     * Finds a rule by its unique ref.
     *
     * @param ref the rule's ref
     * @return the rule; empty when there is none
     * @throws dev.attune.repositories.ValidationException when {@code ref} is null
     */
    public Optional<Rule> findByRef(String ref) {
        return findBy(RULE.REF, ref);
    }

    /**
     * Gets a rule that must exist by its ref.
     *
     * @param ref the rule's ref
     * @return the rule
     * @throws dev.attune.repositories.NotFoundException   when there is no rule with this ref
     * @throws dev.attune.repositories.ValidationException when {@code ref} is null
     */
    public Rule getByRef(String ref) {
        return getBy(RULE.REF, ref);
    }

    /**
     * The rules of a pack.
     *
     * @param packId the pack's id
     * @return its rules, by ref
     */
    public List<Rule> findByPack(long packId) {
        return where(RULE.PACK.eq(packId));
    }

    /**
     * The rules that run an action.
     *
     * @param actionId the action's id
     * @return the rules, by ref
     */
    public List<Rule> findByAction(long actionId) {
        return where(RULE.ACTION.eq(actionId));
    }

    /**
     * The rules that listen to a trigger.
     *
     * @param triggerId the trigger's id
     * @return the rules, by ref
     */
    public List<Rule> findByTrigger(long triggerId) {
        return where(RULE.TRIGGER.eq(triggerId));
    }

    /**
     * Enabled rules.
     *
     * @return the enabled rules, by ref
     */
    public List<Rule> findEnabled() {
        return where(RULE.ENABLED.isTrue());
    }

    /**
     * Inserts the rule.
     *
     * @param rule the rule to create
     * @return the created row
     * @throws dev.attune.repositories.AlreadyExistsException when the ref is taken
     * @throws dev.attune.repositories.ReferenceViolationException when the pack, action or trigger does not exist
     */
    public Rule create(NewRule rule) {
        return dsl().insertInto(RULE)
                .set(RULE.REF, rule.ref())
                .set(RULE.PACK, rule.pack())
                .set(RULE.PACK_REF, rule.packRef())
                .set(RULE.LABEL, rule.label())
                .set(RULE.DESCRIPTION, rule.description())
                .set(RULE.ACTION, rule.action())
                .set(RULE.ACTION_REF, rule.actionRef())
                .set(RULE.TRIGGER, rule.trigger())
                .set(RULE.TRIGGER_REF, rule.triggerRef())
                .set(RULE.CONDITIONS, rule.conditions())
                .set(RULE.ACTION_PARAMS, rule.actionParams())
                .set(RULE.TRIGGER_PARAMS, rule.triggerParams())
                .set(RULE.ENABLED, rule.enabled())
                .returning()
                .fetchSingleInto(Rule.class);
    }
}
