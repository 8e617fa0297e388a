package dev.attune.repositories.trigger;

import static dev.attune.repositories.schema.Tables.TRIGGER;

import dev.attune.repositories.PackContentRepository;
import dev.attune.repositories.EntityTable;
import dev.attune.repositories.schema.tables.pojos.Trigger;
import dev.attune.repositories.schema.tables.records.TriggerRecord;
import java.util.List;
import org.jooq.DSLContext;

/**
 * Triggers: event types that rules and sensors subscribe to. Lists are ordered by ref.
 *
 * <p>{@link #update} may change {@code label, description, enabled, param_schema, out_schema}. {@link #delete} also
 * deletes, by cascade, the trigger's sensors and webhook event log; its events keep their {@code trigger_ref} with
 * {@code trigger} set to NULL; it is refused ({@link dev.attune.repositories.ReferenceViolationException}) while rules
 * still use the trigger.
 *
 * <p>Webhooks (keys, configuration, request log, rate limits) have their own {@link
 * dev.attune.repositories.webhook.WebhookRepository}.
 *
 * <p>{@link #create} refuses a taken ref and a missing pack.
 *
 * <p>Construct with the {@link DSLContext} to work in — inside {@code dsl.transaction(cfg -> new TriggerRepository(cfg.dsl()))}
 * every call joins the caller's transaction.
 */
public final class TriggerRepository extends PackContentRepository<TriggerRecord, Trigger, NewTrigger> {

    /** The name errors carry: the table's. */
    static final String ENTITY = TRIGGER.getName();

    private static final EntityTable<TriggerRecord, Trigger> TABLE = EntityTable.of(TRIGGER.ID, Trigger.class)
            .orderedBy(TRIGGER.REF)
            .updatable(TRIGGER.LABEL, TRIGGER.DESCRIPTION, TRIGGER.ENABLED, TRIGGER.PARAM_SCHEMA, TRIGGER.OUT_SCHEMA);

    /**
     * A repository working in {@code dsl}'s connection or transaction; database errors become this library's
     * exceptions.
     *
     * @param dsl the context to work in (pass {@code cfg.dsl()} inside {@code dsl.transaction(...)})
     */
    public TriggerRepository(DSLContext dsl) {
        super(dsl, TABLE, TRIGGER.REF, TRIGGER.PACK);
    }




    /**
     * The enabled triggers.
     *
     * @return the enabled triggers, by ref
     */
    public List<Trigger> findEnabled() {
        return where(TRIGGER.ENABLED.isTrue());
    }

}
