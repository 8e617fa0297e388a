package dev.attune.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.attune.testserver.TestDatabaseServer;
import java.sql.Connection;
import java.time.Duration;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** A released schema is reused only when it is provably as good as new; otherwise it is replaced. */
class RecycleModeTest {

    /** One lease at a time and no ready pool: the next lease gets the released schema back if it was recycled. */
    private static final ProvisioningSettings ONE_AT_A_TIME =
            new ProvisioningSettings(0, 1, 1, Duration.ofMinutes(2), false, true);

    @Test
    void aRecycledSchemaIsEmptyAndItsIdsStartAgainAtOne() {
        try (TestSchemaProvisioner provisioner = TestSchemaProvisioner.start(TestDatabaseServer.get(), ONE_AT_A_TIME)) {
            String first;
            try (IsolatedSchema schema = provisioner.lease("fills the schema")) {
                first = schema.name().value();
                insertPack(schema, "aa");
                insertPack(schema, "bb");
                schema.dsl().execute("insert into action (ref, pack, pack_ref, label, description, entrypoint)"
                        + " select 'aa.run', id, ref, 'Run', 'Runs', 'run.sh' from pack where ref = 'aa'");
            }
            try (IsolatedSchema schema = provisioner.lease("gets it back")) {
                assertThat(schema.name().value()).as("the same schema, recycled").isEqualTo(first);
                assertThat(schema.dsl().fetchCount(schema.dsl().selectFrom("pack"))).isZero();
                assertThat(schema.dsl().fetchCount(schema.dsl().selectFrom("action"))).isZero();
                assertThat(insertPack(schema, "cc")).as("sequence restarted").isEqualTo(1L);
            }
        }
    }

    @Test
    void aSchemaWhoseTableChangedIsReplaced() {
        assertReplacedAfter(schema -> schema.dsl().execute("alter table pack add column extra text"));
    }

    @Test
    void aSchemaWithDisabledTriggersIsReplaced() {
        assertReplacedAfter(schema -> schema.dsl().execute("alter table execution disable trigger all"));
    }

    @Test
    void aSchemaThatAFunctionWasRedefinedInIsReplaced() {
        assertReplacedAfter(schema -> schema.dsl().execute(
                "create or replace function generate_webhook_key() returns varchar language sql as $$ select 'wh_x' $$"));
    }

    @Test
    void aSchemaWithAPrivilegeGrantedIsReplaced() {
        assertReplacedAfter(schema -> schema.dsl().execute("grant select on pack to public"));
    }

    @Test
    void aSchemaWithAColumnPrivilegeGrantedIsReplaced() {
        assertReplacedAfter(schema -> schema.dsl().execute("grant update (label) on pack to public"));
    }

    @Test
    void aSchemaWithACommentChangedIsReplaced() {
        assertReplacedAfter(schema -> schema.dsl().execute("comment on table pack is 'changed by a test'"));
    }

    @Test
    void aSchemaWithAColumnCommentChangedIsReplaced() {
        assertReplacedAfter(schema -> schema.dsl().execute("comment on column action.label is 'changed by a test'"));
    }

    @Test
    void aSchemaWithANewIndexIsReplaced() {
        assertReplacedAfter(schema -> schema.dsl().execute("create index pack_label_test on pack (label)"));
    }

    @Test
    void aSchemaWithANewTableIsReplaced() {
        assertReplacedAfter(schema -> schema.dsl().execute("create table scratch (id int)"));
    }

    @Test
    void aSchemaWithASequenceAlteredIsReplaced() {
        assertReplacedAfter(schema -> schema.dsl().execute("alter sequence pack_id_seq increment by 5"));
    }

    @Test
    void sessionStateATestLeftOnAPooledConnectionIsNotInherited() throws Exception {
        try (TestSchemaProvisioner provisioner = TestSchemaProvisioner.start(TestDatabaseServer.get(), ONE_AT_A_TIME)) {
            String first;
            try (IsolatedSchema schema = provisioner.lease("leaves session state")) {
                first = schema.name().value();
                schema.dsl().execute("set statement_timeout = 4321");
                schema.dsl().execute("listen some_channel");
            }
            try (IsolatedSchema schema = provisioner.lease("gets the schema, not the session state")) {
                assertThat(schema.name().value()).as("the same schema, recycled").isEqualTo(first);
                try (Connection connection = schema.dataSource().getConnection();
                        var statement = connection.createStatement();
                        var result = statement.executeQuery("select current_setting('statement_timeout'),"
                                + " (select count(*) from pg_listening_channels())")) {
                    result.next();
                    assertThat(result.getString(1)).isEqualTo("0");
                    assertThat(result.getLong(2)).isZero();
                }
            }
        }
    }

    /**
     * From the second recycle on, a session that ran nothing since it was last seen clean is not read again: a
     * setting left on either of two pooled connections, in any later lease, must still be found.
     */
    @Test
    void sessionStateLeftOnEitherOfTwoConnectionsInLaterLeasesIsNotInherited() throws Exception {
        ProvisioningSettings twoConnections = new ProvisioningSettings(0, 1, 2, Duration.ofMinutes(2), false, true);
        try (TestSchemaProvisioner provisioner = TestSchemaProvisioner.start(TestDatabaseServer.get(), twoConnections)) {
            String first = null;
            for (int lease = 0; lease < 6; lease++) {
                try (IsolatedSchema schema = provisioner.lease("lease " + lease);
                        Connection a = schema.dataSource().getConnection();
                        Connection b = schema.dataSource().getConnection()) {
                    first = first == null ? schema.name().value() : first;
                    assertThat(schema.name().value()).as("the same schema, recycled").isEqualTo(first);
                    for (Connection connection : new Connection[] {a, b}) {
                        assertThat(statementTimeout(connection)).as("lease %d inherits no setting", lease).isEqualTo("0");
                    }
                    if (lease >= 2) { // after two quiet recycles, dirty one of the two sessions
                        try (var statement = (lease % 2 == 0 ? a : b).createStatement()) {
                            statement.execute("set statement_timeout = 4321");
                        }
                    }
                }
            }
            assertThat(provisioner.statistics().replaced()).as("dirty sessions are evicted, the schema kept").isZero();
        }
    }

