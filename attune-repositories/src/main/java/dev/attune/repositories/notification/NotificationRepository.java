package dev.attune.repositories.notification;

import static dev.attune.repositories.schema.Tables.NOTIFICATION;

import dev.attune.repositories.Limits;
import dev.attune.repositories.NotFoundException;
import dev.attune.repositories.RowUpdate;
import dev.attune.repositories.internal.Inserts;
import dev.attune.repositories.internal.Refs;
import dev.attune.repositories.internal.RepositoryContexts;
import dev.attune.repositories.internal.Updates;
import dev.attune.repositories.schema.enums.NotificationStatusEnum;
import dev.attune.repositories.schema.tables.pojos.Notification;
import dev.attune.repositories.schema.tables.records.NotificationRecord;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.InsertSetMoreStep;

/**
 * Notifications: change notices for real-time fan-out. {@link #create} publishes each one with {@code pg_notify} on its
 * channel (a database trigger does it, delivered on commit). A high-volume table: every list is newest first
 * ({@code created} DESC, then id DESC); {@link #list()} is capped at {@value Limits#LIST_LIMIT} rows, the filtered lists are not.
 *
 * <p>Construct with the {@link DSLContext} to work in — inside
 * {@code dsl.transaction(cfg -> new NotificationRepository(cfg.dsl()))} every call joins the caller's transaction.
 */
public final class NotificationRepository {

    static final String ENTITY = "notification";

    private static final Updates<NotificationRecord> UPDATES = Updates.of(ENTITY, NOTIFICATION.ID,
            NOTIFICATION.STATE, NOTIFICATION.CONTENT);

    private final DSLContext dsl;

    /**
     * A repository working in {@code dsl}'s connection or transaction (pass {@code cfg.dsl()} inside
     * {@code dsl.transaction(...)}); database errors become this library's exceptions.
     */
    public NotificationRepository(DSLContext dsl) {
        this.dsl = RepositoryContexts.of(dsl, ENTITY);
    }

    /** The notification with this id; empty when there is none. */
    public Optional<Notification> findById(long id) {
        return dsl.selectFrom(NOTIFICATION).where(NOTIFICATION.ID.eq(id)).fetchOptionalInto(Notification.class);
    }

    /** @throws NotFoundException when there is no notification with this id */
    public Notification getById(long id) {
        return findById(id).orElseThrow(() -> new NotFoundException(ENTITY, "id", id));
    }

    /** The newest {@value Limits#LIST_LIMIT} notifications, newest first. */
    public List<Notification> list() {
        return dsl.selectFrom(NOTIFICATION).orderBy(NOTIFICATION.CREATED.desc(), NOTIFICATION.ID.desc())
                .limit(Limits.LIST_LIMIT)
                .fetchInto(Notification.class);
    }

    /** Every notification in {@code state}, newest first. */
    public List<Notification> findByState(NotificationStatusEnum state) {
        Refs.requireValue(ENTITY, "state", state);
        return dsl.selectFrom(NOTIFICATION).where(NOTIFICATION.STATE.eq(state))
                .orderBy(NOTIFICATION.CREATED.desc(), NOTIFICATION.ID.desc())
                .fetchInto(Notification.class);
    }

    /** Every notification of {@code channel}, newest first. */
    public List<Notification> findByChannel(String channel) {
        Refs.requireValue(ENTITY, "channel", channel);
        return dsl.selectFrom(NOTIFICATION).where(NOTIFICATION.CHANNEL.eq(channel))
                .orderBy(NOTIFICATION.CREATED.desc(), NOTIFICATION.ID.desc())
                .fetchInto(Notification.class);
    }

    /**
     * Inserts the notification; listeners on its channel are notified when the transaction commits. A {@code null}
     * state is not bound, so the column default {@code created} applies.
     */
    public Notification create(NewNotification notification) {
        InsertSetMoreStep<NotificationRecord> insert = dsl.insertInto(NOTIFICATION)
                .set(NOTIFICATION.CHANNEL, notification.channel())
                .set(NOTIFICATION.ENTITY_TYPE, notification.entityType())
                .set(NOTIFICATION.ENTITY, notification.entity())
                .set(NOTIFICATION.ACTIVITY, notification.activity())
                .set(NOTIFICATION.CONTENT, notification.content());
        insert = Inserts.setIfNotNull(insert, NOTIFICATION.STATE, notification.state());
        return insert.returning().fetchSingleInto(Notification.class);
    }

    /**
     * Changes the columns {@code update} sets and returns the row: a column not set is left unchanged, one set
     * to {@code null} becomes NULL; with no column set, returns the current row.
     * Updatable: {@code state, content}.
     *
     * @throws NotFoundException when there is no notification with this id
     * @throws dev.attune.repositories.ValidationException when {@code update} is null, sets another column or breaks a
     *                                                     column rule
     */
    public Notification update(long id, RowUpdate<NotificationRecord> update) {
        return UPDATES.apply(dsl, id, update, Notification.class);
    }

    /** @return whether a row was deleted */
    public boolean delete(long id) {
        return dsl.deleteFrom(NOTIFICATION).where(NOTIFICATION.ID.eq(id)).execute() > 0;
    }
}
