package dev.attune.repositories.rule;

import static dev.attune.repositories.schema.Tables.RULE;

import dev.attune.repositories.PackContentRepository;
import dev.attune.repositories.EntityTable;
import dev.attune.repositories.schema.tables.pojos.Rule;
import dev.attune.repositories.schema.tables.records.RuleRecord;
import java.util.List;
import org.jooq.DSLContext;

/**
 * Rules: connect a trigger to an action, with conditions and parameters. Lists are ordered by ref.
 *
 * <p>{@link #update} may change {@code label, description, conditions, action_params, trigger_params, enabled}. After
 * {@link #delete}, the rule's enforcements keep their rule_ref and lose the link (ON DELETE SET NULL).
 *
 * <p>{@link #create} refuses a taken ref and a missing pack, action or trigger.
 *
 * <p>Construct with the {@link DSLContext} to work in — inside {@code dsl.transaction(cfg -> new RuleRepository(cfg.dsl()))}
 * every call joins the caller's transaction.
 */
public final class RuleRepository extends PackContentRepository<RuleRecord, Rule, NewRule> {

    /** The name errors carry: the table's. */
    static final String ENTITY = RULE.getName();

    private static final EntityTable<RuleRecord, Rule> TABLE = EntityTable.of(RULE.ID, Rule.class)
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
        super(dsl, TABLE, RULE.REF, RULE.PACK);
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

}