    private static String statementTimeout(Connection connection) throws Exception {
        try (var statement = connection.createStatement();
                var result = statement.executeQuery("select current_setting('statement_timeout')")) {
            result.next();
            return result.getString(1);
        }
    }

    @Test
    void temporaryObjectsAdvisoryLocksPreparedStatementsAndHeldCursorsAreNotInherited() throws Exception {
        for (boolean twoConnections : new boolean[] {false, true}) {
            ProvisioningSettings settings = new ProvisioningSettings(0, 1, twoConnections ? 2 : 1, Duration.ofMinutes(2),
                    false, true);
            try (TestSchemaProvisioner provisioner = TestSchemaProvisioner.start(TestDatabaseServer.get(), settings)) {
                String first;
                try (IsolatedSchema schema = provisioner.lease("leaves session state");
                        Connection connection = schema.dataSource().getConnection();
                        var statement = connection.createStatement()) {
                    first = schema.name().value();
                    statement.execute("create temporary table scratch (id int)");
                    statement.execute("select pg_advisory_lock(4242)");
                    statement.execute("prepare leftover as select 1");
                    connection.setAutoCommit(false);
                    statement.execute("declare held cursor with hold for select 1");
                    connection.commit();
                    connection.setAutoCommit(true);
                }
                try (IsolatedSchema schema = provisioner.lease("gets the schema, not the session state")) {
                    assertThat(schema.name().value()).as("the same schema, recycled").isEqualTo(first);
                    try (Connection a = schema.dataSource().getConnection();
                            Connection b = twoConnections ? schema.dataSource().getConnection() : null) {
                        for (Connection connection : b == null ? new Connection[] {a} : new Connection[] {a, b}) {
                            try (var statement = connection.createStatement();
                                    var result = statement.executeQuery("select pg_my_temp_schema() = 0"
                                            + " or not exists (select 1 from pg_class where relnamespace = pg_my_temp_schema()),"
                                            + " (select count(*) from pg_locks where pid = pg_backend_pid() and locktype = 'advisory'),"
                                            + " (select count(*) from pg_prepared_statements where from_sql),"
                                            + " (select count(*) from pg_cursors where name = 'held')")) {
                                result.next();
                                assertThat(result.getBoolean(1)).as("no temporary table").isTrue();
                                assertThat(result.getLong(2)).as("no advisory lock").isZero();
                                assertThat(result.getLong(3)).as("no prepared statement").isZero();
                                assertThat(result.getLong(4)).as("no held cursor").isZero();
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void aClosedLeaseRefusesConnectionsAndASchemaWithABorrowedConnectionIsReplaced() throws Exception {
        try (TestSchemaProvisioner provisioner = TestSchemaProvisioner.start(TestDatabaseServer.get(), ONE_AT_A_TIME)) {
            String first;
            Connection leaked;
            javax.sql.DataSource dataSource;
            try (IsolatedSchema schema = provisioner.lease("forgets to close a connection")) {
                first = schema.name().value();
                dataSource = schema.dataSource();
                leaked = dataSource.getConnection();
            }
            assertThatThrownBy(dataSource::getConnection).hasMessageContaining("lease of test schema " + first);
            try (IsolatedSchema schema = provisioner.lease("must not share it")) {
                assertThat(schema.name().value()).isNotEqualTo(first);
            } finally {
                leaked.close();
            }
        }
    }

    @Test
    void aSchemaStillUsedByAnotherSessionIsReplaced() throws Exception {
        try (TestSchemaProvisioner provisioner = TestSchemaProvisioner.start(TestDatabaseServer.get(), ONE_AT_A_TIME)) {
            String first;
            Connection leftover;
            try (IsolatedSchema schema = provisioner.lease("leaves a connection behind")) {
                first = schema.name().value();
                // A connection the test opened itself, tagged with the schema, and never closed before release.
                leftover = TestSchemaQueries.connections().open("leftover-listener:" + first);
            }
            try (leftover; IsolatedSchema schema = provisioner.lease("must not share it")) {
                assertThat(schema.name().value()).isNotEqualTo(first);
            }
        }
    }

    private static void assertReplacedAfter(Consumer<IsolatedSchema> change) {
        try (TestSchemaProvisioner provisioner = TestSchemaProvisioner.start(TestDatabaseServer.get(), ONE_AT_A_TIME)) {
            String first;
            try (IsolatedSchema schema = provisioner.lease("changes its schema")) {
                first = schema.name().value();
                change.accept(schema);
            }
            try (IsolatedSchema schema = provisioner.lease("gets a new one")) {
                assertThat(schema.name().value()).isNotEqualTo(first);
                assertThat(TestSchemaQueries.schemaExists(first)).as(first + " dropped").isFalse();
                assertThat(schema.dsl().fetchValue("select count(*) from information_schema.columns"
                        + " where table_schema = current_schema() and table_name = 'pack' and column_name = 'extra'"))
                        .isEqualTo(0L);
            }
        }
    }

    private static long insertPack(IsolatedSchema schema, String ref) {
        return schema.dsl().fetchSingle("insert into pack (ref, label, version) values (?, ?, '1.0.0') returning id",
                ref, ref).get(0, Long.class);
    }
}
