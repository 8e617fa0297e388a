package dev.attune.testserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrphanedServersTest {

    /**
     * Started in a child JVM: starts a server in the folder {@code args[0]}, prints its port, then waits to be killed —
     * or for its parent to die, so that a killed test JVM leaves no child behind.
     */
    static final class ServerThatGetsKilled {
        public static void main(String[] args) throws InterruptedException {
            EmbeddedPostgresServer server = EmbeddedPostgresServer.start(Path.of(args[0]));
            System.out.println("PORT " + server.port());
            System.out.flush();
            ProcessHandle parent = ProcessHandle.current().parent().orElse(null);
            while (parent != null && parent.isAlive()) {
                Thread.sleep(100);
            }
        }
    }

    @Test
    void theServerOfAKilledJvmIsStoppedAndDeletedByTheNextStartInTheSameFolder(@TempDir Path parent) throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ServerThatGetsKilled.class.getName(), parent.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            String portLine;
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                portLine = out.lines().filter(line -> line.startsWith("PORT ")).findFirst().orElseThrow();
            }
            List<Path> orphans;
            try (var children = Files.list(parent)) {
                orphans = children.filter(Files::isDirectory).toList();
            }
            assertThat(orphans).hasSize(1);
            long postmaster = Long.parseLong(Files.readAllLines(orphans.get(0).resolve("postmaster.pid")).get(0).trim());

            child.destroyForcibly(); // SIGKILL: the child's shutdown hook never runs, its postgres keeps running
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive)).as(portLine).contains(true);

            try (EmbeddedPostgresServer next = EmbeddedPostgresServer.start(parent)) {
                assertThat(orphans.get(0)).doesNotExist();
                assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive).orElse(false)).isFalse();
                assertThat(next.port()).isPositive();
            }
        } finally {
            child.destroyForcibly();
        }
    }
}
