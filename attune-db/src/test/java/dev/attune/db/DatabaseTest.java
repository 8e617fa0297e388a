package dev.attune.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

/** {@link Database} on a real PostgreSQL (the test server): binding, pool settings, direct connections, failures. */
class DatabaseTest {

    private ServerFixture fixture;
    private SchemaName schema;

    @BeforeEach
    void createSchema() throws SQLException {
        fixture = new ServerFixture();
        schema = fixture.newSchema();
        fixture.execute("create schema " + schema.value());
    }

    @AfterEach
    void dropEverything() throws Exception {
        fixture.close();
        assertThat(fixture.schemaExists(schema)).isFalse();
    }

    @Test
    void everyPooledConnectionIsBoundToTheSchemaAloneAndTaggedWithIt() throws SQLException {
        Database database = fixture.open(fixture.config(schema).build());

        try (Connection connection = database.dataSource().getConnection()) {
            assertThat(single(connection, "show search_path")).isEqualTo(schema.value());
            assertThat(single(connection, "show application_name")).isEqualTo("attune:" + schema.value());
        }
        assertThat(database.dsl().fetchValue("select current_schema()")).isEqualTo(schema.value());
        assertThat(database.schema()).isEqualTo(schema);
        assertThat(database.config().schema()).isEqualTo(schema);
    }

    @Test
    void anExplicitApplicationNameIsWhatTheServerSees() throws SQLException {
        try (Database database = Database.open(fixture.config(schema).build(), "attune-worker-7")) {
            try (Connection connection = database.dataSource().getConnection()) {
                assertThat(single(connection, "select application_name from pg_catalog.pg_stat_activity"
                        + " where pid = pg_catalog.pg_backend_pid()")).isEqualTo("attune-worker-7");
            }
        }
    }

    @Test
    void thePoolIsNamedAfterTheSchemaAndSizedByTheConfiguration() throws SQLException {
        Database large = fixture.open(fixture.config(schema).maxConnections(5).build());
        Database single = fixture.open(fixture.config(schema).maxConnections(1).build());

        HikariDataSource pool = large.dataSource().unwrap(HikariDataSource.class);
        assertThat(pool.getPoolName()).isEqualTo("attune-" + schema.value());
        assertThat(pool.getMaximumPoolSize()).isEqualTo(5);
        assertThat(pool.getMinimumIdle()).isEqualTo(2);
        HikariDataSource small = single.dataSource().unwrap(HikariDataSource.class);
        assertThat(small.getMaximumPoolSize()).isEqualTo(1);
        assertThat(small.getMinimumIdle()).isEqualTo(1);
    }

    @Test
    void openingLogsTheSchemaAndWarnsAboutAnUnusualProductionSchema() {
        try (LogCapture log = LogCapture.of(Database.class)) {
            fixture.open(fixture.config(schema).build());
            assertThat(log.linesMentioning(schema.value())).containsExactly("INFO Using schema: " + schema.value());
        }
        try (LogCapture log = LogCapture.of(Database.class)) {
            fixture.open(fixture.config(schema).environment(Environment.PRODUCTION).build());
            assertThat(log.linesMentioning(schema.value())).hasSize(2)
                    .anySatisfy(line -> assertThat(line).startsWith("WARN PRODUCTION IS USING SCHEMA '" + schema.value()
                            + "', NOT 'attune'").contains(schema.notificationChannel()));
        }
    }

    @Test
    void theJooqSettingsNeverRenderASchema() {
        Settings settings = Database.jooqSettings();

        assertThat(settings.isRenderSchema()).isFalse();
        assertThat(settings.getRenderQuotedNames()).isEqualTo(RenderQuotedNames.EXPLICIT_DEFAULT_QUOTED);
        assertThat(settings.isExecuteLogging()).isFalse();
        Database database = fixture.open(fixture.config(schema).build());
        assertThat(database.dsl().settings().isRenderSchema()).isFalse();
        assertThat(database.dsl().dialect().family()).isEqualTo(org.jooq.SQLDialect.POSTGRES);
    }

