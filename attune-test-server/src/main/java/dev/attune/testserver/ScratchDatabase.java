package dev.attune.testserver;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Properties;
import org.postgresql.Driver;

/**
 * A database and a login role of their own on the test server, both named {@code attune_px_<16 hex digits>}, for tests
 * that need settings which reach beyond a schema (role settings, a pooler's target) without touching anything else:
 * role settings are made {@code IN DATABASE} this database, and {@link #close()} drops the database (forcing out its
 * sessions) and then the role.
 */
public final class ScratchDatabase implements AutoCloseable {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ServerConnections admin;
    private final Properties serverProperties;
    private final String name;
    private final String password;
    private boolean closed;

    private ScratchDatabase(TestDatabaseServer server) {
        this.admin = new ServerConnections(server);
        Properties parsed = Driver.parseURL(server.url(), new Properties());
        if (parsed == null) {
            throw new TestServerException("cannot parse the URL of " + server.description());
        }
        if (server.user() != null) {
            parsed.setProperty("user", server.user());
        }
        if (server.password() != null) {
            parsed.setProperty("password", server.password());
        }
        this.serverProperties = parsed;
        byte[] random = new byte[8];
        RANDOM.nextBytes(random);
        this.name = "attune_px_" + HexFormat.of().formatHex(random);
        RANDOM.nextBytes(random);
        this.password = HexFormat.of().formatHex(random);
    }

    /**
     * Creates the role (login, with a random password) and the database it owns.
     *
     * @param server the server to create them on
     * @return the database; close it to drop both
     */
    public static ScratchDatabase create(TestDatabaseServer server) {
        ScratchDatabase database = new ScratchDatabase(server);
        try (Connection connection = database.admin.open("attune-it-admin:" + database.name);
                Statement statement = connection.createStatement()) {
            statement.execute("create role " + database.name + " login password '" + database.password + "'");
            statement.execute("create database " + database.name + " owner " + database.name);
        } catch (SQLException e) {
            database.close();
            throw new TestServerException("cannot create scratch database " + database.name + ": " + e.getMessage(), e);
        }
        return database;
    }

    /** {@return the database's name, which is also the role's} */
    public String name() {
        return name;
    }

    /** {@return the login role that owns the database} */
    public String role() {
        return name;
    }

    /** {@return the role's password} */
    public String password() {
        return password;
    }

    /** {@return the server's host, as the test server's URL names it} */
    public String host() {
        return serverProperties.getProperty("PGHOST", "localhost").split(",")[0];
    }

    /** {@return the server's port} */
    public int port() {
        return Integer.parseInt(serverProperties.getProperty("PGPORT", "5432").split(",")[0]);
    }

    /** {@return {@code jdbc:postgresql://host:port/<name>}, without credentials} */
    public String url() {
        return "jdbc:postgresql://" + host() + ":" + port() + "/" + name;
    }

    /**
     * Runs {@code sql} as the test server's administrator, connected to this database.
     *
     * @param sql the statement(s)
     */
    public void executeAsAdmin(String sql) {
        try (Connection connection = openAsAdmin(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new TestServerException("in scratch database " + name + ": " + sql + ": " + e.getMessage(), e);
        }
    }

    /** {@return a plain connection to this database as the test server's administrator; the caller closes it} */
    public Connection openAsAdmin() {
        Properties properties = new Properties();
        for (String key : new String[] {"user", "password", "sslmode", "ssl"}) {
            if (serverProperties.getProperty(key) != null) {
                properties.setProperty(key, serverProperties.getProperty(key));
            }
        }
        properties.setProperty("ApplicationName", "attune-it-admin:" + name);
        try {
            return DriverManager.getConnection(url(), properties);
        } catch (SQLException e) {
            throw new TestServerException("cannot connect to scratch database " + name + ": " + e.getMessage(), e);
        }
    }

    /** Drops the database (ending its sessions) and the role. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try (Connection connection = admin.open("attune-it-admin:" + name);
                Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists " + name + " with (force)");
            statement.execute("drop role if exists " + name);
        } catch (SQLException e) {
            throw new TestServerException("cannot drop scratch database and role " + name + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "ScratchDatabase[" + name + "]";
    }
}
