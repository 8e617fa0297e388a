package dev.attune.repositories.execution;

import static dev.attune.repositories.Fixtures.json;
import static dev.attune.repositories.schema.Tables.EXECUTION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.attune.db.SchemaName;
import dev.attune.junit.IsolatedSchemaTest;
import dev.attune.provisioning.IsolatedSchema;
import dev.attune.provisioning.TestSchemaProvisioner;
import dev.attune.repositories.Fixtures;
import dev.attune.repositories.RowUpdate;
import dev.attune.repositories.schema.enums.ExecutionStatusEnum;
import dev.attune.repositories.schema.tables.pojos.Execution;
import dev.attune.repositories.schema.tables.records.ActionRecord;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

@IsolatedSchemaTest
class ExecutionNotificationsTest {

    /** Generous upper bound for a notification to arrive; the tests never wait this long when things work. */
    private static final long WAIT_SECONDS = 20;

    private static ExecutionChange next(BlockingQueue<ExecutionChange> changes) throws InterruptedException {
        ExecutionChange change = changes.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(change).as("a notification within " + WAIT_SECONDS + " s").isNotNull();
        return change;
    }

    private static ActionRecord action(DSLContext dsl) {
        Fixtures fixtures = new Fixtures(dsl);
        return fixtures.action(fixtures.pack("core"), "echo");
    }

    @Test
    void anInsertedExecutionIsDeliveredWithItsSchema(IsolatedSchema schema) throws InterruptedException {
        DSLContext dsl = schema.dsl();
        ActionRecord action = action(dsl);
        BlockingQueue<ExecutionChange> changes = new LinkedBlockingQueue<>();

        try (ExecutionNotifications notifications = ExecutionNotifications.listen(schema.database(), changes::add)) {
            assertThat(notifications.schema()).isEqualTo(schema.name());
            Execution created = new ExecutionRepository(dsl).create(new NewExecution(action.getId(), action.getRef(),
                    null, null, null, null, ExecutionStatusEnum.scheduled, json("{\"ok\":true}"), null));

            ExecutionChange change = next(changes);
            assertThat(change.schema()).isEqualTo(schema.name());
            assertThat(change.entityId()).isEqualTo(created.id());
            assertThat(change.status()).isEqualTo(ExecutionStatusEnum.scheduled);
            assertThat(change.actionId()).isEqualTo(action.getId());
            assertThat(change.actionRef()).isEqualTo("core.echo");
            assertThat(change.result()).isEqualTo(json("{\"ok\":true}"));
            assertThat(change.resultOmitted()).isFalse();
            assertThat(change.resultBytes()).isNull();
            assertThat(change.created().toInstant()).isEqualTo(created.created().toInstant());
            assertThat(change.updated().toInstant()).isEqualTo(created.updated().toInstant());
            assertThat(change.timestamp()).isNotNull();

            new ExecutionRepository(dsl).update(created.id(), RowUpdate.of(EXECUTION).set(EXECUTION.STATUS, ExecutionStatusEnum.running));
            ExecutionChange update = next(changes);
            assertThat(update.entityId()).isEqualTo(created.id());
            assertThat(update.status()).isEqualTo(ExecutionStatusEnum.running);
        }
    }

    @Test
    @SuppressWarnings("try") // the listeners act while open; the body never calls them
    void changesOfAnotherSchemaAreNotDelivered(IsolatedSchema schemaA, TestSchemaProvisioner provisioner)
            throws InterruptedException {
        BlockingQueue<ExecutionChange> changesA = new LinkedBlockingQueue<>();
        BlockingQueue<ExecutionChange> changesB = new LinkedBlockingQueue<>();
        // A second schema of the same run, leased (and closed) by the test itself.
        try (IsolatedSchema schemaB = provisioner.lease("ExecutionNotificationsTest.changesOfAnotherSchemaAreNotDelivered");
                ExecutionNotifications a = ExecutionNotifications.listen(schemaA.dataSource(), schemaA.name(), changesA::add);
                ExecutionNotifications b = ExecutionNotifications.listen(schemaB.dataSource(), schemaB.name(), changesB::add)) {
            assertThat(schemaB.name()).isNotEqualTo(schemaA.name());
            ActionRecord actionB = action(schemaB.dsl());
            long inB = new ExecutionRepository(schemaB.dsl()).create(NewExecution.of(actionB.getId(), actionB.getRef())).id();
            // B's change is published: B's listener hears it ...
            ExecutionChange heardByB = next(changesB);
            assertThat(heardByB.schema()).isEqualTo(schemaB.name());
            assertThat(heardByB.entityId()).isEqualTo(inB);

            // ... and it committed before A's change. Notifications arrive in commit order, so once A's own change is
            // in, B's would already be there too had it been delivered to A.
            ActionRecord actionA = action(schemaA.dsl());
            long inA = new ExecutionRepository(schemaA.dsl()).create(NewExecution.of(actionA.getId(), actionA.getRef())).id();
            ExecutionChange heardByA = next(changesA);
            assertThat(heardByA.schema()).isEqualTo(schemaA.name());
            assertThat(heardByA.entityId()).isEqualTo(inA);
            assertThat(changesA).isEmpty();
            assertThat(changesB).isEmpty();
        }
    }

