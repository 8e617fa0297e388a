package dev.attune.repositories.notification;

import static dev.attune.repositories.Fixtures.json;
import static dev.attune.repositories.schema.Tables.NOTIFICATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.attune.junit.IsolatedSchemaTest;
import dev.attune.provisioning.IsolatedSchema;
import dev.attune.repositories.Limits;
import dev.attune.repositories.NotFoundException;
import dev.attune.repositories.RowUpdate;
import dev.attune.repositories.ValidationException;
import dev.attune.repositories.schema.enums.NotificationStatusEnum;
import dev.attune.repositories.schema.tables.pojos.Notification;
import java.sql.Connection;
import java.sql.Statement;
import java.time.OffsetDateTime;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

@IsolatedSchemaTest
class NotificationRepositoryTest {

    private static final OffsetDateTime BASE = OffsetDateTime.parse("2026-01-29T12:00:00Z");

    @Test
    void createsANotificationWithTheDefaultStateAndFindsItById(DSLContext dsl) {
        NotificationRepository notifications = new NotificationRepository(dsl);

        Notification created = notifications.create(NewNotification.of("ui", "execution", "42", "created"));

        assertThat(created.id()).isPositive();
        assertThat(created.channel()).isEqualTo("ui");
        assertThat(created.entityType()).isEqualTo("execution");
        assertThat(created.entity()).isEqualTo("42");
        assertThat(created.activity()).isEqualTo("created");
        assertThat(created.state()).isEqualTo(NotificationStatusEnum.created);
        assertThat(created.content()).isNull();
        assertThat(notifications.findById(created.id())).contains(created);
        assertThat(notifications.getById(created.id())).isEqualTo(created);

        Notification full = notifications.create(new NewNotification("ui", "rule", "core.r", "updated",
                NotificationStatusEnum.queued, json("{\"k\":\"v\"}")));
        assertThat(full.state()).isEqualTo(NotificationStatusEnum.queued);
        assertThat(full.content()).isEqualTo(json("{\"k\":\"v\"}"));
    }

    @Test
    void creatingANotificationPublishesItOnItsChannel(DSLContext dsl, IsolatedSchema schema) throws Exception {
        // NOTIFY channels are database-wide: a channel named after this test's schema hears only this test.
        String channel = schema.name().value() + "_ui";
        try (Connection listener = schema.dataSource().getConnection()) {
            // LISTEN/UNLISTEN have no jOOQ DSL form; the channel is a validated schema name plus a suffix.
            try (Statement statement = listener.createStatement()) {
                statement.execute("LISTEN " + channel);
            }
            try {
                Notification created = new NotificationRepository(dsl)
                        .create(NewNotification.of(channel, "execution", "42", "created"));

                PGNotification[] received = listener.unwrap(PGConnection.class).getNotifications(5000);

                assertThat(received).hasSize(1);
                assertThat(received[0].getName()).isEqualTo(channel);
                assertThat(json(received[0].getParameter())).isEqualTo(json("{\"id\":" + created.id()
                        + ",\"entity_type\":\"execution\",\"entity\":\"42\",\"activity\":\"created\"}"));
            } finally {
                try (Statement statement = listener.createStatement()) {
                    statement.execute("UNLISTEN *");
                }
            }
        }
    }

