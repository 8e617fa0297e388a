package dev.attune.provisioning.janitor;

import dev.attune.provisioning.internal.RunLease;
import dev.attune.testserver.ServerConnections;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/** What the schema and the database janitor do alike: their own connection, and dropping what a survey found leaked. */
final class Sweep {

    /** Drops one leaked schema or database. */
    @FunctionalInterface
    interface Drop {
        void drop(Connection connection, String name) throws SQLException;
    }

    /** One schema or database a survey found. */
    @FunctionalInterface
    interface Found {
        void accept(String name, String comment, ResultSet row) throws SQLException;
    }

    private Sweep() {
    }

    /**
     * Calls {@code found} for each row of {@code query}, whose one parameter is {@code likePattern} and whose first two
     * columns are the name and the comment of a schema or database ({@code row} holds any further column).
     */
    static void eachMatch(Connection connection, String query, String likePattern, Found found) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, likePattern);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    found.accept(result.getString(1), result.getString(2), result);
                }
            }
        }
    }

    /** {@code work} on a connection of its own tagged {@code applicationName}; {@code what} names it in a failure. */
    static <T> T onConnection(ServerConnections connections, String applicationName, String what,
            RunLease.Work<T> work) {
        try (Connection connection = connections.open(applicationName)) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new JanitorException(what + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Drops each of {@code leaked} whose run is still dead when asked again right before (the run might have been
     * resumed under the same id: practically never), reporting each step to {@code progress} with {@code kind} (e.g.
     * {@code "database "}) before the name. One that cannot be dropped (another owner, a lock, a session still
     * connected) is reported and left: it must not stop the others or the test run.
     *
     * @return the names dropped
     */
    static List<String> dropLeaked(Connection connection, List<String> leaked, String kind,
            Function<String, Optional<String>> runIdOf, Janitor.RunLiveness liveness, Drop drop,
            Consumer<String> progress) {
        List<String> dropped = new ArrayList<>();
        int position = 0;
        for (String name : leaked) {
            position++;
            try {
                Optional<String> runId = runIdOf.apply(name);
                if (runId.isEmpty() || liveness.isAlive(connection, runId.get())) {
                    continue;
                }
                drop.drop(connection, name);
                dropped.add(name);
                progress.accept("dropped " + kind + name + " (" + position + "/" + leaked.size() + ")");
            } catch (SQLException e) {
                progress.accept("could not drop " + kind + name + ": " + e.getMessage());
            }
        }
        return dropped;
    }
}
