package dev.attune.testsupport.server;

import dev.attune.db.AttuneDbException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Opens plain (unpooled) administrative connections to the test server, for work that is not bound to one schema:
 * creating and dropping schemas, reading the catalog, holding the run's lease.
 */
public final class ServerConnections {

    private final TestDatabaseServer server;

    public ServerConnections(TestDatabaseServer server) {
        this.server = server;
    }

    /** A new connection tagged {@code applicationName}; the caller closes it. */
    public Connection open(String applicationName) {
        Properties properties = new Properties();
        if (server.user() != null) {
            properties.setProperty("user", server.user());
        }
        if (server.password() != null) {
            properties.setProperty("password", server.password());
        }
        properties.setProperty("ApplicationName", applicationName);
        try {
            return DriverManager.getConnection(server.url(), properties);
        } catch (SQLException e) {
            throw new AttuneDbException("cannot connect to the test database (" + server.description() + "): "
                    + e.getMessage(), e);
        }
    }

    /** The server these connections go to. */
    public TestDatabaseServer server() {
        return server;
    }
}