    @Test
    void theChannelMustBeAUsableNotifyChannelNameAndTheOtherFieldsAreRequired(DSLContext dsl) {
        assertThatThrownBy(() -> NewNotification.of(null, "execution", "1", "created"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("notification.channel");
        assertThatThrownBy(() -> NewNotification.of("", "execution", "1", "created"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("notification.channel");
        assertThatThrownBy(() -> NewNotification.of("c".repeat(64), "execution", "1", "created"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("1 to 63 bytes");
        // Counted in bytes, as PostgreSQL does: 32 two-byte characters are too long.
        assertThatThrownBy(() -> NewNotification.of("é".repeat(32), "execution", "1", "created"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("notification.channel");
        assertThatThrownBy(() -> NewNotification.of("ui", null, "1", "created"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("notification.entity_type");
        assertThatThrownBy(() -> NewNotification.of("ui", "execution", null, "created"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("notification.entity");
        assertThatThrownBy(() -> NewNotification.of("ui", "execution", "1", null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("notification.activity");

        Notification longest = new NotificationRepository(dsl)
                .create(NewNotification.of("c".repeat(63), "execution", "1", "created"));
        assertThat(longest.channel()).hasSize(63);
    }

    @Test
    void aMissingNotificationIsNotFound(DSLContext dsl) {
        NotificationRepository notifications = new NotificationRepository(dsl);

        assertThat(notifications.findById(42)).isEmpty();
        assertThatThrownBy(() -> notifications.getById(42))
                .isInstanceOf(NotFoundException.class).hasMessage("notification with id = 42 not found");
    }

    @Test
    void listsAndFindsByStateAndChannelNewestFirst(DSLContext dsl) {
        NotificationRepository notifications = new NotificationRepository(dsl);
        long oldest = notifications.create(NewNotification.of("ui", "execution", "1", "created")).id();
        long newest = notifications.create(NewNotification.of("ui", "execution", "2", "created")).id();
        long other = notifications.create(new NewNotification("ops", "worker", "w1", "down",
                NotificationStatusEnum.error, null)).id();
        setCreated(dsl, newest, BASE.plusMinutes(2));
        setCreated(dsl, other, BASE.plusMinutes(1));
        setCreated(dsl, oldest, BASE);

        assertThat(notifications.list()).extracting(Notification::id).containsExactly(newest, other, oldest);
        assertThat(notifications.findByState(NotificationStatusEnum.created)).extracting(Notification::id)
                .containsExactly(newest, oldest);
        assertThat(notifications.findByState(NotificationStatusEnum.error)).extracting(Notification::id)
                .containsExactly(other);
        assertThat(notifications.findByState(NotificationStatusEnum.queued)).isEmpty();
        assertThat(notifications.findByChannel("ui")).extracting(Notification::id).containsExactly(newest, oldest);
        assertThat(notifications.findByChannel("nobody")).isEmpty();
    }

    @Test
    void theListIsCappedAtAThousandRowsButTheFiltersAreNot(DSLContext dsl) {
        dsl.insertInto(NOTIFICATION, NOTIFICATION.CHANNEL, NOTIFICATION.ENTITY_TYPE, NOTIFICATION.ENTITY,
                        NOTIFICATION.ACTIVITY)
                .select(DSL.select(DSL.val("bulk"), DSL.val("execution"), DSL.val("1"), DSL.val("created"))
                        .from(DSL.generateSeries(1, Limits.LIST_LIMIT + 1)))
                .execute();
        NotificationRepository notifications = new NotificationRepository(dsl);

        assertThat(notifications.list()).hasSize(1000);
        assertThat(notifications.findByChannel("bulk")).hasSize(1001);
        assertThat(notifications.findByState(NotificationStatusEnum.created)).hasSize(1001);
    }

    @Test
    void updatesStateAndContentAndCanClearTheContent(DSLContext dsl) {
        NotificationRepository notifications = new NotificationRepository(dsl);
        Notification created = notifications.create(new NewNotification("ui", "execution", "1", "created", null,
                json("{\"a\":1}")));

        Notification queued = notifications.update(created.id(),
                RowUpdate.of(NOTIFICATION).set(NOTIFICATION.STATE, NotificationStatusEnum.queued));
        assertThat(queued.state()).isEqualTo(NotificationStatusEnum.queued);
        assertThat(queued.content()).isEqualTo(json("{\"a\":1}"));
        assertThat(queued.updated()).isAfterOrEqualTo(created.updated());

        Notification cleared = notifications.update(created.id(), RowUpdate.of(NOTIFICATION).set(NOTIFICATION.CONTENT, null));
        assertThat(cleared.content()).isNull();
        assertThat(cleared.state()).isEqualTo(NotificationStatusEnum.queued);
        assertThat(notifications.update(created.id(), RowUpdate.of(NOTIFICATION).set(NOTIFICATION.CONTENT, json("[2]"))).content())
                .isEqualTo(json("[2]"));
        assertThat(notifications.update(created.id(), RowUpdate.of(NOTIFICATION)).content()).isEqualTo(json("[2]"));

        assertThatThrownBy(() -> RowUpdate.of(NOTIFICATION).set(NOTIFICATION.STATE, null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("notification.state");
    }

    @Test
    void updatingOrDeletingAMissingNotification(DSLContext dsl) {
        NotificationRepository notifications = new NotificationRepository(dsl);

        assertThatThrownBy(() -> notifications.update(7,
                RowUpdate.of(NOTIFICATION).set(NOTIFICATION.STATE, NotificationStatusEnum.error)))
                .isInstanceOf(NotFoundException.class).hasMessage("notification with id = 7 not found");
        assertThatThrownBy(() -> notifications.update(7, RowUpdate.of(NOTIFICATION)))
                .isInstanceOf(NotFoundException.class);
        assertThat(notifications.delete(7)).isFalse();
    }

    @Test
    void deletesANotification(DSLContext dsl) {
        NotificationRepository notifications = new NotificationRepository(dsl);
        Notification created = notifications.create(NewNotification.of("ui", "execution", "1", "created"));

        assertThat(notifications.delete(created.id())).isTrue();
        assertThat(notifications.findById(created.id())).isEmpty();
    }

    private static void setCreated(DSLContext dsl, long id, OffsetDateTime created) {
        dsl.update(NOTIFICATION).set(NOTIFICATION.CREATED, created).where(NOTIFICATION.ID.eq(id)).execute();
    }
}