    @Test
    void aClosedDatabaseRefusesItsPoolAndContextNamingTheSchema() {
        Database database = Database.open(fixture.config(schema).build());
        database.close();
        database.close();

        assertThatThrownBy(database::dsl).isInstanceOf(IllegalStateException.class)
                .hasMessage("Database for schema " + schema.value() + " is closed");
        assertThatThrownBy(database::dataSource).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
        assertThatThrownBy(() -> database.openDirectConnection("x", "y", "z"))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> database.directDataSource("x", "y", "z"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anUnreachableServerIsAnAttuneDbExceptionWithTheUrlRedactedAndTheRootCause() {
        DatabaseConfig config = fixture.config(schema)
                .url("jdbc:postgresql://127.0.0.1:1/attune?password=hunter2&connectTimeout=2")
                .build();

        assertThatThrownBy(() -> Database.open(config))
                .isInstanceOf(AttuneDbException.class)
                .isNotInstanceOf(SchemaBindingException.class)
                .hasMessageStartingWith("cannot open a connection pool to jdbc:postgresql://127.0.0.1:1/attune?password=****")
                .hasMessageContaining("for schema " + schema.value() + ": ConnectException: Connection refused")
                .hasMessageNotContaining("hunter2")
                .hasMessageNotContaining("PgBouncer")
                .hasCauseInstanceOf(RuntimeException.class);
    }

    @Test
    void aPoolerRejectingTheSchemaStartupParameterGetsAHintToUseTransactionMode() throws Exception {
        try (RefusingServer pooler = new RefusingServer("unsupported startup parameter: search_path")) {
            DatabaseConfig direct = fixture.config(schema).url(pooler.url()).build();
            DatabaseConfig transaction = fixture.config(schema).url(pooler.url()).pooler(PoolerMode.TRANSACTION).build();

            assertThatThrownBy(() -> Database.open(direct))
                    .isInstanceOf(AttuneDbException.class)
                    .hasMessageContaining("unsupported startup parameter")
                    .hasMessageEndingWith(". A connection pooler (PgBouncer) rejects the currentSchema startup parameter:"
                            + " set database.pooler: transaction, give the role its search path (scripts/attune"
                            + " role-statement prints the ALTER ROLE statement) and point database.direct_url at"
                            + " PostgreSQL itself for migrations");
            assertThatThrownBy(() -> Database.open(transaction))
                    .isInstanceOf(AttuneDbException.class)
                    .hasMessageContaining("unsupported startup parameter")
                    .hasMessageNotContaining("PgBouncer");
        }
        try (RefusingServer other = new RefusingServer("too many connections for role")) {
            assertThatThrownBy(() -> Database.open(fixture.config(schema).url(other.url()).build()))
                    .isInstanceOf(AttuneDbException.class)
                    .hasMessageEndingWith("too many connections for role");
        }
    }

    @Test
    void aConnectionWhoseRoleSearchPathIsNotTheSchemaIsRefusedAtOpen() throws SQLException {
        // Transaction-pooler mode takes the schema from the role's search_path; the test user's is not the schema.
        DatabaseConfig config = fixture.config(schema).pooler(PoolerMode.TRANSACTION).build();

        try (LogCapture log = LogCapture.of(Database.class)) {
            assertThatThrownBy(() -> Database.open(config))
                    .isExactlyInstanceOf(SchemaBindingException.class)
                    .hasMessageContaining("expected search_path '" + schema.value() + "'");
            assertThat(log.linesMentioning(schema.value()))
                    .anySatisfy(line -> assertThat(line).startsWith("INFO database.pooler is transaction: schema "
                            + schema.value()).endsWith(", which is not set, so they are refused"));
        }
    }

    @Test
    void withATransactionPoolerTheRoleBindsTheSchemaAndStatementsAreUnnamed() throws SQLException {
        String role = fixture.newRoleBoundTo(schema);
        fixture.execute("grant usage on schema " + schema.value() + " to " + role);
        Database database = fixture.open(fixture.config(schema).user(role).pooler(PoolerMode.TRANSACTION).build());

        try (Connection connection = database.dataSource().getConnection()) {
            assertThat(single(connection, "show search_path")).isEqualTo(schema.value());
            assertThat(connection.unwrap(PGConnection.class).getPrepareThreshold()).isZero();
        }
        assertThatThrownBy(() -> database.openDirectConnection("attune-listener", "listening to execution changes",
                "LISTEN"))
                .isInstanceOf(DirectConnectionRequiredException.class)
                .hasMessageContaining("listening to execution changes")
                .hasMessageContaining("LISTEN would not stay with this client");
    }

    @Test
    void aDirectConnectionUsesTheDirectUrlIsBoundAndTaggedAsAsked() throws SQLException {
        String role = fixture.newRoleBoundTo(schema);
        fixture.execute("grant usage on schema " + schema.value() + " to " + role);
        Database database;
        try (LogCapture log = LogCapture.of(Database.class)) {
            database = fixture.open(fixture.config(schema).user(role).pooler(PoolerMode.TRANSACTION)
                    .directUrl(fixture.url()).build());
            assertThat(log.linesMentioning("database.pooler is transaction: schema " + schema.value()))
                    .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                    .endsWith("migrations and LISTEN use database.direct_url");
        }

        try (Connection connection = database.openDirectConnection("attune-listener", "listening", "LISTEN")) {
            assertThat(single(connection, "show search_path")).isEqualTo(schema.value());
            assertThat(single(connection, "show application_name")).isEqualTo("attune-listener");
            assertThat(single(connection, "select current_user")).isEqualTo(role);
            // Not through the pooler's settings: a direct connection names prepared statements again.
            assertThat(connection.unwrap(PGConnection.class).getPrepareThreshold()).isPositive();
        }
    }

    @Test
    void theDirectDataSourceOpensUnpooledBoundConnectionsThroughTheDirectUrlAndIsRefusedWithoutOne() throws SQLException {
        String role = fixture.newRoleBoundTo(schema);
        fixture.execute("grant usage on schema " + schema.value() + " to " + role);
        DatabaseConfig.Builder pooled = fixture.config(schema).user(role).pooler(PoolerMode.TRANSACTION);
        Database database = fixture.open(pooled.directUrl(fixture.url()).build());

        DataSource direct = database.directDataSource("attune-migrator:x", "migrations", "SET ROLE");
        try (Connection first = direct.getConnection(); Connection second = direct.getConnection()) {
            assertThat(single(first, "select pg_backend_pid()")).isNotEqualTo(single(second, "select pg_backend_pid()"));
            assertThat(single(first, "show search_path")).isEqualTo(schema.value());
            assertThat(single(first, "show application_name")).isEqualTo("attune-migrator:x");
            assertThat(first.unwrap(PGConnection.class).getPrepareThreshold()).isPositive();
        }
        Database withoutDirectUrl = fixture.open(fixture.config(schema).user(role).pooler(PoolerMode.TRANSACTION).build());
        assertThatThrownBy(() -> withoutDirectUrl.directDataSource("attune-migrator:x", "migrations", "SET ROLE"))
                .isInstanceOf(DirectConnectionRequiredException.class)
                .hasMessageContaining("required for migrations")
                .hasMessageContaining("SET ROLE would not stay with this client");
    }

    @Test
    void aDirectConnectionThatCannotBeOpenedNamesItsPurposeAndTheRedactedUrl() {
        Database database = fixture.open(fixture.config(schema)
                .directUrl("jdbc:postgresql://127.0.0.1:1/attune?password=hunter2&connectTimeout=2").build());

        assertThatThrownBy(() -> database.openDirectConnection("attune-listener", "listening", "LISTEN"))
                .isInstanceOf(AttuneDbException.class)
                .hasMessageStartingWith("cannot open a direct connection for listening to jdbc:postgresql://127.0.0.1:1/"
                        + "attune?password=****")
                .hasMessageNotContaining("hunter2")
                .hasCauseInstanceOf(SQLException.class);
    }

    private static String single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            assertThat(result.next()).as("a row from %s", sql).isTrue();
            return result.getString(1);
        }
    }
}
