package dev.attune.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.attune.junit.IsolatedSchemaTest;
import dev.attune.provisioning.IsolatedSchema;
import dev.attune.testserver.ServerConnections;
import dev.attune.testserver.TestDatabaseServer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The execution trigger publishes on {@code <schema>_notifications} (database-wide NOTIFY, schema-scoped channel), names
 * its schema in the payload, and never lets a large result break the INSERT/UPDATE.
 */
@IsolatedSchemaTest
class ExecutionNotificationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Upper bound for a notification to arrive: a failure bound, not a timing assertion. */
    private static final long PATIENCE_MILLIS = 30_000;
    private static final int NOTIFY_LIMIT_BYTES = 8000;

    @Test
    void anExecutionChangeIsPublishedOnlyOnItsOwnSchemasChannel(IsolatedSchema a) throws Exception {
        try (ScratchSchema b = ScratchSchema.create(); Connection listener = listener(a)) {
            Database other = b.migrated();
            String channelA = a.name().notificationChannel();
            String channelB = b.name().notificationChannel();
            listen(listener, channelA, channelB);

            long idA = insertExecution(a.dsl(), "core.echo", null);
            long idB = insertExecution(other.dsl(), "core.echo", null);

            // NOTIFY is delivered in commit order: once B's notification is here, everything A published is too.
            List<PGNotification> received = receiveUntil(listener,
                    n -> n.getName().equals(channelB) && payload(n).path("entity_id").asLong() == idB);

            assertThat(received).extracting(PGNotification::getName).containsExactly(channelA, channelB);
            JsonNode fromA = payload(received.get(0));
            assertThat(fromA.path("entity_type").asString()).isEqualTo("execution");
            assertThat(fromA.path("entity_id").asLong()).isEqualTo(idA);
            assertThat(fromA.path("schema").asString()).isEqualTo(a.name().value());
            assertThat(fromA.path("timestamp").isString()).isTrue();
            JsonNode data = fromA.path("data");
            assertThat(data.path("id").asLong()).isEqualTo(idA);
            assertThat(data.path("status").asString()).isEqualTo("requested");
            assertThat(data.path("action_ref").asString()).isEqualTo("core.echo");
            assertThat(data.has("action_id")).isTrue();
            assertThat(data.path("action_id").isNull()).isTrue();
            assertThat(data.has("result")).isTrue();
            assertThat(data.has("created")).isTrue();
            assertThat(data.has("updated")).isTrue();
            assertThat(payload(received.get(1)).path("schema").asString()).isEqualTo(b.name().value());
        }
    }

    @Test
    void aSmallResultTravelsInThePayload(IsolatedSchema a) throws Exception {
        try (Connection listener = listener(a)) {
            listen(listener, a.name().notificationChannel());

            long id = insertExecution(a.dsl(), "core.echo", "{\"ok\": true, \"lines\": [1, 2]}");

            JsonNode data = payload(receiveFor(listener, id)).path("data");
            assertThat(data.path("result")).isEqualTo(JSON.readTree("{\"ok\": true, \"lines\": [1, 2]}"));
            assertThat(data.has("result_omitted")).isFalse();
        }
    }

    @Test
    void aResultTooLargeForNotifyIsOmittedAndFlaggedAndTheInsertAndUpdateSucceed(IsolatedSchema a) throws Exception {
        DSLContext dsl = a.dsl();
        String largeResult = JSON.writeValueAsString(JSON.createObjectNode().put("log", "x".repeat(20_000)));
        try (Connection listener = listener(a)) {
            listen(listener, a.name().notificationChannel());

            long id = insertExecution(dsl, "core.verbose", largeResult);

            PGNotification inserted = receiveFor(listener, id);
            long resultBytes = dsl.fetchSingle("select octet_length(result::text) from execution where id = ?", id)
                    .get(0, Long.class);
            assertThat(resultBytes).isGreaterThan(20_000);
            assertOmitted(inserted, resultBytes, "requested");
            assertThat(dsl.fetchSingle("select length(result ->> 'log') from execution where id = ?", id)
                    .get(0, Integer.class)).as("the row keeps the whole result").isEqualTo(20_000);

            int updated = dsl.execute("update execution set status = 'running' where id = ?", id);

            assertThat(updated).isEqualTo(1);
            assertOmitted(receiveFor(listener, id), resultBytes, "running");
        }
    }

    @Test
    void aPathologicalActionRefIsOmittedAndFlaggedToo(IsolatedSchema a) throws Exception {
        String actionRef = "core." + "a".repeat(9_000);
        try (Connection listener = listener(a)) {
            listen(listener, a.name().notificationChannel());

            long id = insertExecution(a.dsl(), actionRef, null);

            PGNotification notification = receiveFor(listener, id);
            assertThat(notification.getParameter().getBytes(StandardCharsets.UTF_8).length).isLessThan(NOTIFY_LIMIT_BYTES);
            JsonNode data = payload(notification).path("data");
            assertThat(data.has("action_ref")).isFalse();
            assertThat(data.path("action_ref_omitted").asBoolean()).isTrue();
            assertThat(data.path("id").asLong()).isEqualTo(id);
        }
    }

    private static void assertOmitted(PGNotification notification, long resultBytes, String status) {
        assertThat(notification.getParameter().getBytes(StandardCharsets.UTF_8).length).isLessThan(NOTIFY_LIMIT_BYTES);
        JsonNode payload = payload(notification);
        JsonNode data = payload.path("data");
        assertThat(data.has("result")).isFalse();
        assertThat(data.path("result_omitted").isBoolean()).isTrue();
        assertThat(data.path("result_omitted").asBoolean()).isTrue();
        assertThat(data.path("result_bytes").asLong()).isEqualTo(resultBytes);
        assertThat(data.path("status").asString()).isEqualTo(status);
        assertThat(data.path("action_ref").asString()).isEqualTo("core.verbose");
        assertThat(payload.path("schema").asString()).isNotEmpty();
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    private static long insertExecution(DSLContext dsl, String actionRef, String resultJson) {
        return dsl.fetchSingle("insert into execution (action_ref, result) values (?, ?::jsonb) returning id",
                actionRef, resultJson).get(0, Long.class);
    }

    /** A plain connection (NOTIFY channels are database-wide; the listener needs no schema). */
    private static Connection listener(IsolatedSchema schema) {
        return new ServerConnections(TestDatabaseServer.get()).open("attune-it-listener:" + schema.name());
    }

    private static void listen(Connection listener, String... channels) throws SQLException {
        try (Statement statement = listener.createStatement()) {
            for (String channel : channels) {
                statement.execute("listen \"" + channel + "\"");
            }
        }
    }

    private static PGNotification receiveFor(Connection listener, long executionId) throws SQLException {
        List<PGNotification> received = receiveUntil(listener,
                n -> payload(n).path("entity_id").asLong() == executionId);
        return received.get(received.size() - 1);
    }

    /** Collects notifications until one matches {@code last}; fails after {@link #PATIENCE_MILLIS}. */
    private static List<PGNotification> receiveUntil(Connection listener, Predicate<PGNotification> last)
            throws SQLException {
        PGConnection pg = listener.unwrap(PGConnection.class);
        List<PGNotification> received = new ArrayList<>();
        long deadline = System.nanoTime() + PATIENCE_MILLIS * 1_000_000;
        while (System.nanoTime() < deadline) {
            PGNotification[] batch = pg.getNotifications(1_000);
            if (batch == null) {
                continue;
            }
            for (PGNotification notification : batch) {
                received.add(notification);
                if (last.test(notification)) {
                    return received;
                }
            }
        }
        return fail("no matching notification within %d ms; received %s", PATIENCE_MILLIS,
                received.stream().map(PGNotification::getName).toList());
    }

    private static JsonNode payload(PGNotification notification) {
        try {
            return JSON.readTree(notification.getParameter());
        } catch (Exception e) {
            throw new AssertionError("payload is not JSON: " + notification.getParameter(), e);
        }
    }
}
