package dev.attune.repositories.event;

import static dev.attune.repositories.schema.Tables.EVENT;

import dev.attune.repositories.Limits;
import dev.attune.repositories.UpdatableTableRepository;
import dev.attune.repositories.EntityTable;
import dev.attune.repositories.schema.tables.pojos.Event;
import dev.attune.repositories.schema.tables.records.EventRecord;
import java.util.List;
import org.jooq.DSLContext;

/**
 * Events: firings of triggers. A high-volume table: lists are newest first ({@code created} DESC, then id DESC) and
 * capped at {@value Limits#LIST_LIMIT} rows.
 *
 * <p>{@link #update} may change {@code config, payload}. After {@link #delete}, enforcements and webhook log rows that
 * referred to the event keep existing with the reference set to NULL.
 *
 * <p>{@link #create} refuses a missing trigger or source sensor.
 *
 * <p>Construct with the {@link DSLContext} to work in — inside {@code dsl.transaction(cfg -> new EventRepository(cfg.dsl()))}
 * every call joins the caller's transaction.
 */
public final class EventRepository extends UpdatableTableRepository<EventRecord, Event, NewEvent> {

    /** The name errors carry: the table's. */
    static final String ENTITY = EVENT.getName();

    private static final EntityTable<EventRecord, Event> TABLE = EntityTable.of(EVENT.ID, Event.class)
            .highVolume(EVENT.CREATED)
            .updatable(EVENT.CONFIG, EVENT.PAYLOAD);

    /**
     * A repository working in {@code dsl}'s connection or transaction; database errors become this library's
     * exceptions.
     *
     * @param dsl the context to work in (pass {@code cfg.dsl()} inside {@code dsl.transaction(...)})
     */
    public EventRepository(DSLContext dsl) {
        super(dsl, TABLE);
    }

    /**
     * The newest {@value Limits#LIST_LIMIT} events of a trigger.
     *
     * @param triggerId the trigger's id
     * @return its events, newest first
     */
    public List<Event> findByTrigger(long triggerId) {
        return firstPageWhere(EVENT.TRIGGER.eq(triggerId));
    }

    /**
     * The newest {@value Limits#LIST_LIMIT} events of a trigger ref, including events whose trigger has been deleted
     * since.
     *
     * @param triggerRef the trigger's ref
     * @return its events, newest first
     * @throws dev.attune.repositories.ValidationException when {@code triggerRef} is null
     */
    public List<Event> findByTriggerRef(String triggerRef) {
        return firstPageWhere(EVENT.TRIGGER_REF.eq(require("trigger_ref", triggerRef)));
    }

}