    @Test
    @SuppressWarnings("try") // the listeners act while open; the body never calls them
    void aResultTooLargeForNotifyIsOmittedAndFlagged(IsolatedSchema schema) throws InterruptedException {
        DSLContext dsl = schema.dsl();
        ActionRecord action = action(dsl);
        ObjectNode big = JsonNodeFactory.instance.objectNode().put("log", "x".repeat(20_000));
        BlockingQueue<ExecutionChange> changes = new LinkedBlockingQueue<>();

        try (ExecutionNotifications notifications = ExecutionNotifications.listen(schema.database(), changes::add)) {
            Execution created = new ExecutionRepository(dsl).create(new NewExecution(action.getId(), action.getRef(),
                    null, null, null, null, ExecutionStatusEnum.completed, big, null));

            ExecutionChange change = next(changes);
            assertThat(change.entityId()).isEqualTo(created.id());
            assertThat(change.resultOmitted()).isTrue();
            assertThat(change.result()).isNull();
            assertThat(change.resultBytes()).isGreaterThan(20_000L);
            assertThat(change.actionRef()).isEqualTo("core.echo");
            assertThat(new ExecutionRepository(dsl).getById(created.id()).result()).isEqualTo(big);
        }
    }

    @Test
    void aListenerThatThrowsKeepsReceiving(IsolatedSchema schema) throws InterruptedException {
        DSLContext dsl = schema.dsl();
        ActionRecord action = action(dsl);
        BlockingQueue<ExecutionChange> changes = new LinkedBlockingQueue<>();
        ExecutionRepository executions = new ExecutionRepository(dsl);
        long first = executions.create(NewExecution.of(action.getId(), action.getRef())).id();

        try (ExecutionNotifications notifications = ExecutionNotifications.listen(schema.database(), change -> {
            changes.add(change);
            if (change.status() == ExecutionStatusEnum.failed) {
                throw new IllegalStateException("listener failure (expected by the test)");
            }
        })) {
            executions.update(first, RowUpdate.of(EXECUTION).set(EXECUTION.STATUS, ExecutionStatusEnum.failed));
            assertThat(next(changes).status()).isEqualTo(ExecutionStatusEnum.failed);

            executions.update(first, RowUpdate.of(EXECUTION).set(EXECUTION.STATUS, ExecutionStatusEnum.completed));
            assertThat(next(changes).status()).isEqualTo(ExecutionStatusEnum.completed);
            assertThat(notifications.isListening()).isTrue();
        }
    }

    @Test
    void closingStopsListeningClosesTheDedicatedConnectionAndIsIdempotent(IsolatedSchema schema) {
        ExecutionNotifications notifications = ExecutionNotifications.listen(schema.database(), change -> { });
        assertThat(notifications.isListening()).isTrue();
        // A dedicated session outside the pool, tagged with the schema.
        assertThat(schema.dsl().fetchValue(DSL.selectCount().from("pg_stat_activity")
                .where(DSL.field("application_name", String.class).eq("attune-notifications:" + schema.name()))))
                .isEqualTo(1);

        notifications.close();
        notifications.close();

        assertThat(notifications.isListening()).isFalse();
        assertThat(notifications.connectionClosed()).isTrue();
    }

    @Test
    void aPooledConnectionGoesBackToThePoolNoLongerListening(IsolatedSchema schema) throws SQLException {
        ExecutionNotifications notifications = ExecutionNotifications.listen(schema.dataSource(), schema.name(),
                change -> { });
        notifications.close();
        assertThat(notifications.connectionClosed()).isTrue();

        // Borrow every connection of the pool at once, so the one that listened is among them.
        int poolSize = schema.database().config().maxConnections();
        List<Connection> connections = new ArrayList<>();
        try {
            for (int i = 0; i < poolSize; i++) {
                connections.add(schema.dataSource().getConnection());
            }
            for (Connection connection : connections) {
                try (Statement statement = connection.createStatement();
                        ResultSet channels = statement.executeQuery("select count(*) from pg_listening_channels()")) {
                    channels.next();
                    assertThat(channels.getLong(1)).isZero();
                }
            }
        } finally {
            for (Connection connection : connections) {
                connection.close();
            }
        }
    }

    @Test
    void parsesTheTriggerPayloadAndRejectsOtherPayloads() {
        ExecutionChange change = ExecutionChange.parse("""
                {"entity_type": "execution", "entity_id": 5, "schema": "attune",
                 "timestamp": "2026-01-19T10:00:00.123456+00:00",
                 "data": {"id": 5, "status": "timeout", "action_id": null, "result_omitted": true, "result_bytes": 9000,
                          "action_ref_omitted": true, "created": "2026-01-19T09:00:00+00:00",
                          "updated": "2026-01-19T11:00:00+01:00"}}""");

        assertThat(change.schema()).isEqualTo(SchemaName.ATTUNE);
        assertThat(change.entityId()).isEqualTo(5);
        assertThat(change.status()).isEqualTo(ExecutionStatusEnum.timeout);
        assertThat(change.actionId()).isNull();
        assertThat(change.actionRef()).isNull();
        assertThat(change.actionRefOmitted()).isTrue();
        assertThat(change.resultOmitted()).isTrue();
        assertThat(change.resultBytes()).isEqualTo(9000);
        assertThat(change.updated().toInstant()).isEqualTo(change.created().plusHours(1).toInstant());

        assertThatThrownBy(() -> ExecutionChange.parse("not json")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ExecutionChange.parse("{\"entity_type\": \"event\", \"data\": {}}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an execution notification");
        assertThatThrownBy(() -> ExecutionChange.parse("{\"entity_type\": \"execution\", \"entity_id\": 1,"
                + " \"schema\": \"attune\", \"data\": {\"status\": \"exploded\"}}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown status 'exploded'");
    }
}
