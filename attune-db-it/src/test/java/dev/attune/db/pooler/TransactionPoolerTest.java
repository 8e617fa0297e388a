package dev.attune.db.pooler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.attune.db.AttuneDbException;
import dev.attune.db.Database;
import dev.attune.db.DatabaseConfig;
import dev.attune.db.DirectConnectionRequiredException;
import dev.attune.db.PoolerMode;
import dev.attune.db.SchemaBindingException;
import dev.attune.migrations.MigrationReport;
import dev.attune.migrations.Migrator;
import dev.attune.testserver.PgBouncer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The three ways a PgBouncer in transaction mode can be set up each either work or fail at start-up with a clear
 * message; none lets the library use a schema other than the configured one.
 */
class TransactionPoolerTest {

    private PoolerTarget target;

    @BeforeEach
    void createTarget() {
        target = PoolerTarget.create();
    }

    @AfterEach
    void dropTarget() {
        if (target != null) {
            target.close();
        }
    }

    @Test
    void forwardedSchemaStartupParameterFailsCleanlyAtStartup() {
        PgBouncer pgbouncer = target.pgbouncer("");

        assertThatThrownBy(() -> Database.open(target.config(pgbouncer, PoolerMode.NONE, false)))
                .isInstanceOf(AttuneDbException.class)
                .hasMessageContaining("unsupported startup parameter: search_path")
                .hasMessageContaining("database.pooler: transaction")
                .hasMessageContaining("role-statement");
    }

    @Test
    void droppedSchemaParameterWithoutRoleSettingIsRefusedAtStartup() {
        PgBouncer pgbouncer = target.pgbouncer("search_path");
        String roleStatement = "ALTER ROLE \"" + target.database().role() + "\" IN DATABASE \""
                + target.database().name() + "\" SET search_path = attune;";
        // A decoy in this test's own database: were the binding not checked, unqualified names would find it.
        target.database().executeAsAdmin("create table public.pack (ref text)");

        for (PoolerMode mode : PoolerMode.values()) {
            assertThatThrownBy(() -> Database.open(target.config(pgbouncer, mode, true)))
                    .as("pooler %s", mode)
                    .isInstanceOfSatisfying(SchemaBindingException.class, e -> {
                        assertThat(e.expected()).isEqualTo("attune");
                        assertThat(e.actual()).isEqualTo("\"$user\", public");
                    })
                    .hasMessageContaining("expected search_path 'attune', got '\"$user\", public'")
                    .hasMessageContaining("current_schema() = public")
                    .hasMessageContaining(roleStatement);
        }
    }

    @Test
    void aRoleSettingNamingMoreThanTheSchemaIsRefused() {
        target.setRoleSearchPath("attune, public");
        PgBouncer pgbouncer = target.pgbouncer("");

        assertThatThrownBy(() -> Database.open(target.config(pgbouncer, PoolerMode.TRANSACTION, true)))
                .isInstanceOf(SchemaBindingException.class)
                .hasMessageContaining("got 'attune, public'");
    }

    @Test
    void aRoleSettingNamingAnotherSchemaIsRefused() {
        target.setRoleSearchPath("elsewhere");
        PgBouncer pgbouncer = target.pgbouncer("");

        assertThatThrownBy(() -> Database.open(target.config(pgbouncer, PoolerMode.TRANSACTION, true)))
                .isInstanceOf(SchemaBindingException.class)
                .hasMessageContaining("expected search_path 'attune', got 'elsewhere'");
    }

    @Test
    void withTheRoleSettingThePoolWorksAndMigrationsUseTheDirectUrl() throws SQLException {
        target.setRoleSearchPath("attune");
        PgBouncer pgbouncer = target.pgbouncer("");
        DatabaseConfig config = target.config(pgbouncer, PoolerMode.TRANSACTION, true);

        try (Database database = Database.open(config)) {
            MigrationReport report = new Migrator(database).migrate();
            assertThat(report.applied()).hasSize(13);
            new Migrator(database).validate();

            database.dsl().execute("insert into pack (ref, label, version) values ('core', 'Core', '1.0.0')");
            assertThat(database.dsl().fetchValue("select count(*) from pack")).isEqualTo(1L);
            try (Connection connection = database.dataSource().getConnection()) {
                assertThat(single(connection, "select current_schema()")).isEqualTo("attune");
                // Through the pooler: PgBouncer's own port, not the server's.
                assertThat(connection.getMetaData().getURL()).contains(":" + pgbouncer.port() + "/");
            }
        }
    }

    @Test
    void migratingThroughThePoolerIsRefused() {
        target.setRoleSearchPath("attune");
        PgBouncer pgbouncer = target.pgbouncer("");

        try (Database database = Database.open(target.config(pgbouncer, PoolerMode.TRANSACTION, false))) {
            assertThatThrownBy(() -> new Migrator(database))
                    .isInstanceOf(DirectConnectionRequiredException.class)
                    .hasMessageContaining("database.pooler is transaction")
                    .hasMessageContaining("database.direct_url is not set")
                    .hasMessageContaining("migrations");
        }
        assertThat(serverSchemaExists("attune")).isFalse();
    }

    @Test
    void theMigratorLeavesNoSessionStateOnThePoolersServerConnections() throws SQLException {
        target.setRoleSearchPath("attune");
        PgBouncer pgbouncer = target.pgbouncer("");
        DatabaseConfig config = DatabaseConfig.builder()
                .url(pgbouncer.url()).user(target.database().role()).password(target.database().password())
                .schema("attune").maxConnections(4).pooler(PoolerMode.TRANSACTION)
                .directUrl(target.database().url())
                .serviceRole(target.database().role()) // grants run too, through the pool
                .build();

        try (Database database = Database.open(config)) {
            Migrator migrator = new Migrator(database);
            migrator.migrate();
            migrator.validate();
            migrator.info();
            migrator.migrate();
        }

        // Hold four transactions at once through PgBouncer (default_pool_size = 4): together they see every server
        // connection it has, and each must be exactly as the role setting made it.
        List<Connection> connections = new ArrayList<>();
        Set<String> pids = new HashSet<>();
        try {
            for (int i = 0; i < 4; i++) {
                Connection connection = java.sql.DriverManager.getConnection(pgbouncer.url() + "?prepareThreshold=0",
                        target.database().role(), target.database().password());
                connections.add(connection);
                connection.setAutoCommit(false);
                pids.add(single(connection, "select pg_backend_pid()"));
                assertThat(single(connection, "select current_setting('search_path')")).isEqualTo("attune");
                assertThat(single(connection, "select current_setting('role')")).isEqualTo("none");
                // PgBouncer itself SETs the parameters it tracks to match each client; anything else would be a leak.
                assertThat(single(connection, "select coalesce(string_agg(name, ','), '') from pg_settings"
                        + " where source = 'session' and name not in ('application_name', 'client_encoding',"
                        + " 'DateStyle', 'TimeZone', 'standard_conforming_strings', 'IntervalStyle')")).isEmpty();
                assertThat(single(connection, "select count(*) from pg_listening_channels()")).isEqualTo("0");
            }
            assertThat(pids).hasSize(4);
        } finally {
            for (Connection connection : connections) {
                connection.rollback();
                connection.close();
            }
        }
    }

    private boolean serverSchemaExists(String schema) {
        try (Connection connection = target.database().openAsAdmin()) {
            return single(connection, "select count(*) from pg_namespace where nspname = '" + schema + "'").equals("1");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            assertThat(result.next()).as("a row from %s", sql).isTrue();
            return result.getString(1);
        }
    }
}
