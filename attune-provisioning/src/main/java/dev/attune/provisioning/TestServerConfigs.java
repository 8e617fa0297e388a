package dev.attune.provisioning;

import dev.attune.db.DatabaseConfig;
import dev.attune.db.Environment;
import dev.attune.db.SchemaName;
import dev.attune.testserver.TestDatabaseServer;

/** Database configurations that bind a pool to one schema of the test server. */
public final class TestServerConfigs {

    private TestServerConfigs() {
    }

    /**
     * A configuration for {@code schema} on {@code server}, in the {@code test} environment.
     *
     * @param server         the test server
     * @param schema         the schema every connection is bound to
     * @param maxConnections the pool size
     * @return the validated configuration
     */
    public static DatabaseConfig forSchema(TestDatabaseServer server, SchemaName schema, int maxConnections) {
        return DatabaseConfig.builder()
                .environment(Environment.TEST)
                .url(server.url())
                .user(server.user())
                .password(server.password())
                .schema(schema.value())
                .maxConnections(maxConnections)
                .build();
    }
}
