package dev.attune.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.attune.provisioning.IsolatedSchema;
import dev.attune.junit.IsolatedSchemaTest;
import dev.attune.provisioning.TestServerConfigs;
import dev.attune.testserver.ServerConnections;
import dev.attune.testserver.TestDatabaseServer;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * A {@link Database} binds every connection to its schema alone, through pgjdbc's {@code currentSchema} startup
 * parameter: nothing to reset, nothing inherited, and no fallback to {@code public}.
 */
@IsolatedSchemaTest
class SchemaBindingTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A production-style pool ({@code Database.open(config)}) on the test's migrated schema. */
    private static Database open(IsolatedSchema schema) {
        return Database.open(TestServerConfigs.forSchema(TestDatabaseServer.get(), schema.name(), 2));
    }

    @Test
    void theSearchPathIsTheSchemaAlone(IsolatedSchema schema) throws Exception {
        String name = schema.name().value();
        try (Database database = open(schema); Connection connection = database.dataSource().getConnection()) {
            assertThat(single(connection, "show search_path")).isEqualTo(name);
            assertThat(single(connection, "select current_schema()")).isEqualTo(name);
            assertThat(single(connection, "select array_to_string(current_schemas(false), ',')")).isEqualTo(name);
            assertThat(connection.getSchema()).isEqualTo(name);
            assertThat(database.dsl().fetchValue("select current_schema()")).isEqualTo(name);
        }
    }

    @Test
    void theBindingSurvivesDiscardAllAndResetAllOnTheSameConnection(IsolatedSchema schema) throws Exception {
        String name = schema.name().value();
        try (Database database = open(schema); Connection connection = database.dataSource().getConnection()) {
            execute(connection, "set search_path to public");
            assertThat(single(connection, "select current_schema()")).isEqualTo("public");

            execute(connection, "discard all");
            assertThat(single(connection, "show search_path")).isEqualTo(name);
            assertThat(single(connection, "select current_schema()")).isEqualTo(name);

            execute(connection, "set search_path to public");
            execute(connection, "reset all");
            assertThat(single(connection, "show search_path")).isEqualTo(name);
            assertThat(single(connection, "select current_schema()")).isEqualTo(name);
            assertThat(single(connection, "select count(*) from pack")).isEqualTo("0");
        }
    }

    @Test
    void connectionsNameTheirSchemaInPgStatActivity(IsolatedSchema schema) throws Exception {
        String expected = "attune:" + schema.name().value();
        try (Database database = open(schema); Connection connection = database.dataSource().getConnection()) {
            assertThat(single(connection, "select application_name from pg_catalog.pg_stat_activity"
                    + " where pid = pg_catalog.pg_backend_pid()")).isEqualTo(expected);
            assertThat(single(connection, "show application_name")).isEqualTo(expected);
        }
    }

    @Test
    void anUnqualifiedNameNeverResolvesToATableInPublic(IsolatedSchema schema) throws Exception {
        byte[] random = new byte[6];
        RANDOM.nextBytes(random);
        String table = "only_in_public_" + HexFormat.of().formatHex(random);
        ServerConnections connections = new ServerConnections(TestDatabaseServer.get());
        try (Connection admin = connections.open("attune-it-admin:" + schema.name())) {
            execute(admin, "create table public." + table + " (id int)");
            try {
                execute(admin, "insert into public." + table + " values (1)");
                assertThat(single(admin, "select count(*) from public." + table)).isEqualTo("1");

                try (Database database = open(schema); Connection connection = database.dataSource().getConnection()) {
                    assertThatThrownBy(() -> single(connection, "select count(*) from " + table))
                            .isInstanceOf(SQLException.class)
                            .hasMessageContaining(table)
                            .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42P01"));
                }
            } finally {
                execute(admin, "drop table if exists public." + table);
            }
            assertThat(single(admin, "select to_regclass('public." + table + "') is null")).isEqualTo("t");
        }
    }

    @Test
    void twoPoolsOnTwoSchemasSeeOnlyTheirOwnRows(IsolatedSchema schema) throws Exception {
        try (ScratchSchema other = ScratchSchema.create(); Database mine = open(schema)) {
            Database theirs = other.migrated();

            mine.dsl().execute("insert into pack (ref, label, version) values ('mine', 'Mine', '1.0.0')");
            theirs.dsl().execute("insert into pack (ref, label, version) values ('theirs', 'Theirs', '1.0.0')");

            assertThat(mine.dsl().fetch("select ref from pack").getValues(0, String.class)).containsExactly("mine");
            assertThat(theirs.dsl().fetch("select ref from pack").getValues(0, String.class)).containsExactly("theirs");
        }
    }

    @Test
    void aClosedDatabaseFailsLoudly(IsolatedSchema schema) {
        Database database = open(schema);
        database.close();
        database.close();

        assertThatThrownBy(database::dsl)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(schema.name().value())
                .hasMessageContaining("closed");
        assertThatThrownBy(database::dataSource).isInstanceOf(IllegalStateException.class);
    }

    private static String single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            assertThat(result.next()).as("a row from %s", sql).isTrue();
            return result.getString(1);
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
