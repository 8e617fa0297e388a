package dev.attune.repositories.notification;

import static dev.attune.repositories.schema.Tables.NOTIFICATION;

import dev.attune.repositories.Limits;
import dev.attune.repositories.UpdatableTableRepository;
import dev.attune.repositories.EntityTable;
import dev.attune.repositories.schema.enums.NotificationStatusEnum;
import dev.attune.repositories.schema.tables.pojos.Notification;
import dev.attune.repositories.schema.tables.records.NotificationRecord;
import java.util.List;
import org.jooq.DSLContext;

/**
 * Notifications: change notices for real-time fan-out. {@link #create} publishes each one with {@code pg_notify} on its
 * channel (a database trigger does it, delivered on commit). A high-volume table: every list is newest first
 * ({@code created} DESC, then id DESC); {@link #list()} is capped at {@value Limits#LIST_LIMIT} rows, the filtered lists are not.
 *
 * <p>{@link #update} may change {@code state, content}.
 *
 * <p>{@link #create} leaves a {@code null} state to the column default {@code created}.
 *
 * <p>Construct with the {@link DSLContext} to work in — inside
 * {@code dsl.transaction(cfg -> new NotificationRepository(cfg.dsl()))} every call joins the caller's transaction.
 */
public final class NotificationRepository
        extends UpdatableTableRepository<NotificationRecord, Notification, NewNotification> {

    /** The name errors carry: the table's. */
    static final String ENTITY = NOTIFICATION.getName();

    private static final EntityTable<NotificationRecord, Notification> TABLE = EntityTable.of(NOTIFICATION.ID,
                    Notification.class)
            .highVolume(NOTIFICATION.CREATED)
            .updatable(NOTIFICATION.STATE, NOTIFICATION.CONTENT);

    /**
     * A repository working in {@code dsl}'s connection or transaction; database errors become this library's
     * exceptions.
     *
     * @param dsl the context to work in (pass {@code cfg.dsl()} inside {@code dsl.transaction(...)})
     */
    public NotificationRepository(DSLContext dsl) {
        super(dsl, TABLE);
    }

    /**
     * Every notification in {@code state}.
     *
     * @param state the state
     * @return the notifications, newest first
     * @throws dev.attune.repositories.ValidationException when {@code state} is null
     */
    public List<Notification> findByState(NotificationStatusEnum state) {
        return where(NOTIFICATION.STATE.eq(require("state", state)));
    }

    /**
     * Every notification of {@code channel}.
     *
     * @param channel the channel
     * @return the notifications, newest first
     * @throws dev.attune.repositories.ValidationException when {@code channel} is null
     */
    public List<Notification> findByChannel(String channel) {
        return where(NOTIFICATION.CHANNEL.eq(require("channel", channel)));
    }

}
