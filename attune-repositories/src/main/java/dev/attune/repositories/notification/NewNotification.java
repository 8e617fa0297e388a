package dev.attune.repositories.notification;

import dev.attune.repositories.ValidationException;
import dev.attune.repositories.internal.Refs;
import dev.attune.repositories.schema.enums.NotificationStatusEnum;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;

/**
 * A notification to create. Inserting it publishes {@code {"id", "entity_type", "entity", "activity"}} with
 * {@code pg_notify} on {@code channel} once the transaction commits.
 *
 * @param channel    required: also the NOTIFY channel, so 1–63 bytes (PostgreSQL's identifier limit; checked before any
 *                   SQL runs). NOTIFY channels are database-wide: prefix them with the schema when several schemas
 *                   share a database.
 * @param entityType required, e.g. {@code execution}
 * @param entity     required: the entity's id or ref as text
 * @param activity   required, e.g. {@code created}
 * @param state      {@code null} means the column default, {@code created}
 * @param content    optional details (not part of the NOTIFY payload)
 */
public record NewNotification(
        String channel,
        String entityType,
        String entity,
        String activity,
        NotificationStatusEnum state,
        JsonNode content) {

    /** PostgreSQL's NAMEDATALEN - 1: longer channel names make {@code pg_notify}, and so the insert, fail. */
    static final int MAX_CHANNEL_BYTES = 63;

    /**
     * Checks the components as described above, before any SQL runs; optional collections and JSON left null get
     * their documented defaults.
     *
     * @param channel    required: also the NOTIFY channel, so 1–63 bytes (PostgreSQL's identifier limit; checked before
     *                   any SQL runs). NOTIFY channels are database-wide: prefix them with the schema when several
     *                   schemas share a database.
     * @param entityType required, e.g. {@code execution}
     * @param entity     required: the entity's id or ref as text
     * @param activity   required, e.g. {@code created}
     * @param state      {@code null} means the column default, {@code created}
     * @param content    optional details (not part of the NOTIFY payload)
     * @throws dev.attune.repositories.ValidationException when a component breaks its rule
     */
    public NewNotification {
        Refs.requireValue(NotificationRepository.ENTITY, "channel", channel);
        int bytes = channel.getBytes(StandardCharsets.UTF_8).length;
        if (bytes == 0 || bytes > MAX_CHANNEL_BYTES) {
            throw new ValidationException(NotificationRepository.ENTITY, "channel", channel,
                    "must be 1 to " + MAX_CHANNEL_BYTES + " bytes (it is the NOTIFY channel name)");
        }
        Refs.requireValue(NotificationRepository.ENTITY, "entity_type", entityType);
        Refs.requireValue(NotificationRepository.ENTITY, "entity", entity);
        Refs.requireValue(NotificationRepository.ENTITY, "activity", activity);
    }

    /**
     * A {@code created} notification without content.
     *
     * @param channel    required: also the NOTIFY channel, so 1–63 bytes (PostgreSQL's identifier limit; checked before
     *                   any SQL runs). NOTIFY channels are database-wide: prefix them with the schema when several
     *                   schemas share a database.
     * @param entityType required, e.g. {@code execution}
     * @param entity     required: the entity's id or ref as text
     * @param activity   required, e.g. {@code created}
     * @return the notification to create
     */
    public static NewNotification of(String channel, String entityType, String entity, String activity) {
        return new NewNotification(channel, entityType, entity, activity, null, null);
    }
}
