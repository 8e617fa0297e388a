package dev.attune.repositories.trigger;

import static dev.attune.repositories.schema.Tables.TRIGGER;

import dev.attune.repositories.UpdatableTableRepository;
import dev.attune.repositories.internal.EntityTable;
import dev.attune.repositories.schema.tables.pojos.Trigger;
import dev.attune.repositories.schema.tables.records.TriggerRecord;
import java.util.List;
import java.util.Optional;
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
 * <p>Construct with the {@link DSLContext} to work in — inside {@code dsl.transaction(cfg -> new TriggerRepository(cfg.dsl()))}
 * every call joins the caller's transaction.
 */
public final class TriggerRepository extends UpdatableTableRepository<TriggerRecord, Trigger> {

    static final String ENTITY = "trigger";

    private static final EntityTable<TriggerRecord, Trigger> TABLE = EntityTable.of(ENTITY, TRIGGER.ID, Trigger.class)
            .orderedBy(TRIGGER.REF)
            .updatable(TRIGGER.LABEL, TRIGGER.DESCRIPTION, TRIGGER.ENABLED, TRIGGER.PARAM_SCHEMA, TRIGGER.OUT_SCHEMA);

    /**
     * A repository working in {@code dsl}'s connection or transaction; database errors become this library's
     * exceptions.
     *
     * @param dsl the context to work in (pass {@code cfg.dsl()} inside {@code dsl.transaction(...)})
     */
    public TriggerRepository(DSLContext dsl) {
        super(dsl, TABLE);
    }

    /**
     * Finds a trigger by its unique ref.
     *
     * @param ref the trigger's ref
     * @return the trigger; empty when there is none
     * @throws dev.attune.repositories.ValidationException when {@code ref} is null
     */
    public Optional<Trigger> findByRef(String ref) {
        return findBy(TRIGGER.REF, ref);
    }

    /**
     * Gets a trigger that must exist by its ref.
     *
     * @param ref the trigger's ref
     * @return the trigger
     * @throws dev.attune.repositories.NotFoundException   when there is no trigger with this ref
     * @throws dev.attune.repositories.ValidationException when {@code ref} is null
     */
    public Trigger getByRef(String ref) {
        return getBy(TRIGGER.REF, ref);
    }

    /**
     * The triggers of a pack.
     *
     * @param packId the pack's id
     * @return its triggers, by ref
     */
    public List<Trigger> findByPack(long packId) {
        return where(TRIGGER.PACK.eq(packId));
    }

    /**
     * The enabled triggers.
     *
     * @return the enabled triggers, by ref
     */
    public List<Trigger> findEnabled() {
        return where(TRIGGER.ENABLED.isTrue());
    }

    /**
     * Inserts the trigger.
     *
     * @param trigger the trigger to create
     * @return the created row
     * @throws dev.attune.repositories.AlreadyExistsException      when the ref is taken
     * @throws dev.attune.repositories.ReferenceViolationException when the pack does not exist
     */
    public Trigger create(NewTrigger trigger) {
        return dsl().insertInto(TRIGGER)
                .set(TRIGGER.REF, trigger.ref())
                .set(TRIGGER.PACK, trigger.pack())
                .set(TRIGGER.PACK_REF, trigger.packRef())
                .set(TRIGGER.LABEL, trigger.label())
                .set(TRIGGER.DESCRIPTION, trigger.description())
                .set(TRIGGER.ENABLED, trigger.enabled())
                .set(TRIGGER.PARAM_SCHEMA, trigger.paramSchema())
                .set(TRIGGER.OUT_SCHEMA, trigger.outSchema())
                .returning()
                .fetchSingleInto(Trigger.class);
    }
}
