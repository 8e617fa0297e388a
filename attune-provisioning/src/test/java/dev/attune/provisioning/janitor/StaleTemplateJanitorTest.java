package dev.attune.provisioning.janitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attune.provisioning.internal.RunLease;
import dev.attune.provisioning.internal.TemplateKey;
import dev.attune.testserver.ServerConnections;
import dev.attune.testserver.TestDatabaseServer;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * The janitor and template schemas of other migrations ({@code test_tpl_<key>}, {@code test_spare_<key>_<run>_<n>}):
 * dropped once no run holds their key, kept while one does. The keys here are random, so they are stale to every run;
 * they are held by a lease of the test until the test's own janitor is to drop them. {@link JanitorLock}: one janitor
 * test of this JVM at a time.
 */
@ResourceLock(JanitorLock.NAME)
class StaleTemplateJanitorTest {

    private static final ServerConnections CONNECTIONS = new ServerConnections(TestDatabaseServer.get());
    private final List<String> created = new ArrayList<>();

    @AfterEach
    void dropWhatTheTestCreated() throws SQLException {
        for (String schema : created) {
            execute("drop schema if exists " + schema + " cascade");
        }
    }

    @Test
    void staleTemplatesAreKeptWhileARunUsesTheirKeyAndDroppedAfter() throws SQLException, InterruptedException {
        TemplateKey key = randomKey();
        Janitor janitor = new Janitor(CONNECTIONS);
        String template;
        String spare;
        try (RunLease run = RunLease.acquire(CONNECTIONS)) {
            // While the key is held no janitor drops these, this test's nor a concurrent run's.
            run.holdShared(TemplateKey.USE_LOCK, key.lockKey());
            template = create(key.templateName().value());
            spare = create(key.spareName("0a1b2c3d", 3).value());

            List<String> dryProgress = new ArrayList<>();
            CleanupReport dryRun = janitor.clean(true, dryProgress::add);
            assertThat(dryRun.stale()).contains(template, spare);
            assertThat(dryRun.shared()).doesNotContain(template, spare);
            assertThat(dryRun.leaked()).doesNotContain(template, spare);
            assertThat(dryRun.unmarked()).doesNotContain(template, spare);
            assertThat(dryRun.dropped()).isEmpty();
            assertThat(dryRun.hasWork()).isTrue();

            List<String> progress = new ArrayList<>();
            CleanupReport kept = janitor.clean(false, progress::add);
            assertThat(kept.stale()).contains(template, spare);
            assertThat(kept.dropped()).doesNotContain(template, spare);
            // In name order, as the survey lists them.
            assertThat(progress).contains("kept stale template schemas in use by a run: [" + spare + ", " + template + "]");
            assertThat(CONNECTIONS.schemaExists(template)).isTrue();
            assertThat(CONNECTIONS.schemaExists(spare)).isTrue();
        }

        // Once the key is free every janitor may drop them: this one, or a concurrent run's (each run's start cleans),
        // which may hold the key's lock while it drops them, so that this janitor keeps them for now. So clean until
        // both are gone; whatever this janitor reports dropped, it said so and it is gone.
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (CONNECTIONS.schemaExists(template) || CONNECTIONS.schemaExists(spare)) {
            assertThat(System.nanoTime()).as("stale schemas dropped within 30 s of their key's release").isLessThan(deadline);
            List<String> progress = new ArrayList<>();
            CleanupReport cleaned = janitor.clean(false, progress::add);
            for (String schema : cleaned.dropped()) {
                assertThat(progress).contains("dropped stale " + schema);
                assertThat(CONNECTIONS.schemaExists(schema)).as(schema).isFalse();
            }
            Thread.sleep(20); // only when a concurrent janitor was dropping them: give it a moment
        }
    }

    @Test
    void theSurveyOfTheConnectionlessApiMatchesCleanOnAConnection() throws SQLException {
        TemplateKey key = randomKey();
        try (RunLease run = RunLease.acquire(CONNECTIONS)) {
            run.holdShared(TemplateKey.USE_LOCK, key.lockKey());
            String template = create(key.templateName().value());

            CleanupReport survey = new Janitor(CONNECTIONS).survey();
            assertThat(survey.stale()).contains(template);
            assertThat(survey.dropped()).isEmpty();
            try (Connection connection = CONNECTIONS.open("attune-janitor-test")) {
                assertThat(new Janitor(CONNECTIONS).clean(connection, true, line -> { }).stale()).contains(template);
                assertThat(connection.isClosed()).as("the caller's connection stays open").isFalse();
            }
            assertThat(CONNECTIONS.schemaExists(template)).isTrue();
        }
    }

    private String create(String schema) throws SQLException {
        execute("create schema " + schema);
        created.add(schema);
        return schema;
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = CONNECTIONS.open("attune-janitor-test"); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static TemplateKey randomKey() {
        byte[] bytes = new byte[8];
        new SecureRandom().nextBytes(bytes);
        return new TemplateKey(HexFormat.of().formatHex(bytes));
    }
}
