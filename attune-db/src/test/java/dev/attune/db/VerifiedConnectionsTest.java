package dev.attune.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** The connections the library opens ({@link ConnectionSources}, {@link VerifiedDataSource}, {@link SchemaBinding}) on the test server. */
class VerifiedConnectionsTest {

    private ServerFixture fixture;
    private SchemaName schema;

    @BeforeEach
    void createSchema() throws SQLException {
        fixture = new ServerFixture();
        schema = fixture.newSchema();
        fixture.execute("create schema " + schema.value());
    }

    @AfterEach
    void dropEverything() throws SQLException {
        fixture.close();
    }

    @Test
    void theApplicationNameIsAStartupParameterThatResetAllKeeps() throws SQLException {
        DataSource source = ConnectionSources.direct(fixture.config(schema).build(), "attune-reset-check", "a check", "-");

        try (Connection connection = source.getConnection()) {
            execute(connection, "set application_name = 'changed'");
            execute(connection, "reset all");
            assertThat(single(connection, "show application_name")).isEqualTo("attune-reset-check");
        }
    }

    @Test
    void aUserGivenOnlyInTheUrlIsKept() throws SQLException {
        String role = fixture.newRoleBoundTo(schema);
        String base = fixture.url().contains("?") ? fixture.url().substring(0, fixture.url().indexOf('?')) : fixture.url();
        String url = base + "?user=" + role;
        DataSource source = ConnectionSources.direct(fixture.config(schema).url(url).user(null).build(), "x", "a check",
                "-");

        try (Connection connection = source.getConnection()) {
            assertThat(single(connection, "select current_user")).isEqualTo(role);
        }
    }

    @Test
    void theVerifiedSourceDelegatesItsSettingsAndUnwrapsToItselfOrThePgjdbcSource() throws SQLException {
        DataSource source = ConnectionSources.direct(fixture.config(schema).build(), "x", "a check", "-");
        StringWriter log = new StringWriter();
        PrintWriter writer = new PrintWriter(log);

        source.setLoginTimeout(7);
        assertThat(source.getLoginTimeout()).isEqualTo(7);
        source.setLogWriter(writer); // pgjdbc ignores log writers: nothing to read back
        assertThat(source.getLogWriter()).isNull();
        assertThat(source.getParentLogger()).isNotNull();
        assertThat(source.unwrap(VerifiedDataSource.class)).isSameAs(source);
        assertThat(source.unwrap(PGSimpleDataSource.class)).isInstanceOf(PGSimpleDataSource.class);
        assertThat(source.isWrapperFor(VerifiedDataSource.class)).isTrue();
        assertThat(source.isWrapperFor(PGSimpleDataSource.class)).isTrue();
        assertThat(source.isWrapperFor(String.class)).isFalse();
    }

    @Test
    void connectionsWithExplicitCredentialsAreCheckedToo() throws SQLException {
        String role = fixture.newRoleBoundTo(schema);
        DataSource source = ConnectionSources.direct(fixture.config(schema).build(), "x", "a check", "-");

        try (Connection connection = source.getConnection(role, null)) {
            assertThat(single(connection, "select current_user")).isEqualTo(role);
            assertThat(single(connection, "show search_path")).isEqualTo(schema.value());
        }
    }

    @Test
    void aRefusedConnectionIsClosedAndTheMessageExplainsTheStartupParameter() throws Exception {
        DatabaseConfig config = fixture.config(schema).build();
        try (Connection admin = fixture.admin()) {
            execute(admin, "set search_path = it_no_such_schema_here");

            assertThatThrownBy(() -> SchemaBinding.STARTUP_PARAMETER.verify(admin, config, "the service pool"))
                    .isInstanceOfSatisfying(SchemaBindingException.class, e -> {
                        assertThat(e.expected()).isEqualTo(schema.value());
                        assertThat(e.actual()).isEqualTo("it_no_such_schema_here");
                        assertThat(e.getMessage()).startsWith("refusing a connection for the service pool: it is bound"
                                        + " to the wrong schema: expected search_path '" + schema.value() + "', got"
                                        + " 'it_no_such_schema_here' (current_schema() = none) for user ")
                                .contains("The currentSchema startup parameter did not take effect")
                                .contains("ALTER ROLE ");
                    });
            assertThatThrownBy(() -> SchemaBinding.ROLE_SETTING.verify(admin, config, "the service pool"))
                    .isInstanceOfSatisfying(SchemaBindingException.class, e -> assertThat(e.getMessage())
                            .contains("With database.pooler: transaction the schema comes from the role's search_path")
                            .endsWith("since open server connections keep their old search_path."));

            execute(admin, "set search_path = " + schema.value());
            SchemaBinding.STARTUP_PARAMETER.verify(admin, config, "the service pool");
            execute(admin, "set search_path = it_missing_" + schema.value().substring(3));
            SchemaBinding.STARTUP_PARAMETER.verify(admin, fixture.config(SchemaName.of("it_missing_"
                    + schema.value().substring(3))).build(), "a schema not created yet");
        }

        // A pooled connection refused by the check is closed, not leaked: its backend goes away.
        String tag = "attune-refused-" + schema.value();
        DataSource refused = ConnectionSources.pooled(fixture.config(schema).pooler(PoolerMode.TRANSACTION).build(), tag);
        assertThatThrownBy(refused::getConnection).isInstanceOf(SchemaBindingException.class);
        long deadline = System.nanoTime() + 10_000_000_000L;
        String backends;
        do {
            backends = fixture.single("select count(*) from pg_catalog.pg_stat_activity where application_name = '"
                    + tag + "'");
        } while (!backends.equals("0") && System.nanoTime() < deadline && sleep());
        assertThat(backends).isEqualTo("0");
    }

    private static boolean sleep() throws InterruptedException {
        Thread.sleep(50);
        return true;
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
