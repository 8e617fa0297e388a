package dev.attune.testserver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A freshly initialised, stopped PostgreSQL data directory kept per binaries version in
 * {@code ${java.io.tmpdir}/attune-embedded-pg-templates}, copied into each new server's data directory.
 *
 * <p>Why: {@code initdb} ends by syncing every file to disk, which on a busy machine took 11-40 s here, while copying
 * the template (no sync) takes a fraction of a second. A data directory can be reused by any server of the same
 * binaries; the template is keyed by the URL of the binaries' archive (its jar name carries the version).
 */
final class DataDirectoryTemplate {

    /** Files of a running or locked server that never belong in a copy. */
    private static final Set<String> TRANSIENT_FILES = Set.of("epg-lock", "postmaster.pid", "postmaster.opts");

    private final Path directory;

    private DataDirectoryTemplate(Path directory) {
        this.directory = directory;
    }

    /** The template for the binaries on the classpath, or empty when their archive cannot be identified. */
    static Optional<DataDirectoryTemplate> forClasspathBinaries() {
        return binariesArchive().map(url -> new DataDirectoryTemplate(Path.of(System.getProperty("java.io.tmpdir"),
                "attune-embedded-pg-templates", key(url))));
    }

    /** Whether the template has been made. */
    boolean exists() {
        return Files.isRegularFile(directory.resolve("postgresql.conf"));
    }

    /**
     * Makes the template: {@code initialise} must initialise, start and stop a server in the directory it is given.
     * Safe when several JVMs do it at once: each works in its own folder and the first to finish publishes it.
     */
    void create(Consumer<Path> initialise) {
        Path work = directory.resolveSibling(directory.getFileName() + ".tmp-" + UUID.randomUUID());
        try {
            Files.createDirectories(directory.getParent());
            initialise.accept(work);
            Files.move(work, directory, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (!exists()) { // otherwise another JVM published the same template first: use it
                throw new UncheckedIOException("creating the PostgreSQL data directory template " + directory
                        + " failed: " + e, e);
            }
        } finally {
            deleteRecursively(work);
        }
        if (!exists()) { // e.g. the move failed because the target is a non-empty folder left by a crash
            throw new UncheckedIOException(new IOException("no PostgreSQL data directory template at " + directory
                    + "; delete that folder and retry"));
        }
    }

    /** Copies the template into {@code target} (which must not exist), keeping the permissions PostgreSQL demands. */
    void copyTo(Path target) {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path source : (Iterable<Path>) paths::iterator) {
                if (TRANSIENT_FILES.contains(source.getFileName().toString())) {
                    continue;
                }
                Files.copy(source, target.resolve(directory.relativize(source).toString()),
                        StandardCopyOption.COPY_ATTRIBUTES);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("copying the PostgreSQL data directory template " + directory + " to " + target
                    + " failed", e);
        }
    }

    /** Deletes {@code root} and everything in it, if it exists. */
    static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("deleting " + root + " failed", e);
        }
    }

    /** The archive Zonky unpacks on this platform ({@code postgres-<os>-<arch>.txz}), as Zonky names it. */
    private static Optional<URL> binariesArchive() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String system = os.startsWith("linux") ? "linux" : os.startsWith("mac") ? "darwin"
                : os.startsWith("windows") ? "windows" : null;
        String arch = switch (System.getProperty("os.arch", "").toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "arm_64";
            default -> null;
        };
        if (system == null || arch == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(DataDirectoryTemplate.class.getClassLoader()
                .getResource("postgres-" + system + "-" + arch + ".txz"));
    }

    private static String key(URL archive) {
        String path = archive.getPath();
        String jar = path.contains("!") ? path.substring(0, path.indexOf('!')) : path;
        String name = jar.substring(jar.lastIndexOf('/') + 1).replaceAll("\\.jar$", "").replaceAll("[^A-Za-z0-9._-]", "_");
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(archive.toString().getBytes(StandardCharsets.UTF_8));
            return name + "-" + HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
