package dev.attune.testserver;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Opens plain (unpooled) administrative connections to a server, for work that is not bound to one schema: creating and
 * dropping schemas, reading the catalog, holding a run's lease.
 */
public final class ServerConnections {

    private final String url;
    private final String user;
    private final String password;
    private final String description;

    private ServerConnections(String url, String user, String password, String description) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.description = description;
    }

    /**
     * Connections to the test server.
     *
     * @param server the server
     */
    public ServerConnections(TestDatabaseServer server) {
        this(server.url(), server.user(), server.password(), server.description());
    }

    /**
     * Connections to the server at {@code url}; {@code user} and {@code password} may be null when the URL carries them.
     * {@code description} names the server in error messages (never the URL, which may carry a password).
     *
     * @param url         the pgjdbc URL
     * @param user        the user, or null when the URL carries it
     * @param password    the password, or null
     * @param description the server's name in messages
     * @return the connections
     */
    public static ServerConnections of(String url, String user, String password, String description) {
        return new ServerConnections(url, user, password, description);
    }

    /**
     * A new connection tagged {@code applicationName}; the caller closes it.
     *
     * @param applicationName what the connection reports to the server
     * @return the connection
     */
    public Connection open(String applicationName) {
        Properties properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("ApplicationName", applicationName);
        properties.setProperty("assumeMinServerVersion", "9.0"); // application name in the startup packet

        try {
            return DriverManager.getConnection(url, properties);
        } catch (SQLException e) {
            throw new TestServerException("cannot connect to " + description + ": " + e.getMessage(), e);
        }
    }

    /**
     * The names of the schemas matching the SQL {@code LIKE} pattern {@code likePattern}, sorted.
     *
     * @param likePattern the pattern
     * @return the names
     */
    public List<String> schemaNames(String likePattern) {
        try (Connection connection = open("attune-test-catalog");
                PreparedStatement statement = connection.prepareStatement(
                        "select nspname from pg_catalog.pg_namespace where nspname like ? order by nspname")) {
            statement.setString(1, likePattern);
            List<String> names = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    names.add(result.getString(1));
                }
            }
            return names;
        } catch (SQLException e) {
            throw new TestServerException("listing schemas like '" + likePattern + "' failed: " + e.getMessage(), e);
        }
    }

    /**
     * Whether a schema named exactly {@code name} exists (for tests asserting that a schema was dropped).
     *
     * @param name the schema name
     * @return true when it exists
     */
    public boolean schemaExists(String name) {
        return schemaNames(name.replace("\\", "\\\\").replace("_", "\\_").replace("%", "\\%")).contains(name);
    }
}
