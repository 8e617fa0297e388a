package dev.attune.testserver;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops and deletes the embedded servers of JVMs that were killed ({@code kill -9}, a CI timeout): their shutdown hook
 * never ran, so their postgres kept running. A live server's JVM holds a lock on {@code epg-lock} in its data directory
 * (Zonky takes it at start); a data directory whose lock can be taken belongs to no running JVM.
 */
final class OrphanedServers {

    private static final Logger LOG = LoggerFactory.getLogger(OrphanedServers.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);

    private OrphanedServers() {
    }

    /** Stops the orphaned servers whose data directories ({@code data-*}) are in {@code parent}, then deletes them. */
    static void clean(Path parent) {
        if (!Files.isDirectory(parent)) {
            return;
        }
        List<Path> candidates;
        try (Stream<Path> children = Files.list(parent)) {
            candidates = children.filter(path -> path.getFileName().toString().startsWith("data-"))
                    .filter(Files::isDirectory).toList();
        } catch (IOException e) {
            LOG.debug("cannot list {}", parent, e);
            return;
        }
        candidates.forEach(OrphanedServers::cleanIfOrphaned);
    }

    private static void cleanIfOrphaned(Path dataDirectory) {
        Path lockFile = dataDirectory.resolve("epg-lock");
        if (!Files.exists(lockFile)) {
            return; // being created right now, or not a server of ours
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock()) {
            if (lock == null) {
                return; // a live JVM's server
            }
            postmasterPid(dataDirectory).flatMap(ProcessHandle::of).ifPresent(OrphanedServers::stop);
        } catch (OverlappingFileLockException e) {
            return; // a server of this JVM
        } catch (IOException e) {
            LOG.debug("cannot check {}", dataDirectory, e);
            return;
        }
        try {
            DataDirectoryTemplate.deleteRecursively(dataDirectory);
            Files.deleteIfExists(dataDirectory.resolveSibling(dataDirectory.getFileName() + ".log"));
            LOG.info("Removed the embedded PostgreSQL of a killed JVM ({})", dataDirectory);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Cannot delete the data of a killed JVM's embedded PostgreSQL {}: {}", dataDirectory, e.toString());
        }
    }

    /** The first line of {@code postmaster.pid}: the server's process id, present while it runs. */
    private static Optional<Long> postmasterPid(Path dataDirectory) {
        try {
            List<String> lines = Files.readAllLines(dataDirectory.resolve("postmaster.pid"), StandardCharsets.US_ASCII);
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** SIGTERM: PostgreSQL's "smart" shutdown; its own children follow the postmaster. */
    private static void stop(ProcessHandle postmaster) {
        if (!postmaster.info().command().map(command -> command.endsWith("postgres")).orElse(false)) {
            return; // the pid was reused by something else
        }
        postmaster.destroy();
        try {
            postmaster.onExit().get(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            postmaster.destroyForcibly();
        } catch (ExecutionException | TimeoutException e) {
            postmaster.destroyForcibly();
        }
    }
}
