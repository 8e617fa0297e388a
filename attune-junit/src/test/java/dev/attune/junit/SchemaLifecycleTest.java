package dev.attune.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.attune.db.SchemaName;
import dev.attune.migrations.MigrationScripts;
import dev.attune.provisioning.IsolatedSchema;
import dev.attune.provisioning.internal.MigrationReplayer;
import dev.attune.testserver.ServerConnections;
import dev.attune.testserver.TestDatabaseServer;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** Schemas are removed whatever happens to the test, and a failed provisioning leaves nothing behind. */
class SchemaLifecycleTest {

    private static final ServerConnections SERVER = new ServerConnections(TestDatabaseServer.get());

    /** Schemas seen by the sample tests below, which run inside a nested JUnit engine. */
    static final List<String> SEEN = new CopyOnWriteArrayList<>();

    @Test
    void schemasOfPassingFailingAndErroringTestsAreAllDropped() {
        Events tests = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(SampleTests.class), selectClass(FailingSetup.class))
                .execute()
                .testEvents();

        tests.assertStatistics(stats -> stats.started(4).succeeded(1).failed(3));
        assertThat(SEEN).hasSize(4);
        for (String schema : SEEN) {
            assertThat(SERVER.schemaExists(schema)).as(schema + " still exists").isFalse();
        }
    }

    @Test
    void aReplayThatFailsHalfwayLeavesNoSchema() throws SQLException {
        List<MigrationScripts.Script> scripts = new ArrayList<>(MigrationScripts.load().subList(0, 3));
        scripts.add(new MigrationScripts.Script("99", "broken", "V99__broken.sql", "create table pack (id int);"));
        SchemaName schema = SchemaName.of("it_replay_" + Long.toHexString(System.nanoTime()));

        try (Connection connection = SERVER.open("attune-test-support-test")) {
            assertThatThrownBy(() -> new MigrationReplayer(scripts).createSchema(connection, schema, "marker"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("V99__broken.sql");
            assertThat(connection.getAutoCommit()).as("connection restored").isTrue();
        }
        assertThat(SERVER.schemaExists(schema.value())).isFalse();
    }

    /** Not run by Surefire (nested classes are excluded): started by the engine test kit above. */
    @IsolatedSchemaTest
    static class SampleTests {
        @Test
        void passes(IsolatedSchema schema) {
            SEEN.add(schema.name().value());
        }

        @Test
        void failsAnAssertion(IsolatedSchema schema) {
            SEEN.add(schema.name().value());
            assertThat(1).isEqualTo(2);
        }

        @Test
        void throwsADatabaseError(IsolatedSchema schema, DSLContext dsl) {
            SEEN.add(schema.name().value());
            dsl.execute("select * from no_such_table");
        }
    }

    @IsolatedSchemaTest
    static class FailingSetup {
        @BeforeEach
        void setUpFails(IsolatedSchema schema) {
            SEEN.add(schema.name().value());
            throw new IllegalStateException("setup failed");
        }

        @Test
        void neverRuns() {
            throw new AssertionError("unreachable");
        }
    }
}
