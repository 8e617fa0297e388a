package dev.attune.repositories.rule;

import static dev.attune.repositories.schema.Tables.RULE;

import dev.attune.repositories.NotFoundException;
import dev.attune.repositories.RowUpdate;
import dev.attune.repositories.internal.Refs;
import dev.attune.repositories.internal.RepositoryContexts;
import dev.attune.repositories.internal.Updates;
import dev.attune.repositories.schema.tables.pojos.Rule;
import dev.attune.repositories.schema.tables.records.RuleRecord;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Rules: connect a trigger to an action, with conditions and parameters. Lists are ordered by ref.
 *
 * <p>Construct with the {@link DSLContext} to work in — inside {@code dsl.transaction(cfg -> new RuleRepository(cfg.dsl()))}
 * every call joins the caller's transaction.
 */
public final class RuleRepository {

    static final String ENTITY = "rule";

    private static final Updates<RuleRecord> UPDATES = Updates.of(ENTITY, RULE.ID,
            RULE.LABEL, RULE.DESCRIPTION, RULE.CONDITIONS, RULE.ACTION_PARAMS, RULE.TRIGGER_PARAMS, RULE.ENABLED);

    private final DSLContext dsl;

    /**
     * A repository working in {@code dsl}'s connection or transaction (pass {@code cfg.dsl()} inside
     * {@code dsl.transaction(...)}); database errors become this library's exceptions.
     */
    public RuleRepository(DSLContext dsl) {
        this.dsl = RepositoryContexts.of(dsl, ENTITY);
    }

    /** The rule with this id; empty when there is none. */
    public Optional<Rule> findById(long id) {
        return dsl.selectFrom(RULE).where(RULE.ID.eq(id)).fetchOptionalInto(Rule.class);
    }

    /** @throws NotFoundException when there is no rule with this id */
    public Rule getById(long id) {
        return findById(id).orElseThrow(() -> new NotFoundException(ENTITY, "id", id));
    }

    /**
     * The rule with this ref; empty when there is none.
     *
     * @throws dev.attune.repositories.ValidationException when {@code ref} is null
     */
    public Optional<Rule> findByRef(String ref) {
        Refs.requireValue(ENTITY, "ref", ref);
        return dsl.selectFrom(RULE).where(RULE.REF.eq(ref)).fetchOptionalInto(Rule.class);
    }

    /** @throws NotFoundException when there is no rule with this ref */
    public Rule getByRef(String ref) {
        return findByRef(ref).orElseThrow(() -> new NotFoundException(ENTITY, "ref", ref));
    }

    /** Every rule, by ref. */
    public List<Rule> list() {
        return where(DSL.noCondition());
    }

    /** The rules of a pack, by ref. */
    public List<Rule> findByPack(long packId) {
        return where(RULE.PACK.eq(packId));
    }

    /** The rules that run an action, by ref. */
    public List<Rule> findByAction(long actionId) {
        return where(RULE.ACTION.eq(actionId));
    }

    /** The rules that listen to a trigger, by ref. */
    public List<Rule> findByTrigger(long triggerId) {
        return where(RULE.TRIGGER.eq(triggerId));
    }

    /** Enabled rules, by ref. */
    public List<Rule> findEnabled() {
        return where(RULE.ENABLED.isTrue());
    }

    /**
     * @throws dev.attune.repositories.AlreadyExistsException when the ref is taken
     * @throws dev.attune.repositories.ReferenceViolationException when the pack, action or trigger does not exist
     */
    public Rule create(NewRule rule) {
        return dsl.insertInto(RULE)
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

    /**
     * Changes the columns {@code update} sets and returns the row: a column not set is left unchanged, one set
     * to {@code null} becomes NULL; with no column set, returns the current row.
     * Updatable: {@code label, description, conditions, action_params, trigger_params, enabled}.
     *
     * @throws NotFoundException when there is no rule with this id
     * @throws dev.attune.repositories.ValidationException when {@code update} is null, sets another column or breaks a
     *                                                     column rule
     */
    public Rule update(long id, RowUpdate<RuleRecord> update) {
        return UPDATES.apply(dsl, id, update, Rule.class);
    }

    /**
     * Deletes the rule; its enforcements keep their rule_ref and lose the link (ON DELETE SET NULL).
     *
     * @return whether a row was deleted
     */
    public boolean delete(long id) {
        return dsl.deleteFrom(RULE).where(RULE.ID.eq(id)).execute() > 0;
    }

    private List<Rule> where(Condition condition) {
        return dsl.selectFrom(RULE).where(condition).orderBy(RULE.REF).fetchInto(Rule.class);
    }
}
