package dev.attune.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attune.provisioning.janitor.CleanupReport;
import dev.attune.provisioning.janitor.Janitor;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A test run killed with SIGKILL (what {@code kill -9} sends) in the middle leaves its schemas behind; the janitor of the
 * next run removes exactly those.
 */
class KilledRunTest {

    @Test
    void theSchemasOfAKilledRunAreRemovedByTheNextJanitorAndNothingElse() throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LeasingRun.class.getName())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        List<String> leased = new ArrayList<>();
        String runId;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            runId = protocolLine(out, "RUN ");
            for (int i = 0; i < LeasingRun.LEASES; i++) {
                leased.add(protocolLine(out, "SCHEMA "));
            }
            assertThat(runId).as("child run id").matches("[0-9a-f]{8}");
            List<String> before = TestSchemaQueries.schemasLike("test\\_" + runId + "\\_%");
            assertThat(before).containsAll(leased);

            child.destroyForcibly(); // SIGKILL: no shutdown hook, no JUnit store, nothing of the run gets to clean up
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();

            // Other test classes of this JVM start runs (and janitors) concurrently and may drop some of them first:
            // every schema of the killed run is either reported as leaked or already gone, none is "alive".
            CleanupReport report = waitUntilLeakedOrGone(before);
            assertThat(report.alive()).doesNotContainAnyElementsOf(before);
            new Janitor(TestSchemaQueries.connections()).clean(false, line -> { });

            assertThat(TestSchemaQueries.schemasLike("test\\_" + runId + "\\_%")).isEmpty();
            assertThat(TestSchemaQueries.schemaExists("public")).isTrue();
        } finally {
            child.destroyForcibly();
        }
    }

    /** The next line of the child's output that starts with {@code prefix} (its log lines go to the same stream). */
    private static String protocolLine(BufferedReader out, String prefix) throws java.io.IOException {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith(prefix)) {
                return line.substring(prefix.length());
            }
        }
        throw new AssertionError("the child process ended before printing '" + prefix + "...'");
    }

    /** The server notices the dead client's closed sockets within moments; wait until its lease is released. */
    private static CleanupReport waitUntilLeakedOrGone(List<String> schemas) throws InterruptedException {
        CleanupReport report = null;
        for (int attempt = 0; attempt < 100; attempt++) {
            report = new Janitor(TestSchemaQueries.connections()).survey();
            if (report.alive().stream().noneMatch(schemas::contains)) {
                return report;
            }
            Thread.sleep(100);
        }
        return report;
    }

    /** The child process: starts a run, leases schemas, prints their names, then waits to be killed. */
    public static final class LeasingRun {
        static final int LEASES = 3;

        public static void main(String[] args) throws Exception {
            TestSchemaProvisioner provisioner = TestSchemaProvisioner.start();
            System.out.println("RUN " + provisioner.runId());
            for (int i = 0; i < LEASES; i++) {
                System.out.println("SCHEMA " + provisioner.lease("killed run " + i).name().value());
            }
            System.out.flush();
            Thread.sleep(TimeUnit.MINUTES.toMillis(5));
        }
    }
}
