package dev.attune.repositories.notification;

import static dev.attune.repositories.schema.Tables.NOTIFICATION;

import com.fasterxml.jackson.databind.JsonNode;
import dev.attune.repositories.internal.Changes;
import dev.attune.repositories.internal.Refs;
import dev.attune.repositories.schema.enums.NotificationStatusEnum;
import dev.attune.repositories.schema.tables.records.NotificationRecord;

/**
 * The columns of a notification to change (state and content only). Start from {@link #create()}; each method returns
 * a new update that also sets one column. A column never mentioned is left as it is; the nullable content set to
 * {@code null} becomes NULL. Updating never publishes a NOTIFY (only inserts do).
 */
public final class NotificationUpdate {

    private final Changes<NotificationRecord> changes;

    private NotificationUpdate(Changes<NotificationRecord> changes) {
        this.changes = changes;
    }

    /** An update that changes nothing yet. */
    public static NotificationUpdate create() {
        return new NotificationUpdate(Changes.none());
    }

    public NotificationUpdate state(NotificationStatusEnum state) {
        return new NotificationUpdate(changes.set(NOTIFICATION.STATE,
                Refs.requireValue(NotificationRepository.ENTITY, "state", state)));
    }

    /** Nullable: {@code null} clears the content. */
    public NotificationUpdate content(JsonNode content) {
        return new NotificationUpdate(changes.set(NOTIFICATION.CONTENT, content));
    }

    Changes<NotificationRecord> changes() {
        return changes;
    }
}
