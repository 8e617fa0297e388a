package dev.attune.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Files of the repository the tests run in (Surefire's working directory is the module, not the repository root). */
final class RepositoryFiles {

    private RepositoryFiles() {
    }

    /** {@code <repository root>/<name>}, found by walking up from the working directory to the folder holding mvnw. */
    static Path file(String name) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("mvnw")) && Files.exists(dir.resolve(name))) {
                return dir.resolve(name);
            }
        }
        throw new IllegalStateException("no " + name + " next to mvnw above " + Path.of("").toAbsolutePath());
    }
}
