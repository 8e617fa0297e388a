package dev.attune.repositories.trigger;

import static dev.attune.repositories.schema.Tables.TRIGGER;

import dev.attune.repositories.NotFoundException;
import dev.attune.repositories.RowUpdate;
import dev.attune.repositories.ValidationException;
import dev.attune.repositories.internal.Refs;
import dev.attune.repositories.internal.RepositoryContexts;
import dev.attune.repositories.internal.Updates;
import dev.attune.repositories.schema.tables.pojos.Trigger;
import dev.attune.repositories.schema.tables.records.TriggerRecord;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * Triggers: event types that rules and sensors subscribe to. Lists are ordered by ref.
 *
 * <p>Webhooks (keys, configuration, request log, rate limits) have their own {@link
 * dev.attune.repositories.webhook.WebhookRepository}.
 *
 * <p>Construct with the {@link DSLContext} to work in — inside {@code dsl.transaction(cfg -> new TriggerRepository(cfg.dsl()))}
 * every call joins the caller's transaction.
 */
public final class TriggerRepository {

    static final String ENTITY = "trigger";

    private static final Updates<TriggerRecord> UPDATES = Updates.of(ENTITY, TRIGGER.ID,
            TRIGGER.LABEL, TRIGGER.DESCRIPTION, TRIGGER.ENABLED, TRIGGER.PARAM_SCHEMA, TRIGGER.OUT_SCHEMA);

    private final DSLContext dsl;

    /**
     * A repository working in {@code dsl}'s connection or transaction (pass {@code cfg.dsl()} inside
     * {@code dsl.transaction(...)}); database errors become this library's exceptions.
     */
    public TriggerRepository(DSLContext dsl) {
        this.dsl = RepositoryContexts.of(dsl, ENTITY);
    }

    /** The trigger with this id; empty when there is none. */
    public Optional<Trigger> findById(long id) {
        return dsl.selectFrom(TRIGGER).where(TRIGGER.ID.eq(id)).fetchOptionalInto(Trigger.class);
    }

    /** @throws NotFoundException when there is no trigger with this id */
    public Trigger getById(long id) {
        return findById(id).orElseThrow(() -> new NotFoundException(ENTITY, "id", id));
    }

    /**
     * The trigger with this ref; empty when there is none.
     *
     * @throws dev.attune.repositories.ValidationException when {@code ref} is null
     */
    public Optional<Trigger> findByRef(String ref) {
        Refs.requireValue(ENTITY, "ref", ref);
        return dsl.selectFrom(TRIGGER).where(TRIGGER.REF.eq(ref)).fetchOptionalInto(Trigger.class);
    }

    /** @throws NotFoundException when there is no trigger with this ref */
    public Trigger getByRef(String ref) {
        return findByRef(ref).orElseThrow(() -> new NotFoundException(ENTITY, "ref", ref));
    }

    /** Every trigger, by ref. */
    public List<Trigger> list() {
        return dsl.selectFrom(TRIGGER).orderBy(TRIGGER.REF).fetchInto(Trigger.class);
    }

    /** The triggers of a pack, by ref. */
    public List<Trigger> findByPack(long packId) {
        return dsl.selectFrom(TRIGGER).where(TRIGGER.PACK.eq(packId)).orderBy(TRIGGER.REF).fetchInto(Trigger.class);
    }

    /** The enabled triggers, by ref. */
    public List<Trigger> findEnabled() {
        return dsl.selectFrom(TRIGGER).where(TRIGGER.ENABLED.isTrue()).orderBy(TRIGGER.REF).fetchInto(Trigger.class);
    }

    /**
     * @throws dev.attune.repositories.AlreadyExistsException      when the ref is taken
     * @throws dev.attune.repositories.ReferenceViolationException when the pack does not exist
     */
    public Trigger create(NewTrigger trigger) {
        return dsl.insertInto(TRIGGER)
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

    /**
     * Changes the columns {@code update} sets and returns the row: a column not set is left unchanged, one set
     * to {@code null} becomes NULL; with no column set, returns the current row.
     * Updatable: {@code label, description, enabled, param_schema, out_schema}.
     *
     * @throws NotFoundException when there is no trigger with this id
     * @throws dev.attune.repositories.ValidationException when {@code update} is null, sets another column or breaks a
     *                                                     column rule
     */
    public Trigger update(long id, RowUpdate<TriggerRecord> update) {
        return UPDATES.apply(dsl, id, update, Trigger.class);
    }

    /**
     * Deletes the trigger and, by cascade, its sensors and webhook event log; its events keep their {@code trigger_ref}
     * with {@code trigger} set to NULL.
     *
     * @return whether a row was deleted
     * @throws dev.attune.repositories.ReferenceViolationException when rules still use the trigger
     */
    public boolean delete(long id) {
        return dsl.deleteFrom(TRIGGER).where(TRIGGER.ID.eq(id)).execute() > 0;
    }
}
