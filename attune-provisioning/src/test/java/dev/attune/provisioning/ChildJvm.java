package dev.attune.provisioning;

import dev.attune.testserver.TestDatabaseServer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Starts the JVMs that tests use as separate processes, and lets such a JVM follow its parent.
 *
 * <p>A child never resolves a test server of its own: it receives the parent's resolved server as system properties
 * (credentials in the URL), and the environment variable is removed so that nothing else can be picked up. A child
 * calls {@link #awaitParentDeath} and ends itself once its parent is gone, so that killing a test JVM cannot leave
 * an orphan holding a run lease and connections.
 */
final class ChildJvm {

    /** How often a child checks that its parent still lives. */
    private static final long PARENT_POLL_MILLIS = 100;

    private ChildJvm() {
    }

    /** The resolved test server of this (parent) JVM as one JDBC URL that carries its credentials. */
    static String resolvedServerUrl() {
        return TestDatabaseServer.get().urlWithCredentials();
    }

    /**
     * Starts {@code main} in a new JVM with this JVM's class path, the server {@code serverUrl}, and this JVM's pid as
     * the first argument (its parent to follow) before {@code args}. Standard output is a pipe to the caller; standard
     * error is discarded.
     */
    static Process start(String serverUrl, Class<?> main, String... args) throws IOException {
        return start(ProcessBuilder.Redirect.PIPE, serverUrl, main, args);
    }

    /** As {@link #start}, but the child writes to this JVM's standard output instead of a pipe to it. */
    static Process startSharingOutput(String serverUrl, Class<?> main, String... args) throws IOException {
        return start(ProcessBuilder.Redirect.INHERIT, serverUrl, main, args);
    }

    private static Process start(ProcessBuilder.Redirect output, String serverUrl, Class<?> main, String... args)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-D" + TestDatabaseServer.URL_PROPERTY + "=" + serverUrl,
                "-Dattune.test.database=url",
                main.getName(),
                Long.toString(ProcessHandle.current().pid())));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(output)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().remove(TestDatabaseServer.URL_VARIABLE);
        return builder.start();
    }

    /** The parent whose pid {@code start} passed as the first argument (empty when it is already gone). */
    static Optional<ProcessHandle> parent(String[] args) {
        return ProcessHandle.of(Long.parseLong(args[0]));
    }

    /** Returns once {@code parent} has ended (at once when it is empty), checking every 100 ms. */
    static void awaitParentDeath(Optional<ProcessHandle> parent) throws InterruptedException {
        // The handle remembers the process's start time, so a recycled pid does not count as the parent.
        while (parent.isPresent() && parent.get().isAlive()) {
            Thread.sleep(PARENT_POLL_MILLIS);
        }
    }
}
