package dev.attune.provisioning.internal;

import dev.attune.db.AttuneDbException;
import dev.attune.db.Database;
import dev.attune.db.SchemaName;
import dev.attune.migrations.Migrator;
import dev.attune.provisioning.TestServerConfigs;
import dev.attune.testserver.ServerConnections;
import dev.attune.testserver.TestDatabaseServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The template every replayed schema must match: a schema migrated with Flyway — the production path — and its catalog
 * fingerprint.
 *
 * <p>It is shared across runs: kept in the test database as {@code test_tpl_<key>} (see {@link TemplateKey}) with a
 * marker recording its fingerprint's digest. A run that finds it ready does no Flyway work; it takes a shared lock
 * for its whole life (so no janitor drops the template under it) and checks the template's fingerprint against the
 * marker before the first replay is compared with it. A run that does not find it builds it, holding the build lock so
 * that concurrent runs build it once. A template someone altered is not repaired (other runs may be using it): the run
 * falls back to a template of its own, {@code test_<run>_0}, dropped at its end.
 */
public final class TemplateSchema implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TemplateSchema.class);

    private final TestDatabaseServer server;
    private final ServerConnections connections;
    private final SchemaName name;
    private final String expectedDigest;
    private final boolean shared;
    private final boolean built;
    private final String runId;
    private volatile CatalogFingerprint fingerprint;
    private volatile TemplateSchema fallback;

    private TemplateSchema(TestDatabaseServer server, ServerConnections connections, SchemaName name,
            String expectedDigest, CatalogFingerprint fingerprint, boolean shared, boolean built, String runId) {
        this.server = server;
        this.connections = connections;
        this.name = name;
        this.expectedDigest = expectedDigest;
        this.fingerprint = fingerprint;
        this.shared = shared;
        this.built = built;
        this.runId = runId;
    }

    /**
     * The shared template of {@code key}: found ready, or built now. The run's {@code lease} holds a shared lock on it
     * from here on.
     *
     * @param server      the test server
     * @param connections administrative connections to it
     * @param admin       the connection the template is looked up and built on
     * @param lease       the run's lease, which holds the template's use lock
     * @param key         the key of the current migrations on this server
     * @return the template
     * @throws SQLException when it can be neither found nor built
     */
    public static TemplateSchema shared(TestDatabaseServer server, ServerConnections connections, Connection admin,
            RunLease lease, TemplateKey key) throws SQLException {
        lease.holdShared(TemplateKey.USE_LOCK, key.lockKey());
        SchemaName name = key.templateName();
        String digest = key.readyFingerprint(comment(admin, name));
        if (digest != null) {
            return new TemplateSchema(server, connections, name, digest, null, true, false, lease.runId());
        }
        try (PreparedStatement lock = admin.prepareStatement("select pg_advisory_lock(?, ?)")) {
            lock.setInt(1, TemplateKey.BUILD_LOCK);
            lock.setInt(2, key.lockKey());
            lock.execute();
        }
        try {
            digest = key.readyFingerprint(comment(admin, name)); // built by another run while we waited?
            if (digest != null) {
                return new TemplateSchema(server, connections, name, digest, null, true, false, lease.runId());
            }
            // A template left half-built by a run that died: nobody uses it (only ready templates are used).
            MigrationReplayer.dropSchema(admin, name);
            CatalogFingerprint built = migrate(server, admin, name, key.templateMarker("building", "-"),
                    "attune-test-template:" + lease.runId());
            try (Statement statement = admin.createStatement()) {
                statement.execute(TestSchemaNames.commentStatement(name, key.templateMarker("ready", built.digest())));
            }
            LOG.info("Built the shared template {} for the current migrations ({})", name, built);
            return new TemplateSchema(server, connections, name, built.digest(), built, true, true, lease.runId());
        } finally {
            try (PreparedStatement unlock = admin.prepareStatement("select pg_advisory_unlock(?, ?)")) {
                unlock.setInt(1, TemplateKey.BUILD_LOCK);
                unlock.setInt(2, key.lockKey());
                unlock.execute();
            }
        }
    }

    /**
     * A template of this run only, {@code test_<run>_0}, dropped when the run ends.
     *
     * @param server      the test server
     * @param connections administrative connections to it
     * @param admin       the connection the template is built on
     * @param runId       the run it belongs to
     * @return the template
     * @throws SQLException when it cannot be built
     */
    public static TemplateSchema ofRun(TestDatabaseServer server, ServerConnections connections, Connection admin,
            String runId) throws SQLException {
        SchemaName name = TestSchemaNames.schema(runId, 0);
        CatalogFingerprint fingerprint = migrate(server, admin, name, TestSchemaNames.marker(runId, "<template>"),
                "attune-test-template:" + runId);
        return new TemplateSchema(server, connections, name, fingerprint.digest(), fingerprint, false, true, runId);
    }

    private static CatalogFingerprint migrate(TestDatabaseServer server, Connection admin, SchemaName name,
            String marker, String applicationName) throws SQLException {
        try {
            try (Statement statement = admin.createStatement()) {
                statement.execute("create schema " + name.value());
                statement.execute(TestSchemaNames.commentStatement(name, marker));
            }
            try (Database database = Database.open(TestServerConfigs.forSchema(server, name, 2), applicationName)) {
                new Migrator(database).migrate();
            }
            return CatalogFingerprint.of(admin, name.value());
        } catch (SQLException | RuntimeException e) {
            MigrationReplayer.dropSchema(admin, name);
            throw e;
        }
    }

    private static String comment(Connection admin, SchemaName name) throws SQLException {
        try (PreparedStatement statement = admin.prepareStatement(
                "select obj_description(oid, 'pg_namespace') from pg_catalog.pg_namespace where nspname = ?")) {
            statement.setString(1, name.value());
            try (ResultSet result = statement.executeQuery()) {
                return result.next() ? result.getString(1) : null;
            }
        }
    }

    /** {@return the template's name (of the fallback, once a shared template failed its check)} */
    public SchemaName name() {
        TemplateSchema own = fallback;
        return own != null ? own.name() : name;
    }

    /** {@return whether this run built the template (rather than finding it ready)} */
    public boolean built() {
        return built;
    }

    /**
     * The template's catalog fingerprint, verified against its marker on first use; a shared template that no longer
     * matches is replaced by a template of this run.
     *
     * @return the fingerprint of the template in use
     */
    public CatalogFingerprint fingerprint() {
        TemplateSchema own = fallback;
        if (own != null) {
            return own.fingerprint();
        }
        CatalogFingerprint known = fingerprint;
        if (known != null) {
            return known;
        }
        synchronized (this) {
            if (fingerprint == null && fallback == null) {
                try (Connection admin = connections.open("attune-test-admin:" + runId)) {
                    CatalogFingerprint found = CatalogFingerprint.of(admin, name.value());
                    if (found.digest().equals(expectedDigest)) {
                        fingerprint = found;
                    } else {
                        LOG.warn("The shared template {} was changed since it was built ({} lines now); this run uses a"
                                + " template of its own. Drop {} to have it rebuilt.", name, found.lines().size(), name);
                        fallback = ofRun(server, connections, admin, runId);
                    }
                } catch (SQLException e) {
                    throw new AttuneDbException("fingerprinting the template " + name + " failed: " + e.getMessage(), e);
                }
            }
            return fallback != null ? fallback.fingerprint() : fingerprint;
        }
    }

    /** Drops the template if it is this run's own; a shared one stays for later runs. */
    @Override
    public void close() {
        TemplateSchema own = fallback;
        if (own != null) {
            own.close();
        }
        if (!shared) {
            PooledSchema.dropQuietly(connections, name);
        }
    }
}
