package dev.attune.repositories.event;

import static dev.attune.repositories.schema.Tables.EVENT;

import dev.attune.repositories.Limits;
import dev.attune.repositories.NotFoundException;
import dev.attune.repositories.RowUpdate;
import dev.attune.repositories.internal.Refs;
import dev.attune.repositories.internal.RepositoryContexts;
import dev.attune.repositories.internal.Updates;
import dev.attune.repositories.schema.tables.pojos.Event;
import dev.attune.repositories.schema.tables.records.EventRecord;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * Events: firings of triggers. A high-volume table: lists are newest first ({@code created} DESC, then id DESC) and
 * capped at {@value Limits#LIST_LIMIT} rows.
 *
 * <p>Construct with the {@link DSLContext} to work in — inside {@code dsl.transaction(cfg -> new EventRepository(cfg.dsl()))}
 * every call joins the caller's transaction.
 */
public final class EventRepository {

    static final String ENTITY = "event";

    private static final Updates<EventRecord> UPDATES = Updates.of(ENTITY, EVENT.ID,
            EVENT.CONFIG, EVENT.PAYLOAD);

    private final DSLContext dsl;

    /**
     * A repository working in {@code dsl}'s connection or transaction (pass {@code cfg.dsl()} inside
     * {@code dsl.transaction(...)}); database errors become this library's exceptions.
     */
    public EventRepository(DSLContext dsl) {
        this.dsl = RepositoryContexts.of(dsl, ENTITY);
    }

    /** The event with this id; empty when there is none. */
    public Optional<Event> findById(long id) {
        return dsl.selectFrom(EVENT).where(EVENT.ID.eq(id)).fetchOptionalInto(Event.class);
    }

    /** @throws NotFoundException when there is no event with this id */
    public Event getById(long id) {
        return findById(id).orElseThrow(() -> new NotFoundException(ENTITY, "id", id));
    }

    /** The newest {@value Limits#LIST_LIMIT} events, newest first. */
    public List<Event> list() {
        return dsl.selectFrom(EVENT).orderBy(EVENT.CREATED.desc(), EVENT.ID.desc()).limit(Limits.LIST_LIMIT)
                .fetchInto(Event.class);
    }

    /** The newest {@value Limits#LIST_LIMIT} events of a trigger (by id), newest first. */
    public List<Event> findByTrigger(long triggerId) {
        return dsl.selectFrom(EVENT).where(EVENT.TRIGGER.eq(triggerId))
                .orderBy(EVENT.CREATED.desc(), EVENT.ID.desc()).limit(Limits.LIST_LIMIT)
                .fetchInto(Event.class);
    }

    /**
     * The newest {@value Limits#LIST_LIMIT} events of a trigger ref, newest first — including events whose trigger has been
     * deleted since.
     */
    public List<Event> findByTriggerRef(String triggerRef) {
        Refs.requireValue(ENTITY, "trigger_ref", triggerRef);
        return dsl.selectFrom(EVENT).where(EVENT.TRIGGER_REF.eq(triggerRef))
                .orderBy(EVENT.CREATED.desc(), EVENT.ID.desc()).limit(Limits.LIST_LIMIT)
                .fetchInto(Event.class);
    }

    /** @throws dev.attune.repositories.ReferenceViolationException when the trigger or the source sensor does not exist */
    public Event create(NewEvent event) {
        return dsl.insertInto(EVENT)
                .set(EVENT.TRIGGER, event.trigger())
                .set(EVENT.TRIGGER_REF, event.triggerRef())
                .set(EVENT.CONFIG, event.config())
                .set(EVENT.PAYLOAD, event.payload())
                .set(EVENT.SOURCE, event.source())
                .set(EVENT.SOURCE_REF, event.sourceRef())
                .returning()
                .fetchSingleInto(Event.class);
    }

    /**
     * Changes the columns {@code update} sets and returns the row: a column not set is left unchanged, one set
     * to {@code null} becomes NULL; with no column set, returns the current row.
     * Updatable: {@code config, payload}.
     *
     * @throws NotFoundException when there is no event with this id
     * @throws dev.attune.repositories.ValidationException when {@code update} is null, sets another column or breaks a
     *                                                     column rule
     */
    public Event update(long id, RowUpdate<EventRecord> update) {
        return UPDATES.apply(dsl, id, update, Event.class);
    }

    /**
     * Deletes the event; enforcements and webhook log rows that referred to it keep existing with the reference set to
     * NULL.
     *
     * @return whether a row was deleted
     */
    public boolean delete(long id) {
        return dsl.deleteFrom(EVENT).where(EVENT.ID.eq(id)).execute() > 0;
    }
}
